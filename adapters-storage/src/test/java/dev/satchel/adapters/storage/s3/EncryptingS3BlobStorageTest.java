package dev.satchel.adapters.storage.s3;

import dev.satchel.adapters.storage.crypto.EncryptingBlobStorageContractTest;
import dev.satchel.domain.storage.BlobStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/** The encrypting decorator over a real S3 API: S3Proxy in-process, ranged GETs included. */
class EncryptingS3BlobStorageTest extends EncryptingBlobStorageContractTest {
  private static final String BUCKET = "satchel-encrypted";

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
  protected void assertNoPartialWrites() {
    org.assertj.core.api.Assertions.assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }

  @Override
  protected BlobStorage plain() {
    return storage;
  }
}
