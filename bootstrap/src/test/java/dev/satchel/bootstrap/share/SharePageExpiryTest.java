package dev.satchel.bootstrap.share;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.AdjustableClock;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Share pages over time, driven by the application's {@link AdjustableClock} (in-process only,
 * so this class has no packaged-application twin).
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class SharePageExpiryTest extends SharedFileFixture {

  @Test
  void expiredLinkIsAHuman410AndStillProblemJsonForPrograms() throws Exception {
    String shareToken = share(Map.of("expires_in", 3600)).path("token");
    AdjustableClock.advance(Duration.ofHours(1));
    try (WebClient browser = Browser.open()) {
      HtmlPage page = browser.getPage(Browser.url("/share/" + shareToken));

      assertThat(page.getWebResponse().getStatusCode()).isEqualTo(410);
      assertThat(page.getElementsByTagName("h1").get(0).getTextContent()).isEqualTo("Link no longer available");
      assertThat(page.asNormalizedText()).contains("expired");
    }
    download(shareToken).then().statusCode(410).contentType("application/problem+json")
        .body("code", equalTo("share-gone"));
  }

  @Test
  void aGrantCookieLastsFifteenMinutes() {
    String shareToken = share(Map.of("password", "open sesame")).path("token");
    String grant = given().redirects().follow(false).contentType(ContentType.URLENC)
        .formParam("password", "open sesame").when().post("/share/" + shareToken + "/unlock")
        .then().statusCode(303).extract().cookie("satchel_share_grant");

    AdjustableClock.advance(Duration.ofMinutes(15).minusSeconds(5));
    given().cookie("satchel_share_grant", grant).when().get("/share/" + shareToken).then().statusCode(200);
    AdjustableClock.advance(Duration.ofSeconds(5));

    given().cookie("satchel_share_grant", grant).when().get("/share/" + shareToken).then().statusCode(401)
        .contentType("application/problem+json");
  }
}
