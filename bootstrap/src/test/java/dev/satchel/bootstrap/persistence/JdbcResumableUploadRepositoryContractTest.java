package dev.satchel.bootstrap.persistence;

import dev.satchel.adapters.persistence.upload.JdbcResumableUploadRepository;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.ResumableUploadRepositoryContractTest;
import dev.satchel.domain.user.UserId;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The resumable upload contract on the JDBC adapter, against the real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class JdbcResumableUploadRepositoryContractTest extends ResumableUploadRepositoryContractTest {
  @Inject JdbcResumableUploadRepository jdbc;

  @Override
  protected ResumableUploadRepository newRepository() {
    Tables.truncate();
    return EachCallInItsTransaction.wrap(ResumableUploadRepository.class, jdbc);
  }

  @Override
  protected UserId newOwner() {
    return Tables.newUser();
  }
}
