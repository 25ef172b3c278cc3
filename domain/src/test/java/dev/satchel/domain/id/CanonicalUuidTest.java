package dev.satchel.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical 8-4-4-4-12 form, and nothing that {@link UUID#fromString} merely tolerates. */
class CanonicalUuidTest {
  private static final String ID = "0192f4b6-3c1d-7a2e-9f10-1234567890ab";

  @Property
  void everyUuidReadsBackFromItsTextInEitherCase(@ForAll("uuids") UUID id, @ForAll boolean upper) {
    String text = upper ? id.toString().toUpperCase(Locale.ROOT) : id.toString();

    assertThat(CanonicalUuid.parse(text)).isEqualTo(id);
  }

  @Property
  void replacingAnyCharacterWithANonHexOneIsRefused(@ForAll @IntRange(min = 0, max = 35) int at,
      @ForAll("notHex") char replacement) {
    String text = ID.substring(0, at) + replacement + ID.substring(at + 1);

    assertThatThrownBy(() -> CanonicalUuid.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void droppingAnyCharacterIsRefused(@ForAll @IntRange(min = 0, max = 35) int at) {
    String dropped = ID.substring(0, at) + ID.substring(at + 1);

    assertThatThrownBy(() -> CanonicalUuid.parse(dropped)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 13, 18, 23})
  void movingAHyphenByOnePlaceIsRefused(int hyphen) {
    String later = ID.substring(0, hyphen) + ID.charAt(hyphen + 1) + '-' + ID.substring(hyphen + 2);
    String earlier = ID.substring(0, hyphen - 1) + '-' + ID.charAt(hyphen - 1) + ID.substring(hyphen + 1);

    assertThatThrownBy(() -> CanonicalUuid.parse(later)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalUuid.parse(earlier)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "1-2-3-4-5", "0192f4b-3c1d-7a2e-9f10-1234567890ab", "0192f4b63c1d7a2e9f101234567890ab",
      "{0192f4b6-3c1d-7a2e-9f10-1234567890ab}", "urn:uuid:0192f4b6-3c1d-7a2e-9f10-1234567890ab",
      " 0192f4b6-3c1d-7a2e-9f10-1234567890a", "0192f4b6-3c1d-7a2e-9f10-1234567890ab ",
      "0192f4b6+3c1d-7a2e-9f10-1234567890ab", "0192f4b6-3c1d-7a2e-9f10-12345678９0ab",
      "00000000000-0000-0000-0000-00000000", "0x92f4b6-3c1d-7a2e-9f10-1234567890ab"})
  void textsThatUuidFromStringToleratesAreRefused(String text) {
    assertThatThrownBy(() -> CanonicalUuid.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullIsRefused() {
    assertThatThrownBy(() -> CanonicalUuid.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<UUID> uuids() {
    return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
  }

  @Provide
  Arbitrary<Character> notHex() {
    return Arbitraries.chars().filter(c -> c != '-' && (Character.digit(c, 16) < 0 || c > 'f'));
  }
}
