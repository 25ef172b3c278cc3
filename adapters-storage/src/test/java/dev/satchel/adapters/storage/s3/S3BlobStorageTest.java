package dev.satchel.adapters.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.storage.BlobStorageContractTest;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.StorageKey;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** Runs the contract against a real S3 API: S3Proxy in-process, over an in-memory blob store. */
class S3BlobStorageTest extends BlobStorageContractTest {
  private static final String BUCKET = "satchel-test";

  private static InProcessS3 s3Server;
  private static S3Client s3;
  private static S3BlobStorage storage;

  @BeforeAll
  static void startS3() throws Exception {
    s3Server = InProcessS3.start();
    s3 = s3Server.client;
    storage = new S3BlobStorage(s3, BUCKET);
    storage.createBucketIfMissing();
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3Server != null) {
      s3Server.close();
    }
  }

  @Override
  protected BlobStorage storage() {
    return storage;
  }

  // An aborted multipart upload must not keep its parts around.
  @Override
  protected void assertNoPartialWrites() {
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }

  @Test
  void creatingAnExistingBucketIsFine() {
    storage.createBucketIfMissing();

    assertThat(storage.isReachable()).isTrue();
  }

  @Test
  void missingBucketIsUnreachableUntilCreated() {
    S3BlobStorage other = new S3BlobStorage(s3, "satchel-other");

    assertThat(other.isReachable()).isFalse();
    other.createBucketIfMissing();
    assertThat(other.isReachable()).isTrue();
  }

  @Test
  void bodiesGoUnsignedOverHttpYetEveryRequestIsSignedAndAccepted() throws Exception {
    // Over http the SDK would hash every body into the signature, and S3Proxy re-hash it.
    List<String> payloadHashes = new CopyOnWriteArrayList<>();
    ExecutionInterceptor recorder = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutObjectRequest || context.request() instanceof UploadPartRequest) {
          payloadHashes.add(context.httpRequest().firstMatchingHeader("x-amz-content-sha256").orElse("none"));
          assertThat(context.httpRequest().firstMatchingHeader("Authorization")).isPresent();
        }
      }
    };
    URI endpoint = s3.serviceClientConfiguration().endpointOverride().orElseThrow();
    try (S3Client recorded = InProcessS3.client(endpoint, List.of(recorder))) {
      S3BlobStorage unsigned = new S3BlobStorage(recorded, BUCKET);
      StorageKey small = newKey();
      StorageKey large = newKey();
      byte[] bytes = randomBytes(17 * 1024 * 1024, 21);

      unsigned.write(small, source(randomBytes(1000, 20)), OptionalLong.of(1000));
      unsigned.write(large, source(bytes), OptionalLong.empty());

      assertThat(readAll(small, Optional.empty())).isEqualTo(randomBytes(1000, 20));
      assertThat(readAll(large, Optional.empty())).isEqualTo(bytes);
    }
    assertThat(payloadHashes).hasSize(4).containsOnly("UNSIGNED-PAYLOAD"); // one put, three parts
  }

  @Test
  void unreachableEndpointIsReportedNotThrown() {
    try (S3Client nowhere = InProcessS3.client(URI.create("http://127.0.0.1:1"))) {
      assertThat(new S3BlobStorage(nowhere, BUCKET).isReachable()).isFalse();
    }
  }
}
