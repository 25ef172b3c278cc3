package dev.satchel.bootstrap.share;

import io.restassured.RestAssured;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;

/** A headless browser (HtmlUnit) pointed at the application under test; JavaScript off, as the pages need none. */
final class Browser {
  /** What Chrome sends when a person opens a link. */
  static final String CHROME_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
      + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
  static final String FIREFOX_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
  static final String SAFARI_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private Browser() {}

  static WebClient open() {
    WebClient client = new WebClient(BrowserVersion.CHROME);
    client.getOptions().setJavaScriptEnabled(false);
    // Error pages are pages too: the tests read their status and content instead of catching exceptions.
    client.getOptions().setThrowExceptionOnFailingStatusCode(false);
    client.getOptions().setPrintContentOnFailingStatusCode(false);
    return client;
  }

  static String url(String path) {
    return RestAssured.baseURI + ":" + RestAssured.port + path;
  }
}
