package dev.satchel.bootstrap.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What registration leaves in the database. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class CredentialStorageTest {

  @Test
  void passwordIsNeverStoredInClear() throws Exception {
    String email = Api.registerNewUser();
    String stored = Db.queryString(
        "SELECT password_hash FROM satchel.users WHERE email_normalized = ?", email);
    assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(Api.PASSWORD);
  }
}
