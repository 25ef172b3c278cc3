package dev.satchel.bootstrap.metrics;

import dev.satchel.application.file.UploadFileCommand;
import dev.satchel.application.file.UploadFileUseCase;
import dev.satchel.domain.file.FileMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts uploads by outcome and the bytes stored ({@code satchel_uploads_total}, {@code satchel_upload_bytes_total}). */
public final class MeteredUploads implements UploadFileUseCase {
  private final UploadFileUseCase delegate;
  private final MeterRegistry metrics;
  private final Counter bytes;

  public MeteredUploads(UploadFileUseCase delegate, MeterRegistry metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.bytes = metrics.counter("satchel.upload.bytes");
  }

  @Override
  public FileMetadata upload(UploadFileCommand command) {
    try {
      FileMetadata stored = delegate.upload(command);
      metrics.counter("satchel.uploads", "outcome", "stored").increment();
      bytes.increment(stored.size());
      return stored;
    } catch (RuntimeException e) {
      metrics.counter("satchel.uploads", "outcome", outcome(e)).increment();
      throw e;
    }
  }

  private static String outcome(RuntimeException e) {
    return e instanceof dev.satchel.domain.error.SatchelError error ? error.code() : "error";
  }
}
