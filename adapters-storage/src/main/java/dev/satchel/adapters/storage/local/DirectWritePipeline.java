package dev.satchel.adapters.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Copies the rest of a large blob's stream to its temp file through {@code O_DIRECT}, with the
 * disk writes on a second thread: the caller fills one aligned chunk from the stream while the
 * writer sends the previous one straight to the device.
 *
 * <p>Why: a buffered write copies every byte into the page cache (on this kind of machine the
 * largest CPU cost of a 256 MiB upload, ahead of SHA-256) and leaves all of it for the final
 * fsync; a direct write costs no copy, and the disk works while the stream is still being read, so
 * the fsync afterwards has only metadata and the device cache left. Memory stays bounded at
 * {@link #CHUNKS} chunks of {@link #CHUNK_BYTES} of direct memory per upload in flight.
 *
 * <p>Direct I/O wants buffer address, length and file offset aligned to the device's block, so the
 * copy starts at an aligned offset and the final partial block goes through the ordinary channel.
 */
final class DirectWritePipeline {
  static final int CHUNK_BYTES = 1024 * 1024;
  static final int CHUNKS = 3;
  /** The alignment used; a store whose block does not divide the chunk is written buffered. */
  static final int ALIGNMENT = 4096;
  private static final int READ_BYTES = 64 * 1024;

  private final FileChannel direct;
  private final FileChannel buffered;

  /**
   * @param direct the temp file opened with {@code O_DIRECT}
   * @param buffered the same temp file opened normally, for the unaligned tail
   */
  DirectWritePipeline(FileChannel direct, FileChannel buffered) {
    this.direct = direct;
    this.buffered = buffered;
  }

  /**
   * Copies {@code source} to its end, starting at file offset {@code position}.
   *
   * @param position a multiple of {@link #ALIGNMENT}
   * @return the bytes copied
   * @throws IOException from the source, or from the disk (reported once the writer has stopped)
   */
  long copy(InputStream source, long position) throws IOException {
    Writer writer = new Writer(position);
    Thread thread = Thread.ofVirtual().name("satchel-direct-writer").start(writer);
    try {
      long copied = fill(source, writer);
      writer.finish();
      join(thread);
      writer.rethrow();
      return copied;
    } finally {
      // Whatever failed, no write may still be running when the caller deletes or renames the file.
      writer.finish();
      join(thread);
    }
  }

  private long fill(InputStream source, Writer writer) throws IOException {
    byte[] read = new byte[READ_BYTES];
    long copied = 0;
    while (true) {
      ByteBuffer chunk = writer.emptyChunk();
      boolean ended = false;
      while (chunk.hasRemaining()) {
        int n = source.read(read, 0, Math.min(read.length, chunk.remaining()));
        if (n < 0) {
          ended = true;
          break;
        }
        chunk.put(read, 0, n);
        copied += n;
      }
      writer.submit(chunk.flip());
      if (ended) {
        return copied;
      }
    }
  }

  private static void join(Thread thread) throws InterruptedIOException {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        // The file must not change after the copy returns: keep waiting, report the interrupt afterwards.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The writer thread: writes submitted chunks in order, and hands each back once written. */
  private final class Writer implements Runnable {
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final BlockingQueue<ByteBuffer> empty = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private long position;
    private volatile IOException failure;
    private boolean finished;

    Writer(long position) {
      this.position = position;
      ByteBuffer memory = ByteBuffer.allocateDirect(CHUNKS * CHUNK_BYTES + ALIGNMENT).alignedSlice(ALIGNMENT);
      for (int i = 0; i < CHUNKS; i++) {
        empty.add(memory.slice(i * CHUNK_BYTES, CHUNK_BYTES));
      }
    }

    ByteBuffer emptyChunk() throws IOException {
      ByteBuffer chunk = take(empty);
      rethrow();
      return chunk.clear();
    }

    void submit(ByteBuffer chunk) {
      put(chunk);
    }

    /** Tells the writer no chunk follows; idempotent. */
    void finish() {
      if (!finished) {
        finished = true;
        put(END);
      }
    }

    void rethrow() throws IOException {
      IOException failed = failure;
      if (failed != null) {
        throw failed;
      }
    }

    @Override
    public void run() {
      try {
        for (ByteBuffer chunk = full.take(); chunk != END; chunk = full.take()) {
          if (failure == null) {
            write(chunk);
          }
          // After a failure chunks only cycle back, so the reader never waits for a lost one.
          empty.add(chunk);
        }
      } catch (InterruptedException e) {
        failure = new InterruptedIOException("direct writer interrupted");
      }
    }

    private void write(ByteBuffer chunk) {
      try {
        int aligned = chunk.remaining() - chunk.remaining() % ALIGNMENT;
        ByteBuffer body = chunk.duplicate().limit(chunk.position() + aligned);
        while (body.hasRemaining()) {
          position += direct.write(body, position);
        }
        chunk.position(body.position());
        while (chunk.hasRemaining()) {
          position += buffered.write(chunk, position);
        }
      } catch (IOException e) {
        failure = e;
      }
    }

    // The queues are sized so that puts never wait; takes wait for the other side.
    private void put(ByteBuffer chunk) {
      if (!full.offer(chunk)) {
        throw new IllegalStateException("more chunks in flight than exist");
      }
    }

    private ByteBuffer take(BlockingQueue<ByteBuffer> queue) throws IOException {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("upload interrupted while waiting for the disk");
      }
    }
  }
}
