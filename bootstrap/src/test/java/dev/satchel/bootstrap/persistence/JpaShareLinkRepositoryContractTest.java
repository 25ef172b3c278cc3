package dev.satchel.bootstrap.persistence;

import dev.satchel.adapters.persistence.share.JpaShareLinkRepository;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.share.ShareLinkRepositoryContractTest;
import dev.satchel.domain.user.UserId;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The share link contract on the JPA adapter, against the real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class JpaShareLinkRepositoryContractTest extends ShareLinkRepositoryContractTest {
  @Inject JpaShareLinkRepository jpa;

  @Override
  protected ShareLinkRepository newRepository() {
    Tables.truncate();
    return EachCallInItsTransaction.wrap(ShareLinkRepository.class, jpa);
  }

  @Override
  protected UserId newOwner() {
    return Tables.newUser();
  }

  @Override
  protected FileId newFile(UserId fileOwner) {
    return Tables.newFile(fileOwner);
  }
}
