package dev.satchel.adapters.rest.share.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the share grant cookie is {@code Secure}: an https request, or an https public address. */
class GrantCookieTest {
  @ParameterizedTest(name = "scheme {0}, PUBLIC_BASE_URL {1} -> {2}")
  @CsvSource(nullValues = "null", value = {
      "https, http://localhost:8080,      true",
      "HTTPS, null,                       true",
      "http,  https://files.example.org,  true",
      "http,  HTTPS://Files.example.org/, true",
      "http,  http://localhost:8080,      false",
      "http,  null,                       false",
      "http,  '',                         false",
      "http,  https,                      false",
      "http,  http://https.example.org,   false",
  })
  void secureWhenTheVisitorOrThePublicAddressUsesHttps(String scheme, String publicBaseUrl, boolean secure) {
    assertThat(GrantCookie.secure(scheme, publicBaseUrl)).isEqualTo(secure);
  }
}
