package dev.satchel.adapters.storage.crypto;

import com.google.crypto.tink.StreamingAead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * Turns a plaintext stream into its Tink streaming-AEAD ciphertext while it is read, so a store that
 * pulls its input (as {@code BlobStorage.write} does) can take encrypted bytes without a thread or a
 * temporary file. Holds at most about one segment of ciphertext; failures of the plaintext source
 * pass through unchanged so the store can tell them from its own.
 */
final class EncryptingInputStream extends InputStream {
  private static final int CHUNK = 64 * 1024;

  private final InputStream plaintext;
  private final Buffer ciphertext = new Buffer();
  private final OutputStream encrypter;
  private final byte[] chunk = new byte[CHUNK];
  private int served;
  private boolean finished;
  private long plaintextBytes;

  EncryptingInputStream(InputStream plaintext, StreamingAead aead, byte[] associatedData) {
    this.plaintext = plaintext;
    try {
      this.encrypter = aead.newEncryptingStream(ciphertext, associatedData);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot start encryption", e);
    }
  }

  /** Plaintext bytes consumed so far; the blob's length once the stream is drained. */
  long plaintextBytes() {
    return plaintextBytes;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (served == ciphertext.size() && !finished) {
      ciphertext.reset();
      served = 0;
      int n = plaintext.read(chunk);
      if (n < 0) {
        encrypter.close(); // writes the final, authenticated segment
        finished = true;
      } else {
        plaintextBytes += n;
        encrypter.write(chunk, 0, n);
      }
    }
    int available = ciphertext.size() - served;
    if (available == 0) {
      return -1;
    }
    int n = Math.min(length, available);
    System.arraycopy(ciphertext.bytes(), served, buffer, offset, n);
    served += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    plaintext.close();
  }

  /** A byte buffer whose array can be read without a copy. */
  private static final class Buffer extends ByteArrayOutputStream {
    byte[] bytes() {
      return buf;
    }
  }
}
