package dev.satchel.bootstrap.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.adapters.persistence.file.JpaFileMetadataRepository;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.file.FileMetadataRepositoryContractTest;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The file metadata contract on the JPA adapter, against the real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class JpaFileMetadataRepositoryContractTest extends FileMetadataRepositoryContractTest {
  @Inject JpaFileMetadataRepository jpa;

  @Override
  protected FileMetadataRepository newRepository() {
    Tables.truncate();
    return EachCallInItsTransaction.wrap(FileMetadataRepository.class, jpa);
  }

  @Override
  protected UserId newOwner() {
    return Tables.newUser();
  }

  /** What the quota relies on: a second reader of the owner's sum waits for the first's insert. */
  @Test
  void theOwnersLockedSumWaitsForTheTransactionHoldingItAndSeesItsInsert() throws Exception {
    UserId owner = Tables.newUser();
    FileMetadata file = TestFiles.fileOf(owner).size(700).build();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch insert = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
        assertThat(jpa.storedBytesLockingOwner(owner)).isZero();
        locked.countDown();
        await(insert);
        jpa.add(file);
      }));
      await(locked);
      Future<Long> second = pool.submit(() ->
          QuarkusTransaction.requiringNew().call(() -> jpa.storedBytesLockingOwner(owner)));

      assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
      insert.countDown();
      first.get(10, TimeUnit.SECONDS);
      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(700);
    } finally {
      insert.countDown();
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
