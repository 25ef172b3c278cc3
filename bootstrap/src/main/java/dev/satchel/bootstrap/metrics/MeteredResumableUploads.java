package dev.satchel.bootstrap.metrics;

import dev.satchel.application.upload.PatchUploadCommand;
import dev.satchel.application.upload.PatchUploadUseCase;
import dev.satchel.domain.upload.ResumableUpload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts resumable (tus) uploads as {@code POST /upload} ones are counted, with {@code kind="resumable"}:
 * {@code satchel_uploads_total{outcome="stored"}} when the last byte made a file, an error code when a
 * PATCH failed, and {@code satchel_upload_bytes_total} of the files made.
 */
public final class MeteredResumableUploads implements PatchUploadUseCase {
  private static final String KIND = "resumable";

  private final PatchUploadUseCase delegate;
  private final MeterRegistry metrics;
  private final Counter bytes;

  public MeteredResumableUploads(PatchUploadUseCase delegate, MeterRegistry metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.bytes = metrics.counter("satchel.upload.bytes", "kind", KIND);
  }

  @Override
  public ResumableUpload patch(PatchUploadCommand command) {
    try {
      ResumableUpload upload = delegate.patch(command);
      if (upload.isComplete()) {
        metrics.counter("satchel.uploads", "kind", KIND, "outcome", "stored").increment();
        bytes.increment(upload.length());
      }
      return upload;
    } catch (RuntimeException e) {
      metrics.counter("satchel.uploads", "kind", KIND, "outcome", MeteredUploads.outcome(e)).increment();
      throw e;
    }
  }
}
