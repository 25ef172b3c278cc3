// Resumable upload with tus-js-client, as browsers and Uppy do it: creation, then one PATCH per chunk.
//   node upload.mjs ENDPOINT FILE CHUNK_BYTES [BEARER_TOKEN]
// Prints one line: "TUS_RESULT seconds=<s> bytes=<n> url=<upload URL> file_id=<Satchel-File-Id or ->".
import fs from 'node:fs';
import * as tus from 'tus-js-client';

const [endpoint, file, chunk, token] = process.argv.slice(2);
if (!endpoint || !file || !chunk) {
  console.error('usage: node upload.mjs ENDPOINT FILE CHUNK_BYTES [BEARER_TOKEN]');
  process.exit(2);
}
const size = fs.statSync(file).size;
let fileId = '-';
const started = process.hrtime.bigint();
const upload = new tus.Upload(fs.createReadStream(file), {
  endpoint,
  uploadSize: size,
  chunkSize: Number(chunk),
  retryDelays: null,
  storeFingerprintForResuming: false,
  headers: token ? { Authorization: `Bearer ${token}` } : {},
  metadata: { filename: 'bench-resumable.bin', filetype: 'application/octet-stream' },
  onAfterResponse(_req, res) {
    const id = res.getHeader('Satchel-File-Id');
    if (id) fileId = id;
  },
  onError(err) {
    console.error(`tus upload failed: ${err}`);
    process.exit(1);
  },
  onSuccess() {
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`TUS_RESULT seconds=${secs.toFixed(6)} bytes=${size} url=${upload.url} file_id=${fileId}`);
  },
});
upload.start();
