package dev.satchel.domain.storage;

/** An inclusive range of byte offsets inside a blob, already checked against its size. */
public record ByteRange(long first, long last) {
  public ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("invalid byte range " + first + "-" + last);
    }
  }

  public long length() {
    return last - first + 1;
  }
}
