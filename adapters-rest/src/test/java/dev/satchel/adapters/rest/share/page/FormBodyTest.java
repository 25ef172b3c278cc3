package dev.satchel.adapters.rest.share.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormBodyTest {

  @Property(tries = 1000)
  void anyValueABrowserEncodesComesBack(@ForAll String value, @ForAll String other) {
    String body = "other=" + URLEncoder.encode(other, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    // Unpaired surrogates have no UTF-8 form; the encoder sends '?' for them.
    String expected = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThat(FormBody.field(body, "password")).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "password=a+b%2Bc    | a b+c",
      "password=           | ''",
      "password            | ''",
      "x=1&password=p&password=q | p",
      "pass%77ord=named    | named",
  })
  void readsTheFirstValue(String body, String expected) {
    assertThat(FormBody.field(body, "password")).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "x=1", "passwordx=1", "&&&", "=password"})
  void anAbsentFieldIsEmpty(String body) {
    assertThat(FormBody.field(body, "password")).isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"password=100%sure-secret", "password=abc%", "password=%2", "%ZZ=1&password=x",
      "password=%g0"})
  void aStrayPercentIsMalformedAndTheMessageHoldsNoneOfTheBody(String body) {
    assertThatThrownBy(() -> FormBody.field(body, "password"))
        .isInstanceOf(FormBody.MalformedForm.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sure").doesNotContain("abc"));
  }
}
