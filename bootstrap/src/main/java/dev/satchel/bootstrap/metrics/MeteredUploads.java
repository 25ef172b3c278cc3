package dev.satchel.bootstrap.metrics;

import dev.satchel.application.file.UploadFileCommand;
import dev.satchel.application.file.UploadFileUseCase;
import dev.satchel.domain.file.FileMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts {@code POST /upload} uploads by outcome and the bytes stored ({@code satchel_uploads_total},
 * {@code satchel_upload_bytes_total}, both with {@code kind="form"}; resumable uploads count as
 * {@code kind="resumable"} in {@link MeteredResumableUploads}).
 */
public final class MeteredUploads implements UploadFileUseCase {
  private static final String KIND = "form";

  private final UploadFileUseCase delegate;
  private final MeterRegistry metrics;
  private final Counter bytes;

  public MeteredUploads(UploadFileUseCase delegate, MeterRegistry metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.bytes = metrics.counter("satchel.upload.bytes", "kind", KIND);
  }

  @Override
  public FileMetadata upload(UploadFileCommand command) {
    try {
      FileMetadata stored = delegate.upload(command);
      metrics.counter("satchel.uploads", "kind", KIND, "outcome", "stored").increment();
      bytes.increment(stored.size());
      return stored;
    } catch (RuntimeException e) {
      metrics.counter("satchel.uploads", "kind", KIND, "outcome", outcome(e)).increment();
      throw e;
    }
  }

  static String outcome(RuntimeException e) {
    return e instanceof dev.satchel.domain.error.SatchelError error ? error.code() : "error";
  }
}
