package dev.satchel.adapters.storage.s3;

import dev.satchel.adapters.storage.SourceInputStream;
import dev.satchel.domain.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads one stream to one S3 key: a stream of known length up to one part goes out in a single
 * streamed PUT, without a buffer; anything longer, or of unknown length, is read part by part
 * and, once it passes one part, sent as a multipart upload whose parts travel in parallel while
 * the next ones are read. At most {@link #PARTS_IN_MEMORY} parts are held at once, so one upload
 * never holds more than {@code PARTS_IN_MEMORY * PART_SIZE} bytes of heap.
 *
 * <p>Why bounded parallel {@code UploadPart} calls on the sync client rather than the SDK's own
 * multipart support: the SDK's automatic multipart ({@code multipartEnabled}) and
 * {@code S3TransferManager} need the asynchronous client (Netty or CRT HTTP client, a second
 * client, thread pool and configuration beside the sync one Satchel already runs), and for a
 * stream of unknown length they buffer on their own terms. A part still ends at the same
 * {@code UploadPart} request here, one virtual thread each.
 */
final class S3Upload {
  /** Parts must be at least 5 MiB (except the last); 8 MiB allows objects up to 80 GiB. */
  static final int PART_SIZE = 8 * 1024 * 1024;

  /** Parts being read or sent at once: 32 MiB of heap per upload at most. */
  static final int PARTS_IN_MEMORY = 4;

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
    if (knownLength.isPresent() && knownLength.getAsLong() <= PART_SIZE) {
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
    s3.putObject(b -> b.bucket(bucket).key(key).contentType(BINARY)
        .overrideConfiguration(UnsignedPayloadOverHttp::apply), body);
  }

  private long multipart(InputStream source, byte[] first) throws IOException {
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(BINARY)).uploadId();
    ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    try {
      // Buffers come back here when their part is sent; taking one waits for a send to finish.
      BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(PARTS_IN_MEMORY);
      List<Future<CompletedPart>> sent = new ArrayList<>();
      int allocated = 1;
      byte[] part = first;
      int filled = PART_SIZE;
      long total = 0;
      while (filled > 0) {
        sent.add(sendPart(senders, free, uploadId, sent.size() + 1, part, filled));
        total += filled;
        if (filled < PART_SIZE) {
          break; // a short part was the last one; reading again would only meet the end
        }
        if (allocated < PARTS_IN_MEMORY) {
          part = new byte[PART_SIZE];
          allocated++;
        } else {
          part = free.take();
        }
        failFast(sent);
        filled = fill(source, part);
      }
      List<CompletedPart> parts = new ArrayList<>(sent.size());
      for (Future<CompletedPart> f : sent) {
        parts.add(result(f));
      }
      s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while uploading parts");
      abort(uploadId, senders, interrupted);
      throw interrupted;
    } catch (IOException | RuntimeException e) {
      abort(uploadId, senders, e);
      throw e;
    } finally {
      senders.close();
    }
  }

  private Future<CompletedPart> sendPart(
      ExecutorService senders, BlockingQueue<byte[]> free, String uploadId, int number, byte[] part, int length) {
    return senders.submit(() -> {
      try {
        return uploadPart(uploadId, number, part, length);
      } finally {
        free.add(part);
      }
    });
  }

  /** Stops reading the client's body as soon as one part has failed. */
  private static void failFast(List<Future<CompletedPart>> sent) {
    for (Future<CompletedPart> f : sent) {
      if (f.state() == Future.State.FAILED) {
        result(f);
      }
    }
  }

  private static CompletedPart result(Future<CompletedPart> part) {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a part", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
    }
  }

  private CompletedPart uploadPart(String uploadId, int number, byte[] part, int length) {
    String etag = s3.uploadPart(
            b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                .overrideConfiguration(UnsignedPayloadOverHttp::apply),
            bufferBody(part, length))
        .eTag();
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  // Unlike RequestBody.fromBytes this does not copy the buffer, and unlike a one-shot stream the
  // SDK can re-read it to sign the payload or to retry.
  private static RequestBody bufferBody(byte[] buffer, int length) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length, BINARY);
  }

  // An unfinished multipart upload keeps its parts, and costs, until it is aborted; parts still
  // in flight are cancelled first so none lands after the abort.
  private void abort(String uploadId, ExecutorService senders, Exception failure) {
    senders.shutdownNow();
    try {
      senders.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
