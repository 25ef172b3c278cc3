package dev.satchel.adapters.storage.s3;

import dev.satchel.adapters.storage.crypto.EncryptingBlobStorageContractTest;
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
import software.amazon.awssdk.services.s3.S3Client;

/** The encrypting decorator over a real S3 API: S3Proxy in-process, ranged GETs included. */
class EncryptingS3BlobStorageTest extends EncryptingBlobStorageContractTest {
  private static final String BUCKET = "satchel-encrypted";

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
    s3 = S3BlobStorageTest.client(URI.create("http://127.0.0.1:" + s3Proxy.getPort()));
    storage = new S3BlobStorage(s3, BUCKET);
    storage.createBucketIfMissing();
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
  protected void assertNoPartialWrites() {
    org.assertj.core.api.Assertions.assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }

  @Override
  protected BlobStorage plain() {
    return storage;
  }
}
