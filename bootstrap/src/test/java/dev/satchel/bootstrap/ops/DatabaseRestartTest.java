package dev.satchel.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted while Satchel sat idle (every backend of its pool terminated, as a restart
 * or failover does, and away for at least the 200 ms a restart takes at the very least): once the
 * database answers again, no request fails. Connections idle past the foreground validation
 * interval (100 ms) are validated before use; busier ones are trusted.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseRestartTest {
  /** The least time a PostgreSQL restart or failover keeps the database away. */
  private static final long RESTART_MILLIS = 200;

  @Test
  void theFiftyRequestsAfterARestartAllSucceed() throws Exception {
    String token = Api.newUserToken();
    String id = Uploads.uploadedId(token, "kept.txt", new byte[] {1, 2, 3});
    for (int i = 0; i < 10; i++) {
      Api.as(token).when().get("/files").then().statusCode(200);
    }

    String terminated = Db.queryString("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
        + " WHERE application_name = 'satchel' AND datname = current_database() AND pid <> pg_backend_pid()");
    assertThat(Integer.parseInt(terminated)).as("pooled connections terminated").isPositive();
    Thread.sleep(RESTART_MILLIS);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      statuses.add(switch (i % 4) {
        case 0 -> Api.as(token).when().get("/files").statusCode();
        case 1 -> Api.as(token).when().get("/files/search?name=kept").statusCode();
        case 2 -> Uploads.upload(token, "after-" + i + ".txt", new byte[] {(byte) i}).statusCode();
        default -> Api.as(token).when().get("/files/" + id).statusCode();
      });
    }
    assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(200, 201));
  }
}
