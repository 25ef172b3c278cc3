package dev.satchel.bootstrap.resumable;

import dev.satchel.bootstrap.S3StorageProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Resumable uploads staged as S3 multipart uploads (a real S3 API in-process). */
@QuarkusTest
@TestProfile(S3StorageProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class S3StorageResumableUploadsTest extends ResumableUploadsContract {
  @Inject S3Client s3;

  @Override
  protected List<String> stagedLeftovers(String uploadId) {
    String bucket = ConfigProvider.getConfig().getValue("satchel.storage.s3.bucket", String.class);
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("uploads/" + uploadId)).contents().stream()
        .map(S3Object::key).toList();
  }
}
