package dev.satchel.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTest {
  private static final UserId OWNER = new UserId(UUID.randomUUID());

  @Test
  void dataKeepsItsOrderAndWidensIntegers() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("z", 1);
    data.put("a", "x");
    data.put("m", true);

    Event event = new Event(new EventId(UUID.randomUUID()), OWNER, EventType.FILE_UPLOADED, Instant.EPOCH, data);
    data.put("late", "ignored");

    assertThat(event.data()).containsExactly(Map.entry("z", 1L), Map.entry("a", "x"), Map.entry("m", true));
  }

  @Test
  void dataRefusesNullAndNestedValues() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("k", null);
    assertThatThrownBy(() -> new Event(new EventId(UUID.randomUUID()), OWNER, EventType.FILE_DELETED, Instant.EPOCH,
        withNull)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Event(new EventId(UUID.randomUUID()), OWNER, EventType.FILE_DELETED, Instant.EPOCH,
        Map.of("k", Map.of()))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Event(new EventId(UUID.randomUUID()), OWNER, EventType.FILE_DELETED, Instant.EPOCH,
        Map.of("k", 1.5))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyTypeIsFoundByItsWireName() {
    assertThat(Arrays.stream(EventType.values()).map(EventType::wireName))
        .containsExactly("file.uploaded", "file.deleted", "share.created", "share.revoked", "share.downloaded",
            "share.exhausted");
    for (EventType type : EventType.values()) {
      assertThat(EventType.fromWireName(type.wireName())).contains(type);
    }
    assertThat(EventType.fromWireName("FILE_UPLOADED")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "0", "{0191d1c2-0000-7000-8000-000000000001}", "0191d1c2-0000-7000-8000-00000000000",
      "0191d1c2-0000-7000-8000-0000000000011", "1-1-1-1-1", "0191d1c2 0000 7000 8000 000000000001",
      "0191d1c2-0000-7000-8000-00000000000g", "0191d1c2-0000-7000-8000-000000000001\n", "\u0000"})
  void malformedIdsAreRefused(String text) {
    assertThatThrownBy(() -> EventId.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void canonicalIdsParseInEitherCase() {
    UUID id = UUID.randomUUID();
    assertThat(EventId.parse(id.toString())).isEqualTo(new EventId(id));
    assertThat(EventId.parse(id.toString().toUpperCase())).isEqualTo(new EventId(id));
  }
}
