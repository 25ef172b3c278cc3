package dev.satchel.domain.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "text/plain; charset=utf-8                      | text/plain",
      "Text/HTML;Charset=UTF-8                        | text/html",
      "  application/PDF                              | application/pdf",
      "multipart/form-data; boundary=----abc          | multipart/form-data",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document | application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "image/svg+xml                                  | image/svg+xml"})
  void parseDropsParametersAndLowerCases(String header, String expected) {
    assertThat(MediaType.parse(header).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "text", "/plain", "text/", "text/plain/extra", "te xt/plain",
      "text/pl ain", "*/*", "image/*", "text/plain\r\nX-Injected: 1", "tëxt/plain", "-text/plain"})
  void rejectsGarbage(String raw) {
    assertThatThrownBy(() -> MediaType.parse(raw))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("type"));
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> new MediaType(null)).isInstanceOf(InvalidInput.class);
  }

  @Test
  void familyIsTheTopLevelType() {
    assertThat(new MediaType("image/png").family()).isEqualTo("image");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html", "application/xhtml+xml", "image/svg+xml", "application/javascript",
      "text/javascript", "application/x-javascript", "text/xml", "application/xml"})
  void typesABrowserWouldRenderOrRunAreActiveContent(String type) {
    assertThat(new MediaType(type).isActiveContent()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "image/png", "application/pdf", "application/json",
      "application/octet-stream", "video/mp4"})
  void passiveTypesAreNotActiveContent(String type) {
    assertThat(new MediaType(type).isActiveContent()).isFalse();
  }

  @Test
  void toStringIsTheValueAndOctetStreamIsPredefined() {
    assertThat(MediaType.OCTET_STREAM.toString()).isEqualTo("application/octet-stream");
  }
}
