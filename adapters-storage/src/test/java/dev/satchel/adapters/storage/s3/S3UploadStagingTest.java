package dev.satchel.adapters.storage.s3;

import dev.satchel.adapters.storage.UploadStagingContractTest;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.upload.UploadStaging;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the staging contract on a real S3 API (S3Proxy in-process): multipart uploads and tail objects. */
class S3UploadStagingTest extends UploadStagingContractTest {
  private static final String BUCKET = "satchel-staging-test";

  private static InProcessS3 s3Server;
  private static S3UploadStaging staging;

  @BeforeAll
  static void startS3() throws Exception {
    s3Server = InProcessS3.start();
    new S3BlobStorage(s3Server.client, BUCKET).createBucketIfMissing();
    staging = new S3UploadStaging(s3Server.client, BUCKET);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3Server != null) {
      s3Server.close();
    }
  }

  @Override
  protected UploadStaging staging() {
    return staging;
  }

  // Nothing under uploads/<id>: no staged object, no tail, and no multipart upload still holding parts.
  @Override
  protected boolean leftovers(UploadId id) {
    String prefix = "uploads/" + id;
    return !s3Server.client.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().isEmpty()
        || !s3Server.client.listMultipartUploads(b -> b.bucket(BUCKET).prefix(prefix)).uploads().isEmpty();
  }
}
