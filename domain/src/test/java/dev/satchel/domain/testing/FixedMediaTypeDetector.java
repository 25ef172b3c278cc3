package dev.satchel.domain.testing;

import dev.satchel.domain.file.FileName;
import dev.satchel.domain.file.MediaType;
import dev.satchel.domain.file.MediaTypeDetector;
import java.util.Optional;

/** Answers one type whatever it is shown, and remembers what it was shown last. */
public final class FixedMediaTypeDetector implements MediaTypeDetector {
  private final MediaType type;
  private final int headLength;
  private volatile byte[] lastHead;
  private volatile FileName lastFilename;
  private volatile Optional<String> lastDeclaredType;

  public FixedMediaTypeDetector(MediaType type, int headLength) {
    this.type = type;
    this.headLength = headLength;
  }

  @Override
  public int headLength() {
    return headLength;
  }

  @Override
  public MediaType detect(byte[] head, FileName filename, Optional<String> declaredType) {
    lastHead = head.clone();
    lastFilename = filename;
    lastDeclaredType = declaredType;
    return type;
  }

  public byte[] lastHead() {
    return lastHead;
  }

  public FileName lastFilename() {
    return lastFilename;
  }

  public Optional<String> lastDeclaredType() {
    return lastDeclaredType;
  }
}
