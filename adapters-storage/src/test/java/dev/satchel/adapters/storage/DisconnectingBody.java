package dev.satchel.adapters.storage;

import java.io.IOException;
import java.io.InputStream;

/** A request body whose client disconnects: it serves zero bytes up to a count, then fails. */
public final class DisconnectingBody {
  private DisconnectingBody() {}

  /** Serves {@code bytes} zero bytes in pieces of any size, then throws {@code failure} on every read. */
  public static InputStream after(int bytes, IOException failure) {
    return new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (served >= bytes) {
          throw failure;
        }
        int n = Math.min(length, bytes - served);
        served += n;
        return n;
      }
    };
  }
}
