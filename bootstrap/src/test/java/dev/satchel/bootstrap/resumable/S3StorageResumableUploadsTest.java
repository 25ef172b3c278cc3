package dev.satchel.bootstrap.resumable;

import dev.satchel.bootstrap.S3StorageProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Resumable uploads staged as S3 multipart uploads (a real S3 API in-process). */
@QuarkusTest
@TestProfile(S3StorageProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class S3StorageResumableUploadsTest extends ResumableUploadsContract {}
