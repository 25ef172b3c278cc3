package dev.satchel.adapters.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.storage.BlobStorageContractTest;
import dev.satchel.domain.storage.BlobStorage;
import java.net.URI;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Runs the contract against a real S3 API: S3Proxy in-process, over an in-memory blob store. */
class S3BlobStorageTest extends BlobStorageContractTest {
  private static final String BUCKET = "satchel-test";

  private static BlobStoreContext blobStoreContext;
  private static S3Proxy s3Proxy;
  private static S3Client s3;
  private static S3BlobStorage storage;

  @BeforeAll
  static void startS3() throws Exception {
    blobStoreContext = ContextBuilder.newBuilder("transient")
        .credentials("identity", "credential")
        .overrides(new Properties())
        .build(BlobStoreContext.class);
    s3Proxy = S3Proxy.builder()
        .blobStore(blobStoreContext.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access", "secret")
        .build();
    s3Proxy.start();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> AbstractLifeCycle.STARTED.equals(s3Proxy.getState()));
    s3 = client(URI.create("http://127.0.0.1:" + s3Proxy.getPort()));
    storage = new S3BlobStorage(s3, BUCKET);
    storage.createBucketIfMissing();
  }

  // S3Proxy rejects the checksums the SDK adds by default; real S3 accepts them.
  static S3Client client(URI endpoint) {
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.US_EAST_1)
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (s3Proxy != null) {
      s3Proxy.stop();
    }
    if (blobStoreContext != null) {
      blobStoreContext.close();
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
    try (S3Client nowhere = client(URI.create("http://127.0.0.1:1"))) {
      assertThat(new S3BlobStorage(nowhere, BUCKET).isReachable()).isFalse();
    }
  }
}
