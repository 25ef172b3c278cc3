package dev.satchel.adapters.rest.share.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BrowserNavigationTest {

  @ParameterizedTest(name = "page for {0}")
  @ValueSource(strings = {
      // Chrome / Edge 120+ navigation
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
          + "application/signed-exchange;v=b3;q=0.7",
      // Firefox 120+
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
      // Safari 17
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      // HtmlUnit
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
      "text/html",
      "TEXT/HTML ; Q=1",
      "image/webp, text/html",
      "text/html;q=0.5, */*;q=0.5",
      "text/html;level=1;q=0.9, application/json;q=0.2"})
  void browsersNavigatingGetThePage(String accept) {
    assertThat(BrowserNavigation.prefersHtml(accept)).isTrue();
  }

  @ParameterizedTest(name = "bytes for [{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {
      "*/*", // curl, wget, most download managers
      "application/octet-stream",
      "application/pdf",
      "text/*",
      "application/json, text/html;q=0.5",
      "text/html;q=0",
      "text/html;q=0.000",
      "*/*;q=1, text/html;q=0.9",
      "text/html;q=abc",
      "text/html;q=1.5",
      "text/html;q=-1",
      "text/html;q=",
      "text/htmlx",
      "xtext/html",
      ",,,;;;",
      ";q=1, text/plain",
      "\u0000text/html\u0000",
      "text/html;q=0.9" + ", */*;q=1"})
  void everyOtherClientGetsTheBytes(String accept) {
    assertThat(BrowserNavigation.prefersHtml(accept)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {4097, 100_000})
  void overlongHeadersAreNotParsed(int length) {
    String accept = "text/html," + "x".repeat(length);

    assertThat(BrowserNavigation.prefersHtml(accept)).isFalse();
  }
}
