package dev.satchel.bootstrap.files;

import dev.satchel.bootstrap.S3StorageProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The file endpoints with blobs in S3 (a real S3 API in-process). */
@QuarkusTest
@TestProfile(S3StorageProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class S3StorageFileEndpointsContractTest extends FileEndpointsContract {}
