package dev.satchel.adapters.storage.s3;

import dev.satchel.adapters.storage.SourceInputStream;
import dev.satchel.domain.error.StorageFull;
import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Keeps blobs as objects in one S3 bucket, named by their storage keys. */
public final class S3BlobStorage implements BlobStorage {
  private static final String FAILED = "S3 storage failed";
  private static final int NOT_FOUND = 404;
  /** What S3-compatible stores on disks (MinIO: XMinioStorageFull) answer when full; AWS never does. */
  private static final int INSUFFICIENT_STORAGE = 507;

  private final S3Client s3;
  private final String bucket;

  public S3BlobStorage(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public long write(StorageKey key, InputStream content, OptionalLong knownLength) {
    SourceInputStream source = new SourceInputStream(content, knownLength);
    try {
      return new S3Upload(s3, bucket, key).send(source, knownLength);
    } catch (IOException | RuntimeException e) {
      // Whatever the SDK throws, including its IllegalStateException when it cannot rewind a
      // one-shot body to retry, means the store failed, unless the source had failed first.
      RuntimeException failure = source.explain(e, FAILED);
      throw failure instanceof StorageUnavailable && isStorageFull(e) ? new StorageFull(e) : failure;
    }
  }

  @Override
  public BlobContent read(StorageKey key, Optional<ByteRange> range) {
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key.value());
    range.ifPresent(r -> request.range("bytes=" + r.first() + "-" + r.last()));
    try {
      ResponseInputStream<GetObjectResponse> stream = s3.getObject(request.build());
      return new BlobContent(stream, stream.response().contentLength());
    } catch (NoSuchKeyException e) {
      // A row pointing at no object is an inconsistency of the store, not a missing file.
      throw StorageUnavailable.missingBlob(e);
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  @Override
  public void delete(StorageKey key) {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key.value()));
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  @Override
  public void forEachKeyOlderThan(Instant cutoff, Consumer<StorageKey> visitor) {
    try {
      for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
        if (object.lastModified().isBefore(cutoff) && StorageKey.isValid(object.key())) {
          visitor.accept(new StorageKey(object.key()));
        }
      }
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  @Override
  public boolean isReachable() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Creates the bucket unless it exists; for development and tests, where nobody else will. */
  public void createBucketIfMissing() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      createBucket();
    } catch (S3Exception e) {
      if (e.statusCode() != NOT_FOUND) {
        throw new StorageUnavailable(FAILED, e);
      }
      createBucket();
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  private void createBucket() {
    try {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException e) {
      // Another instance created it first: the bucket exists, which is all we wanted.
    } catch (SdkException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  private static boolean isStorageFull(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof S3Exception s3 && s3.statusCode() == INSUFFICIENT_STORAGE) {
        return true;
      }
    }
    return false;
  }
}
