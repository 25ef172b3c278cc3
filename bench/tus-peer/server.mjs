// The tus peer of bench/run: @tus/server with @tus/file-store, as its README sets it up.
//   node server.mjs PORT DIRECTORY      (listens on 127.0.0.1:PORT, uploads under /files/)
// The file store writes with fs streams and never calls fsync: an acknowledged byte may still be
// in the page cache only. Satchel fsyncs blob and directory before answering; the report says so.
import http from 'node:http';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';

const [port, directory] = process.argv.slice(2);
if (!port || !directory) {
  console.error('usage: node server.mjs PORT DIRECTORY');
  process.exit(2);
}
const tus = new Server({ path: '/files', datastore: new FileStore({ directory }) });
const server = http.createServer((req, res) => tus.handle(req, res));
server.listen(Number(port), '127.0.0.1', () => console.log(`tus peer on 127.0.0.1:${port}, store ${directory}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
