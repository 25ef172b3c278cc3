package dev.satchel.application.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bookkeeping every upload body shares on its way to storage: a SHA-256 of the bytes passed
 * (so skipping is refused), and the client's own read failure, remembered because storage clients
 * may wrap the exception they see beyond recognition.
 */
public abstract class HashingBodyStream extends FilterInputStream {
  private final MessageDigest digest;
  private IOException sourceFailure;

  protected HashingBodyStream(InputStream source) {
    super(source);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  /** Reads from the client, remembering a failure of the client's stream before passing it on. */
  protected final int readSource(byte[] buffer, int offset, int length) throws IOException {
    try {
      return in.read(buffer, offset, length);
    } catch (IOException e) {
      sourceFailure = e;
      throw e;
    }
  }

  /** Adds bytes that were accepted to the SHA-256. */
  protected final void hash(byte[] buffer, int offset, int length) {
    digest.update(buffer, offset, length);
  }

  @Override
  public long skip(long n) {
    return 0; // skipping would corrupt the checksum
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** The client's own read failure (a dropped connection, a pacing stop), if any. */
  public IOException sourceFailure() {
    return sourceFailure;
  }

  /** The SHA-256 of the bytes passed; call once, at the end. */
  public byte[] sha256() {
    return digest.digest();
  }
}
