package dev.satchel.adapters.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.storage.BlobStorageContractTest;
import dev.satchel.domain.storage.BlobStorage;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

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
  void unreachableEndpointIsReportedNotThrown() {
    try (S3Client nowhere = InProcessS3.client(URI.create("http://127.0.0.1:1"))) {
      assertThat(new S3BlobStorage(nowhere, BUCKET).isReachable()).isFalse();
    }
  }
}
