package dev.satchel.adapters.storage.local;

import dev.satchel.domain.error.StorageFull;
import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.upload.UploadStaging;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Stages each resumable upload as one file, {@code <dir>/<upload id>}, appended to in place and
 * synced before an append returns, so the offset it reports survives a crash. An append first cuts
 * the file back to the recorded offset: bytes a cut-short or rejected append left behind were
 * never acknowledged. Keeps no state beyond the file (its state string is empty).
 */
public final class LocalFileUploadStaging implements UploadStaging {
  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int CREATE_ATTEMPTS = 3;
  private static final String FAILED = "Local upload staging failed";

  private final Path dir;

  /** @param dir a directory of its own, outside the blob shard tree's keys */
  public LocalFileUploadStaging(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  @Override
  public String begin(UploadId id, long length) {
    for (int attempt = 1; ; attempt++) {
      try {
        Files.createDirectories(dir);
        Files.createFile(pathOf(id));
        return "";
      } catch (NoSuchFileException e) {
        // The orphan sweep removes empty directories under the blob root, this one too: create it again.
        if (attempt == CREATE_ATTEMPTS) {
          throw failure(e);
        }
      } catch (IOException e) {
        throw failure(e);
      }
    }
  }

  @Override
  public Staged append(UploadId id, long length, Staged staged, InputStream chunk) {
    try (FileChannel file = FileChannel.open(pathOf(id), StandardOpenOption.WRITE)) {
      if (file.size() < staged.offset()) {
        throw new StorageUnavailable(FAILED, new IOException("staged bytes are missing"));
      }
      file.truncate(staged.offset());
      file.position(staged.offset());
      long written = copyUntilEndOrFailure(chunk, file);
      // fdatasync: the data and the file's new size, which is all a later read needs.
      file.force(false);
      return new Staged(staged.offset() + written, "");
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private static long copyUntilEndOrFailure(InputStream chunk, FileChannel file) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    ByteBuffer view = ByteBuffer.wrap(buffer);
    long total = 0;
    while (true) {
      int n;
      try {
        n = chunk.read(buffer);
      } catch (IOException clientGone) {
        return total; // tus keeps what arrived; the caller learns why from its own stream
      }
      if (n < 0) {
        return total;
      }
      view.clear().limit(n);
      while (view.hasRemaining()) {
        file.write(view);
      }
      total += n;
    }
  }

  @Override
  public Staged seal(UploadId id, long length, Staged staged) {
    return staged;
  }

  @Override
  public InputStream open(UploadId id, Staged sealed) {
    try {
      return Files.newInputStream(pathOf(id));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void abandon(UploadId id, Staged rejected, Staged kept) {
    // Nothing to do: the next append truncates to the kept offset.
  }

  @Override
  public void discard(UploadId id, Staged staged) {
    try {
      Files.deleteIfExists(pathOf(id));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  // UploadId is a UUID, so the resolved path cannot leave the directory.
  private Path pathOf(UploadId id) {
    return dir.resolve(id.value().toString());
  }

  private static RuntimeException failure(IOException e) {
    return NoSpace.causes(e) ? new StorageFull(e) : new StorageUnavailable(FAILED, e);
  }
}
