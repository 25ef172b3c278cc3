package dev.satchel.domain.testing;

import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.upload.UploadStaging;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staged bytes in memory. Like the real stores, an append keeps what arrived before its body
 * failed, and starts over from the offset it is given (dropping bytes no state recorded).
 */
public class InMemoryUploadStaging implements UploadStaging {
  private final Map<UploadId, byte[]> staged = new ConcurrentHashMap<>();

  @Override
  public String begin(UploadId id, long length) {
    staged.put(id, new byte[0]);
    return "";
  }

  @Override
  public Staged append(UploadId id, long length, Staged current, InputStream chunk) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(Arrays.copyOf(staged.get(id), (int) current.offset()));
    byte[] buffer = new byte[4096];
    try {
      for (int n = chunk.read(buffer); n >= 0; n = chunk.read(buffer)) {
        bytes.write(buffer, 0, n);
      }
    } catch (IOException clientGone) {
      // keep what arrived
    }
    staged.put(id, bytes.toByteArray());
    return new Staged(bytes.size(), "");
  }

  @Override
  public Staged seal(UploadId id, long length, Staged current) {
    return current;
  }

  @Override
  public InputStream open(UploadId id, Staged sealed) {
    return new ByteArrayInputStream(Arrays.copyOf(staged.get(id), (int) sealed.offset()));
  }

  @Override
  public void abandon(UploadId id, Staged rejected, Staged kept) {
    // the next append starts from the kept offset
  }

  @Override
  public void discard(UploadId id, Staged current) {
    staged.remove(id);
  }

  public boolean holds(UploadId id) {
    return staged.containsKey(id);
  }
}
