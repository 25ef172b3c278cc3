package dev.satchel.adapters.rest.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.rest.content.RangeRequest.Partial;
import dev.satchel.adapters.rest.content.RangeRequest.Unsatisfiable;
import dev.satchel.adapters.rest.content.RangeRequest.Whole;
import dev.satchel.domain.storage.ByteRange;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 §14.1 single byte ranges, case by case and against an arbitrary-precision oracle. */
class RangeRequestTest {
  private static final long SIZE = 10_000;
  /** 40 digits: far beyond {@link Long#MAX_VALUE}. */
  private static final String HUGE = "9999999999999999999999999999999999999999";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "bytes=0-0                  | 0-0",
      "bytes=100-199              | 100-199",
      "bytes=9990-               | 9990-9999",
      "bytes=-10                  | 9990-9999",
      "bytes=0-99999              | 0-9999",
      // last-pos beyond a long still means "to the end" (§14.1.2), not "ignore the header"
      "bytes=0-" + HUGE + "       | 0-9999",
      "bytes=5-99999999999999999999 | 5-9999",
      // a suffix longer than the representation selects all of it
      "bytes=-" + HUGE + "        | 0-9999",
      "bytes=-99999999999999999999 | 0-9999",
      "bytes=00000000000000000000000000000007-8 | 7-8",
      // range units are case-insensitive (RFC 9110 §14.1)
      "BYTES=0-1                  | 0-1",
      "Bytes=-2                   | 9998-9999",
  })
  void satisfiableRangesSelectTheseBytes(String header, String expected) {
    String[] bounds = expected.split("-");
    assertThat(RangeRequest.parse(header, SIZE))
        .isEqualTo(new Partial(new ByteRange(Long.parseLong(bounds[0]), Long.parseLong(bounds[1]))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bytes=10000-", "bytes=10000-20000", "bytes=-0", "bytes=" + HUGE + "-",
      "bytes=99999999999999999999-99999999999999999999"})
  void unsatisfiableRangesAnswer416(String header) {
    assertThat(RangeRequest.parse(header, SIZE)).isEqualTo(new Unsatisfiable());
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = '|', value = {
      "bytes=5-1", "bytes=" + HUGE + "-1", "bytes=-", "bytes=abc", "items=0-1", "bytes=0-1,3-4",
      "bytes=١-٢", "bytes=+1-2", "bytes=0x1-2", "bytes 0-1", "''"})
  void headersThatAreNoSingleByteRangeServeTheWhole(String header) {
    assertThat(RangeRequest.parse(header, SIZE)).isEqualTo(new Whole());
  }

  @Property(tries = 2000)
  void anyFirstLastRangeMatchesTheOracle(@ForAll("positions") String first, @ForAll("positions") String last,
      @ForAll @LongRange(min = 0, max = 1L << 40) long size) {
    BigInteger f = new BigInteger(first);
    BigInteger l = new BigInteger(last);
    RangeRequest parsed = RangeRequest.parse("bytes=" + first + "-" + last, size);
    BigInteger length = BigInteger.valueOf(size);
    if (l.compareTo(f) < 0) {
      assertThat(parsed).isEqualTo(new Whole());
    } else if (f.compareTo(length) >= 0) {
      assertThat(parsed).isEqualTo(new Unsatisfiable());
    } else {
      long end = l.min(length.subtract(BigInteger.ONE)).longValueExact();
      assertThat(parsed).isEqualTo(new Partial(new ByteRange(f.longValueExact(), end)));
    }
  }

  @Property(tries = 1000)
  void anySuffixRangeMatchesTheOracle(@ForAll("positions") String suffix,
      @ForAll @LongRange(min = 0, max = 1L << 40) long size) {
    BigInteger n = new BigInteger(suffix);
    RangeRequest parsed = RangeRequest.parse("bytes=-" + suffix, size);
    if (n.signum() == 0 || size == 0) {
      assertThat(parsed).isEqualTo(new Unsatisfiable());
    } else {
      long taken = n.min(BigInteger.valueOf(size)).longValueExact();
      assertThat(parsed).isEqualTo(new Partial(new ByteRange(size - taken, size - 1)));
    }
  }

  /** Digit runs from one to 40 digits: small values near typical sizes and far beyond a long. */
  @Provide
  Arbitrary<String> positions() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1L << 41).map(n -> Long.toString(n)),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40));
  }
}
