package dev.satchel.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressTest {

  @ParameterizedTest(name = "{0} -> base {1}, path ''{2}''")
  @CsvSource(delimiter = '|', value = {
      "http://localhost:8080           | http://localhost:8080           | ''",
      "http://localhost:8080/          | http://localhost:8080           | ''",
      "https://files.example.org///    | https://files.example.org       | ''",
      "HTTPS://Files.Example.org       | HTTPS://Files.Example.org       | ''",
      "https://example.org/satchel     | https://example.org/satchel     | /satchel",
      "https://example.org/a/b/        | https://example.org/a/b         | /a/b",
      "' https://example.org/x%20y '   | https://example.org/x%20y       | /x%20y",
      "http://[::1]:9000/              | http://[::1]:9000               | ''",
  })
  void keepsTheBaseWithoutTrailingSlashesAndItsPath(String configured, String base, String path) {
    PublicAddress address = PublicAddress.of(configured);
    assertThat(address.baseUrl()).isEqualTo(base);
    assertThat(address.path()).isEqualTo(path);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", " ", "files.example.org", "localhost:8080", "//files.example.org",
      "ftp://files.example.org", "file:///srv/satchel", "javascript:alert(1)", "mailto:ops@example.org",
      "https://", "https:///path", "https://files.example.org/?a=1", "https://files.example.org/#top",
      "https://user:pw@files.example.org", "https://files example.org", "http://[::1", "https://exa mple.org/%zz",
      "https://files.example.org/\u0000"})
  void refusesWhatCannotBeALinkWithAMessageNamingTheSetting(String configured) {
    assertThatIllegalArgumentException().isThrownBy(() -> PublicAddress.of(configured))
        .withMessageContaining("PUBLIC_BASE_URL").withMessageContaining("https://files.example.org");
  }

  @Property(tries = 300)
  void pathsGoUnderThePrefix(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String prefix,
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String id) {
    PublicAddress address = PublicAddress.of("https://example.org/" + prefix + "/");
    assertThat(address.pathOf("/uploads/" + id)).isEqualTo("/" + prefix + "/uploads/" + id);
    assertThat(PublicAddress.of("https://example.org").pathOf("/uploads/" + id)).isEqualTo("/uploads/" + id);
  }
}
