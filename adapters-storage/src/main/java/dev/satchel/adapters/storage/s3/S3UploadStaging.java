package dev.satchel.adapters.storage.s3;

import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.upload.UploadStaging;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * Stages each resumable upload as an S3 multipart upload of the object {@code uploads/<id>}: PATCH
 * bodies are cut into parts as they stream in, holding at most one part in memory. A body's last
 * bytes below the part size (S3 refuses parts under 5 MiB but the last) are staged as a small tail
 * object, {@code uploads/<id>.tail-<part bytes>}, and put in front of the next body. The final
 * bytes always go into a part, and sealing completes the multipart upload. Keys under
 * {@code uploads/} are never storage keys, so the orphan sweeper leaves them alone; the expiry job
 * aborts and removes them.
 *
 * <p>A tail key names the part bytes before it, so a rejected append that grew the tail in place
 * only added bytes after the ones the kept state reads; parts an unrecorded append uploaded are
 * overwritten by the next one under the same numbers, and completion lists only recorded parts.
 */
public final class S3UploadStaging implements UploadStaging {
  /** S3's smallest part but the last. */
  static final int MIN_PART_BYTES = 5 * 1024 * 1024;
  /** S3's largest part number. */
  private static final int MAX_PARTS = 10_000;
  private static final String PREFIX = "uploads/";
  private static final String BINARY = "application/octet-stream";
  private static final String FAILED = "S3 upload staging failed";

  private final S3Client s3;
  private final String bucket;

  public S3UploadStaging(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public String begin(UploadId id, long length) {
    try {
      String multipartId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key(id)).contentType(BINARY)).uploadId();
      return new S3StagingState(multipartId, List.of(), Optional.empty(), 0, false).format();
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  @Override
  public Staged append(UploadId id, long length, Staged staged, InputStream chunk) {
    S3StagingState state = S3StagingState.parse(staged.state());
    if (state.sealed()) {
      // A last PATCH retried after its completion failed: every byte is in the sealed object already.
      return new Staged(staged.offset() + drain(chunk), staged.state());
    }
    byte[] part = new byte[partSize(length)];
    try {
      int filled = readTail(state, part);
      List<S3StagingState.Part> parts = new ArrayList<>(state.parts());
      long partBytes = state.partBytes();
      // Whole parts as soon as they fill; what is left when the body ends is the last part or the tail.
      for (filled = fill(chunk, part, filled); filled == part.length; filled = fill(chunk, part, 0)) {
        parts.add(uploadPart(id, state.multipartId(), parts.size() + 1, part, filled));
        partBytes += filled;
      }
      Optional<String> tailKey = Optional.empty();
      if (filled > 0 && partBytes + filled == length) {
        parts.add(uploadPart(id, state.multipartId(), parts.size() + 1, part, filled));
        filled = 0;
      } else if (filled > 0) {
        String tail = tailKey(id, partBytes);
        int tailBytes = filled;
        s3.putObject(b -> b.bucket(bucket).key(tail).contentType(BINARY)
            .overrideConfiguration(UnsignedPayloadOverHttp::apply), body(part, tailBytes));
        tailKey = Optional.of(tail);
      }
      S3StagingState next = new S3StagingState(state.multipartId(), parts, tailKey, filled, false);
      return new Staged(next.offset(), next.format());
    } catch (SdkException | IOException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  // Parts of at least 5 MiB, and large enough that the whole upload fits in 10,000 of them.
  static int partSize(long length) {
    return (int) Math.max(MIN_PART_BYTES, (length + MAX_PARTS - 1) / MAX_PARTS);
  }

  private int readTail(S3StagingState state, byte[] part) throws IOException {
    if (state.tailKey().isEmpty() || state.tailBytes() == 0) {
      return 0;
    }
    long bytes = state.tailBytes();
    try (InputStream tail = s3.getObject(b -> b.bucket(bucket).key(state.tailKey().get())
        .range("bytes=0-" + (bytes - 1)))) {
      int filled = tail.readNBytes(part, 0, (int) bytes);
      if (filled != bytes) {
        throw new IOException("the staged tail is shorter than recorded");
      }
      return filled;
    }
  }

  private static long drain(InputStream chunk) {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try {
      for (int n = chunk.read(buffer); n >= 0; n = chunk.read(buffer)) {
        total += n;
      }
    } catch (IOException clientGone) {
      // counted up to here, as for any append
    }
    return total;
  }

  /** Reads the client's body into {@code part} from {@code filled} until full, ended or failed. */
  private static int fill(InputStream chunk, byte[] part, int filled) {
    while (filled < part.length) {
      int n;
      try {
        n = chunk.read(part, filled, part.length - filled);
      } catch (IOException clientGone) {
        return filled; // tus keeps what arrived; the caller learns why from its own stream
      }
      if (n < 0) {
        return filled;
      }
      filled += n;
    }
    return filled;
  }

  private S3StagingState.Part uploadPart(UploadId id, String multipartId, int number, byte[] part, int bytes) {
    String etag = s3.uploadPart(b -> b.bucket(bucket).key(key(id)).uploadId(multipartId).partNumber(number)
            .overrideConfiguration(UnsignedPayloadOverHttp::apply),
        body(part, bytes)).eTag();
    return new S3StagingState.Part(number, bytes, etag);
  }

  @Override
  public Staged seal(UploadId id, long length, Staged staged) {
    S3StagingState state = S3StagingState.parse(staged.state());
    if (state.sealed()) {
      return staged;
    }
    List<CompletedPart> parts = state.parts().stream()
        .map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.etag()).build())
        .toList();
    try {
      s3.completeMultipartUpload(b -> b.bucket(bucket).key(key(id)).uploadId(state.multipartId())
          .multipartUpload(m -> m.parts(parts)));
      return new Staged(staged.offset(), state.seal().format());
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  @Override
  public InputStream open(UploadId id, Staged sealed) {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key(id)));
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  @Override
  public void abandon(UploadId id, Staged rejected, Staged kept) {
    Optional<String> rejectedTail = S3StagingState.parse(rejected.state()).tailKey();
    Optional<String> keptTail = S3StagingState.parse(kept.state()).tailKey();
    if (rejectedTail.isPresent() && !rejectedTail.equals(keptTail)) {
      delete(rejectedTail.get());
    }
  }

  @Override
  public void discard(UploadId id, Staged staged) {
    S3StagingState state = S3StagingState.parse(staged.state());
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key(id)).uploadId(state.multipartId()));
    } catch (NoSuchUploadException e) {
      // Completed (sealed) or aborted before: the object or nothing is left, removed below.
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
    delete(key(id));
    try {
      // Every tail ever staged, also those of appends whose state was never recorded.
      s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(key(id) + ".tail-")).contents()
          .forEach(object -> delete(object.key()));
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  private void delete(String key) {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  private static String key(UploadId id) {
    return PREFIX + id.value();
  }

  private static String tailKey(UploadId id, long partBytes) {
    return key(id) + ".tail-" + partBytes;
  }

  // The SDK may re-read the buffer to sign or retry; it is not copied.
  private static RequestBody body(byte[] buffer, int length) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length, BINARY);
  }
}
