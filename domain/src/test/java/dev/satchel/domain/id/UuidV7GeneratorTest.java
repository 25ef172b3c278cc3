package dev.satchel.domain.id;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7GeneratorTest {
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00.123Z");
  private final UuidV7Generator generator = new UuidV7Generator(clock, new SecureRandom());

  @Test
  void idsAreVersion7WithTheRfcVariant() {
    for (int i = 0; i < 1000; i++) {
      UUID id = generator.newId();

      assertThat(id.version()).isEqualTo(7);
      assertThat(id.variant()).isEqualTo(2);
    }
  }

  @Test
  void firstFortyEightBitsAreTheClockMillis() {
    UUID id = generator.newId();

    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    assertThat(id.toString()).startsWith("01972b5c-ee7b-7"); // 1748779200123 ms, then the version
  }

  @Test
  void idsFromLaterMillisecondsSortAfterEarlierOnes() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add(generator.newId());
      clock.advance(Duration.ofMillis(1));
    }

    // Their text form sorts like PostgreSQL's uuid type: as unsigned bytes.
    assertThat(ids.stream().map(UUID::toString).toList()).isSorted();
    assertThat(ids).isSorted();
  }

  @Test
  void idsWithinOneMillisecondAreDistinct() {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(generator.newId());
    }

    assertThat(ids).hasSize(10_000);
  }
}
