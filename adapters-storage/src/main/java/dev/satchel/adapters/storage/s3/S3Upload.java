package dev.satchel.adapters.storage.s3;

import dev.satchel.adapters.storage.SourceInputStream;
import dev.satchel.domain.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads one stream to one S3 key: in a single request when its length is known or it fits in
 * one part, otherwise as a multipart upload holding at most one part in memory.
 */
final class S3Upload {
  /** Parts must be at least 5 MiB (except the last); 8 MiB allows objects up to 80 GiB. */
  static final int PART_SIZE = 8 * 1024 * 1024;

  /** S3 refuses a single PUT above 5 GiB. */
  private static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;

  private static final String BINARY = "application/octet-stream";

  private final S3Client s3;
  private final String bucket;
  private final String key;

  S3Upload(S3Client s3, String bucket, StorageKey key) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key.value();
  }

  /** Sends {@code source} and returns its length. */
  long send(SourceInputStream source, OptionalLong knownLength) throws IOException {
    if (knownLength.isPresent() && knownLength.getAsLong() <= MAX_SINGLE_PUT) {
      return putKnown(source, knownLength.getAsLong());
    }
    byte[] part = new byte[PART_SIZE];
    int filled = fill(source, part);
    if (filled < PART_SIZE) {
      put(bufferBody(part, filled));
      return filled;
    }
    return multipart(source, part);
  }

  // Streams straight through without buffering. The SDK cannot rewind a one-shot body, so a
  // transient failure here is not retried: it fails the write.
  private long putKnown(SourceInputStream source, long length) throws IOException {
    put(RequestBody.fromInputStream(source, length));
    try {
      source.expectEnd();
    } catch (IOException e) {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
      throw e;
    }
    return length;
  }

  private void put(RequestBody body) {
    s3.putObject(b -> b.bucket(bucket).key(key).contentType(BINARY), body);
  }

  private long multipart(InputStream source, byte[] part) throws IOException {
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(BINARY)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long total = 0;
      int filled = PART_SIZE;
      while (filled > 0) {
        parts.add(uploadPart(uploadId, parts.size() + 1, part, filled));
        total += filled;
        // A short part was the last one; reading again would only meet the end.
        filled = filled < PART_SIZE ? 0 : fill(source, part);
      }
      s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
      return total;
    } catch (IOException | RuntimeException e) {
      abort(uploadId, e);
      throw e;
    }
  }

  private CompletedPart uploadPart(String uploadId, int number, byte[] part, int length) {
    String etag = s3.uploadPart(
            b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number), bufferBody(part, length))
        .eTag();
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  // Unlike RequestBody.fromBytes this does not copy the buffer, and unlike a one-shot stream the
  // SDK can re-read it to sign the payload or to retry.
  private static RequestBody bufferBody(byte[] buffer, int length) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length, BINARY);
  }

  // An unfinished multipart upload keeps its parts, and costs, until it is aborted.
  private void abort(String uploadId, Exception failure) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      failure.addSuppressed(e);
    }
  }

  /** Reads until {@code buffer} is full or the stream ends; returns the bytes read. */
  private static int fill(InputStream source, byte[] buffer) throws IOException {
    int filled = 0;
    while (filled < buffer.length) {
      int n = source.read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        break;
      }
      filled += n;
    }
    return filled;
  }
}
