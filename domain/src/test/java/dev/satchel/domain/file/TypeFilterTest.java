package dev.satchel.domain.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypeFilterTest {

  @ParameterizedTest
  @ValueSource(strings = {"pdf", ".pdf", ".PDF", " Pdf "})
  void bareWordsAndDottedWordsAreExtensions(String raw) {
    assertThat(TypeFilter.parse(raw)).isEqualTo(new TypeFilter.Extension("pdf"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/pdf", "Application/PDF", " application/pdf "})
  void mimeTypesAreExactFilters(String raw) {
    assertThat(TypeFilter.parse(raw)).isEqualTo(new TypeFilter.Exact(new MediaType("application/pdf")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"image/*", "IMAGE/*"})
  void wildcardSubtypesAreFamilies(String raw) {
    assertThat(TypeFilter.parse(raw)).isEqualTo(new TypeFilter.Family("image"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", ".", "!!", "pdf?", "p df", "*/*", "/*", "*", "image/png/x",
      "application/", "x23456789012345678901234567890123", "tar.gz", "ünï"})
  void garbageIsInvalidTypeInput(String raw) {
    assertThatThrownBy(() -> TypeFilter.parse(raw))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("type"));
  }
}
