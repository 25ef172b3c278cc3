package dev.satchel.bootstrap.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.AdjustableClock;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Share-link behaviour that needs the app's clock or its database. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class ShareLinkInternalsTest extends SharedFileFixture {

  @Test
  void expiredLinkAnswersGone() {
    String shareToken = share(Map.of("expires_in", 60)).path("token");
    download(shareToken).then().statusCode(200);
    AdjustableClock.advance(Duration.ofSeconds(61));
    download(shareToken).then().statusCode(410).body("code", equalTo("share-gone"));
  }

  @Test
  void onlyTheTokensHashIsStored() throws Exception {
    Response created = share(null);
    String shareToken = created.path("token");
    assertThat(Db.queryStrings("SELECT token_hash FROM satchel.share_links WHERE token_hash = ?", shareToken)).isEmpty();
    assertThat(Db.queryString("SELECT token_hash FROM satchel.share_links WHERE id = ?::uuid", (Object) created.path("share_id")))
        .isEqualTo(Uploads.sha256(shareToken.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(Db.queryString("SELECT count(*) FROM satchel.share_links WHERE position(? in coalesce(password_hash,'')) > 0", shareToken))
        .isEqualTo("0");
  }
}
