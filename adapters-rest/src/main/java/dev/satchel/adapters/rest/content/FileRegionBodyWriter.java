package dev.satchel.adapters.rest.content;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Sends a {@link FileRegionBody}: a region of up to {@link #SMALL_REGION} bytes is read once and
 * written together with the response head; a longer one goes through the HTTP server's sendfile,
 * so its bytes never cross the heap.
 */
@Provider
@Produces(MediaType.WILDCARD)
public class FileRegionBodyWriter implements ServerMessageBodyWriter<FileRegionBody> {
  /**
   * Regions up to this many bytes are read into memory rather than sent with sendfile. Vert.x's
   * sendFile costs 12 system calls per response here (three stats, open, fstat, the JDK's failing
   * copy_file_range, sendfile, a separate write of the head, ...); open, pread, close and one
   * write of head and body together cost 5. Measured on 64 KiB files (wrk, 8 connections, 6
   * alternated rounds against the sendfile build): owner downloads +4 %, share downloads +3.5 %,
   * CPU per request -2 to -4 % (bench/results/2026-11-30-wave7-small-reads-upload-ceiling.md).
   * Beyond this size sendfile already outruns nginx (1 MiB: 0.9-1.4x), and each response in
   * flight holds at most this much pooled direct memory.
   */
  static final int SMALL_REGION = 64 * 1024;

  /**
   * Where read regions wait to be written: Netty's pooled allocator with its own default 4 MiB
   * chunks (8 KiB pages, maxOrder 9), one direct arena per core, no thread caches (the readers are
   * worker threads). Quarkus sets {@code io.netty.allocator.maxOrder=3} for the shared allocator,
   * whose chunks are therefore 64 KiB: a 64 KiB region took a chunk of its own, which Netty
   * allocated, zeroed and freed again for every download (2.9 % of the CPU of a 64 KiB owner
   * download in the profile). A chunk is only freed once more than a quarter of it was in use and
   * then all of it is released, so 1 MiB chunks still churned with 8 downloads in flight (2.1 %);
   * 4 MiB chunks hold 16 regions per arena before that can happen.
   */
  static final PooledByteBufAllocator REGIONS = new PooledByteBufAllocator(true, 0,
      Runtime.getRuntime().availableProcessors(), 8192, 9, 0, 0, false);

  @Override
  public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
    return FileRegionBody.class.equals(type);
  }

  @Override
  public void writeResponse(FileRegionBody body, Type genericType, ServerRequestContext context) {
    HttpServerResponse response = context instanceof ResteasyReactiveRequestContext request
        ? request.serverRequest().unwrap(HttpServerResponse.class)
        : null;
    if (response == null) {
      context.serverResponse().sendFile(body.file().toString(), body.offset(), body.length());
      return;
    }
    send(body, response);
  }

  /**
   * Writes {@code body} as the whole remaining response, its head already set. A file that is
   * gone, unreadable or shorter than the region resets the connection: the head promised a
   * length that can no longer be kept, and Quarkus REST would otherwise leave the client waiting
   * for the idle timeout (the blob's owner may delete it during their own download).
   */
  static void send(FileRegionBody body, HttpServerResponse response) {
    if (body.length() <= SMALL_REGION) {
      sendRead(body, response);
    } else {
      response.sendFile(body.file().toString(), body.offset(), body.length())
          .onFailure(failure -> response.reset());
    }
  }

  private static void sendRead(FileRegionBody body, HttpServerResponse response) {
    int length = (int) body.length();
    ByteBuf bytes = REGIONS.directBuffer(length, length);
    try (FileChannel channel = FileChannel.open(body.file(), StandardOpenOption.READ)) {
      while (bytes.isWritable()) {
        if (bytes.writeBytes(channel, body.offset() + bytes.writerIndex(), bytes.writableBytes()) < 0) {
          throw new EOFException("the file ended before its region: " + body.file());
        }
      }
    } catch (IOException e) {
      bytes.release();
      response.reset();
      return;
    }
    // Vert.x treats a direct buffer it did not allocate as unreleasable: it is ours to release
    // once written, or once the write failed with the connection.
    try {
      response.end(Buffer.buffer(bytes)).onComplete(written -> bytes.release());
    } catch (RuntimeException refused) {
      bytes.release(); // a response already ended or reset
      throw refused;
    }
  }

  @Override
  public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return FileRegionBody.class.equals(type);
  }

  // Quarkus REST calls this instead of writeResponse only when a writer interceptor wraps the
  // body (none in Satchel today): then the region is copied into the given stream.
  @Override
  public void writeTo(FileRegionBody body, Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
    try (FileChannel channel = FileChannel.open(body.file(), StandardOpenOption.READ)) {
      WritableByteChannel target = Channels.newChannel(out);
      long sent = 0;
      while (sent < body.length()) {
        long n = channel.transferTo(body.offset() + sent, body.length() - sent, target);
        if (n <= 0) {
          throw new EOFException("the file ended before its region: " + body.file());
        }
        sent += n;
      }
    }
  }
}
