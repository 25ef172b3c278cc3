package dev.satchel.bootstrap.metrics;

import dev.satchel.application.file.ReadFileContentUseCase;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.ByteRange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Counts downloads (whole or ranged) and the bytes they serve ({@code satchel_downloads_total},
 * {@code satchel_download_bytes_total}), for owners and public links alike.
 */
public final class MeteredDownloads implements ReadFileContentUseCase {
  private final ReadFileContentUseCase delegate;
  private final Counter whole;
  private final Counter ranged;
  private final Counter bytes;

  public MeteredDownloads(ReadFileContentUseCase delegate, MeterRegistry metrics) {
    this.delegate = delegate;
    this.whole = metrics.counter("satchel.downloads", "kind", "whole");
    this.ranged = metrics.counter("satchel.downloads", "kind", "range");
    this.bytes = metrics.counter("satchel.download.bytes");
  }

  @Override
  public BlobContent read(FileMetadata file, Optional<ByteRange> range) {
    return counted(delegate.read(file, range), range);
  }

  @Override
  public Optional<BlobContent> readWithoutWaiting(FileMetadata file, Optional<ByteRange> range) {
    return delegate.readWithoutWaiting(file, range).map(content -> counted(content, range));
  }

  private BlobContent counted(BlobContent content, Optional<ByteRange> range) {
    (range.isPresent() ? ranged : whole).increment();
    bytes.increment(content.length());
    return content;
  }
}
