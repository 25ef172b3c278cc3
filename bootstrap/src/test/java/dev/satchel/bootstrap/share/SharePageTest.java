package dev.satchel.bootstrap.share;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A person opening a share link in a browser: a page first, the bytes from its download link. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class SharePageTest extends SharedFileFixture {
  static final String CSP = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; "
      + "base-uri 'none'";
  private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>.txt";

  @Test
  void thePageShowsTheFileAndViewingItCountsNothing() throws Exception {
    String shareToken = share(Map.of("max_downloads", 3)).path("token");
    try (WebClient browser = Browser.open()) {
      HtmlPage page = browser.getPage(Browser.url("/share/" + shareToken));
      browser.getPage(Browser.url("/share/" + shareToken));

      assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
      assertThat(page.getWebResponse().getContentType()).isEqualTo("text/html");
      assertThat(page.getTitleText()).isEqualTo("shared report.pdf · Satchel");
      assertThat(page.getElementsByTagName("h1").get(0).getTextContent()).isEqualTo("shared report.pdf");
      assertThat(page.asNormalizedText()).contains("4 KiB (4,096 bytes)").contains("Downloads left\n3");
      assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("en");
    }
    assertDownloadCount(0);
  }

  @Test
  void downloadsLeftGoesDownWithEachDownloadFromThePage() throws Exception {
    String shareToken = share(Map.of("max_downloads", 3)).path("token");
    try (WebClient browser = Browser.open()) {
      HtmlPage page = browser.getPage(Browser.url("/share/" + shareToken));
      assertThat(page.asNormalizedText()).contains("Downloads left\n3"); // the link is now cached

      page.getAnchorByText("Download").click();
      assertThat(browser.<HtmlPage>getPage(Browser.url("/share/" + shareToken)).asNormalizedText())
          .contains("Downloads left\n2");
      page.getAnchorByText("Download").click();
      assertThat(browser.<HtmlPage>getPage(Browser.url("/share/" + shareToken)).asNormalizedText())
          .contains("Downloads left\n1");
    }
    assertDownloadCount(2);
  }

  @Test
  void aTinyFileShowsItsSizeOnce() throws Exception {
    fileId = Uploads.uploadedId(token, "tiny.txt", "15 bytes here..".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    String shareToken = share(null).path("token");
    try (WebClient browser = Browser.open()) {
      HtmlPage page = browser.getPage(Browser.url("/share/" + shareToken));

      assertThat(page.asNormalizedText()).contains("Size\n15 bytes\n").doesNotContain("(15 bytes)");
    }
  }

  @Test
  void aHostileFileNameIsShownAsText() throws Exception {
    fileId = Uploads.uploadedId(token, HOSTILE_NAME, content);
    String shareToken = share(null).path("token");
    try (WebClient browser = Browser.open()) {
      HtmlPage page = browser.getPage(Browser.url("/share/" + shareToken));

      assertThat(page.getElementsByTagName("h1").get(0).getTextContent()).isEqualTo(HOSTILE_NAME);
      assertThat(page.getElementsByTagName("img")).isEmpty();
      assertThat(page.getElementsByTagName("script")).isEmpty();
      assertThat(page.getWebResponse().getContentAsString()).contains("&lt;img src=x onerror=alert(1)&gt;.txt");
    }
  }

  @Test
  void theDownloadLinkServesTheBytesAndCountsExactlyOne() throws Exception {
    String shareToken = share(null).path("token");
    try (WebClient browser = Browser.open()) {
      HtmlPage page = browser.getPage(Browser.url("/share/" + shareToken));
      HtmlAnchor link = page.getAnchorByText("Download");
      assertThat(link.getHrefAttribute()).isEqualTo("/share/" + shareToken + "?download=1");

      Page downloaded = link.click();

      assertThat(downloaded.getWebResponse().getStatusCode()).isEqualTo(200);
      assertThat(downloaded.getWebResponse().getResponseHeaderValue("Content-Disposition"))
          .startsWith("attachment; filename=\"shared report.pdf\"");
      assertThat(downloaded.getWebResponse().getContentAsStream().readAllBytes()).isEqualTo(content);
    }
    assertDownloadCount(1);
  }

  @Test
  void pagesCarryStrictSecurityHeaders() {
    String shareToken = share(null).path("token");
    var page = given().header("Accept", Browser.CHROME_ACCEPT).when().get("/share/" + shareToken).then().statusCode(200)
        .contentType("text/html")
        .header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .header("Vary", containsString("Accept"))
        .extract();
    assertThat(page.header("Content-Security-Policy")).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(page.asString()).doesNotContain("<script").doesNotContain("style=").doesNotContain("<style");

    given().when().get("/share-assets/share.css").then().statusCode(200)
        .contentType(startsWith("text/css"))
        .header("X-Content-Type-Options", "nosniff")
        .body(containsString(".button"));
  }

  @ParameterizedTest(name = "bytes for Accept [{0}]")
  @ValueSource(strings = {"*/*", "application/octet-stream", "application/json, text/html;q=0.5"})
  void programsKeepGettingTheBytes(String accept) {
    String shareToken = share(null).path("token");

    byte[] bytes = given().header("Accept", accept).when().get("/share/" + shareToken).then().statusCode(200)
        .header("Content-Disposition", startsWith("attachment"))
        .header("Vary", "Accept")
        .extract().asByteArray();

    assertThat(bytes).isEqualTo(content);
    assertDownloadCount(1);
  }

  @Test
  void aClientWithoutAcceptGetsTheBytes() throws Exception {
    String shareToken = share(null).path("token");
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(Browser.url("/share/" + shareToken))).GET().build();
      assertThat(request.headers().firstValue("Accept")).isEmpty();

      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(content);
    }
  }

  @ParameterizedTest(name = "page for {0}")
  @ValueSource(strings = {Browser.CHROME_ACCEPT, Browser.FIREFOX_ACCEPT, Browser.SAFARI_ACCEPT})
  void browsersGetThePageAndTheBytesOnlyWithDownload(String accept) {
    String shareToken = share(null).path("token");

    given().header("Accept", accept).when().get("/share/" + shareToken).then().statusCode(200)
        .contentType("text/html").body(containsString("shared report.pdf"));
    byte[] bytes = given().header("Accept", accept).when().get("/share/" + shareToken + "?download=1")
        .then().statusCode(200).header("Content-Disposition", startsWith("attachment")).extract().asByteArray();

    assertThat(bytes).isEqualTo(content);
    assertDownloadCount(1);
  }

  @Test
  void unknownLinkIsAHuman404() throws Exception {
    try (WebClient browser = Browser.open()) {
      HtmlPage page = browser.getPage(Browser.url("/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

      assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
      assertThat(page.getElementsByTagName("h1").get(0).getTextContent()).isEqualTo("Link not found");
      assertThat(page.getWebResponse().getResponseHeaderValue("Content-Security-Policy")).isEqualTo(CSP);
    }
    // The page and the problem share a URL, so both say what they vary on, for shared caches.
    download("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404)
        .contentType("application/problem+json").header("Vary", "Accept");
  }

  @Test
  void anExhaustedLinksDownloadLinkIsAHuman410() throws Exception {
    String shareToken = share(Map.of("max_downloads", 1)).path("token");
    download(shareToken).then().statusCode(200);
    try (WebClient browser = Browser.open()) {
      Page page = browser.getPage(Browser.url("/share/" + shareToken + "?download=1"));

      assertThat(page.getWebResponse().getStatusCode()).isEqualTo(410);
      assertThat(page.getWebResponse().getContentType()).isEqualTo("text/html");
      assertThat(page.getWebResponse().getContentAsString()).contains("downloaded as often as its owner allowed");
    }
    download(shareToken).then().statusCode(410).contentType("application/problem+json").header("Vary", "Accept");
    assertDownloadCount(1);
  }

  /** RFC 9110 §9.3.2: HEAD announces what GET would send, the page for a browser included. */
  @Test
  void headAnnouncesWhatGetWouldSendForBrowsersToo() {
    String shareToken = share(null).path("token");

    // Content-Length of the page may be left out: RFC 9110 §9.3.2 allows omitting fields that only
    // generating the content determines.
    given().header("Accept", Browser.CHROME_ACCEPT).when().head("/share/" + shareToken).then().statusCode(200)
        .contentType("text/html")
        .header("Content-Length", not(String.valueOf(content.length)))
        .header("Content-Security-Policy", CSP);
    given().header("Accept", Browser.CHROME_ACCEPT).when().head("/share/" + shareToken + "?download=1")
        .then().statusCode(200)
        .header("Content-Length", String.valueOf(content.length))
        .contentType(not(startsWith("text/html")));
    given().header("Accept", Browser.CHROME_ACCEPT).when().head("/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .then().statusCode(404).contentType("text/html");
    given().header("Accept", "*/*").when().head("/share/" + shareToken).then().statusCode(200)
        .header("Content-Length", String.valueOf(content.length));
  }

  // Downloads of unlimited links reach the count with the next flush (every second).
  private void assertDownloadCount(int expected) {
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        Api.as(token).when().get("/files/" + fileId + "/shares").then().statusCode(200)
            .body("[0].download_count", equalTo(expected)));
  }
}
