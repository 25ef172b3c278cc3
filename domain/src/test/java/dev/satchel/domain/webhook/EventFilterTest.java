package dev.satchel.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventFilterTest {
  private static final Set<String> KNOWN = Set.of("file.uploaded", "share.downloaded");

  @Test
  void anEmptyFilterMatchesEveryTypeAndAListOnlyItsOwn() {
    assertThat(EventFilter.all().matches("anything.new")).isTrue();
    EventFilter filter = EventFilter.parse(List.of("share.downloaded"), KNOWN);
    assertThat(filter.matches("share.downloaded")).isTrue();
    assertThat(filter.matches("file.uploaded")).isFalse();
  }

  @Test
  void unknownDuplicateNullOrNoNamesAreRefusedOnEvents() {
    for (List<String> bad : List.of(List.<String>of(), List.of("file.renamed"), List.of("file.uploaded", "file.uploaded"),
        Arrays.asList("file.uploaded", null), List.of("FILE.UPLOADED"), Collections.nCopies(33, "file.uploaded"))) {
      assertThatThrownBy(() -> EventFilter.parse(bad, KNOWN))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("events"));
    }
  }
}
