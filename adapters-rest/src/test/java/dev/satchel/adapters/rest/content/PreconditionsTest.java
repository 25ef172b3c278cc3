package dev.satchel.adapters.rest.content;

import static dev.satchel.adapters.rest.content.Preconditions.Outcome.NOT_MODIFIED;
import static dev.satchel.adapters.rest.content.Preconditions.Outcome.PRECONDITION_FAILED;
import static dev.satchel.adapters.rest.content.Preconditions.Outcome.PROCEED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.rest.content.Preconditions.Conditions;
import dev.satchel.adapters.rest.content.Preconditions.Outcome;
import java.time.Instant;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9110 §13 conditional requests, case by case, and over arbitrary header text. */
class PreconditionsTest {
  private static final String ETAG = "\"0a1b2c\"";
  /** Upload at 08:49:37.250 UTC: Last-Modified is that second. */
  private static final Instant UPLOADED = Instant.parse("1994-11-06T08:49:37.250Z");
  private static final String SAME_SECOND = "Sun, 06 Nov 1994 08:49:37 GMT";
  private static final String SECOND_BEFORE = "Sun, 06 Nov 1994 08:49:36 GMT";
  private static final String LATER = "Mon, 07 Nov 1994 00:00:00 GMT";

  private final Preconditions file = new Preconditions(ETAG, UPLOADED);

  static Stream<Arguments> rfc9110Cases() {
    return Stream.of(
        // §13.1.1 If-Match: strong comparison; * matches any current representation.
        Arguments.of("If-Match equal", new Conditions(ETAG, null, null, null), PROCEED),
        Arguments.of("If-Match in a list", new Conditions("\"x\", " + ETAG, null, null, null), PROCEED),
        Arguments.of("If-Match star", new Conditions("*", null, null, null), PROCEED),
        Arguments.of("If-Match other", new Conditions("\"x\"", null, null, null), PRECONDITION_FAILED),
        Arguments.of("If-Match weak never matches", new Conditions("W/" + ETAG, null, null, null), PRECONDITION_FAILED),
        Arguments.of("If-Match unquoted is no tag", new Conditions("0a1b2c", null, null, null), PRECONDITION_FAILED),
        Arguments.of("If-Match empty", new Conditions("", null, null, null), PRECONDITION_FAILED),
        // §13.1.4 If-Unmodified-Since: ignored with If-Match; invalid dates ignored; second precision.
        Arguments.of("IUS same second", new Conditions(null, SAME_SECOND, null, null), PROCEED),
        Arguments.of("IUS later", new Conditions(null, LATER, null, null), PROCEED),
        Arguments.of("IUS a second before", new Conditions(null, SECOND_BEFORE, null, null), PRECONDITION_FAILED),
        Arguments.of("IUS invalid date ignored", new Conditions(null, "yesterday", null, null), PROCEED),
        Arguments.of("IUS ignored under a matching If-Match", new Conditions(ETAG, SECOND_BEFORE, null, null), PROCEED),
        Arguments.of("IUS rfc850 form", new Conditions(null, "Sunday, 06-Nov-94 08:49:36 GMT", null, null), PRECONDITION_FAILED),
        Arguments.of("IUS asctime form", new Conditions(null, "Sun Nov  6 08:49:36 1994", null, null), PRECONDITION_FAILED),
        // §13.1.2 If-None-Match: weak comparison, 304 for GET/HEAD.
        Arguments.of("INM equal", new Conditions(null, null, ETAG, null), NOT_MODIFIED),
        Arguments.of("INM weak equal", new Conditions(null, null, "W/" + ETAG, null), NOT_MODIFIED),
        Arguments.of("INM star", new Conditions(null, null, "*", null), NOT_MODIFIED),
        Arguments.of("INM in a list", new Conditions(null, null, "\"a\",W/\"b\" , " + ETAG, null), NOT_MODIFIED),
        Arguments.of("INM other", new Conditions(null, null, "\"x\"", null), PROCEED),
        Arguments.of("INM garbage", new Conditions(null, null, "0a1b2c", null), PROCEED),
        // §13.2.2: a failed If-Match wins over a matching If-None-Match.
        Arguments.of("If-Match fails before INM", new Conditions("\"x\"", null, ETAG, null), PRECONDITION_FAILED),
        Arguments.of("IUS fails before INM", new Conditions(null, SECOND_BEFORE, ETAG, null), PRECONDITION_FAILED),
        // §13.1.3 If-Modified-Since: only without If-None-Match.
        Arguments.of("IMS same second", new Conditions(null, null, null, SAME_SECOND), NOT_MODIFIED),
        Arguments.of("IMS later", new Conditions(null, null, null, LATER), NOT_MODIFIED),
        Arguments.of("IMS a second before", new Conditions(null, null, null, SECOND_BEFORE), PROCEED),
        Arguments.of("IMS invalid date ignored", new Conditions(null, null, null, "Sun, 06 Nov 1994"), PROCEED),
        Arguments.of("IMS wrong weekday is invalid", new Conditions(null, null, null, "Mon, 06 Nov 1994 08:49:37 GMT"), PROCEED),
        Arguments.of("IMS ignored when INM present", new Conditions(null, null, "\"x\"", LATER), PROCEED),
        Arguments.of("no conditions", new Conditions(null, null, null, null), PROCEED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc9110Cases")
  void evaluatesInTheOrderOfRfc9110(String name, Conditions request, Outcome expected) {
    assertThat(file.evaluate(request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "If-Range [{0}] honours the range: {1}")
  @CsvSource(delimiter = '|', value = {
      "\"0a1b2c\"                      | true",
      "  \"0a1b2c\"                    | true",
      "W/\"0a1b2c\"                    | false", // weak tags never match (§13.1.5)
      "\"other\"                       | false",
      "\"0a1b2c\", \"0a1b2c\"          | false", // one validator, not a list
      "Sun, 06 Nov 1994 08:49:37 GMT   | true",  // exactly Last-Modified: strong, files never change
      "Sun, 06 Nov 1994 08:49:38 GMT   | false", // an exact match, not 'not modified since'
      "Sun, 06 Nov 1994 08:49:36 GMT   | false",
      "not a date                      | false",
      "0a1b2c                          | false",
  })
  void ifRangeNeedsAnExactStrongValidator(String ifRange, boolean honoured) {
    assertThat(file.ifRangeHolds(ifRange)).isEqualTo(honoured);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Sun, 06 Nov 1994 08:49:37 GMT   | 1994-11-06T08:49:37Z",
      "Sunday, 06-Nov-94 08:49:37 GMT  | 1994-11-06T08:49:37Z",
      "Sun Nov  6 08:49:37 1994        | 1994-11-06T08:49:37Z",
      "Thu, 01 Jan 2026 00:00:00 GMT   | 2026-01-01T00:00:00Z",
  })
  void readsAllThreeHttpDateForms(String text, String instant) {
    assertThat(HttpDate.parse(text)).contains(Instant.parse(instant));
    assertThat(HttpDate.parse(HttpDate.format(Instant.parse(instant)))).contains(Instant.parse(instant));
  }

  @Property
  void arbitraryHeadersNeverThrowAndGiveALegalOutcome(
      @ForAll("headerValues") String ifMatch, @ForAll("headerValues") String ifUnmodifiedSince,
      @ForAll("headerValues") String ifNoneMatch, @ForAll("headerValues") String ifModifiedSince,
      @ForAll("headerValues") String ifRange) {
    Outcome outcome = file.evaluate(new Conditions(ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince));
    assertThat(outcome).isIn(PROCEED, NOT_MODIFIED, PRECONDITION_FAILED);
    // The two 412 conditions are the only way to 412; without conditionals there is no 304.
    if (ifMatch == null && ifUnmodifiedSince == null) {
      assertThat(outcome).isNotEqualTo(PRECONDITION_FAILED);
    }
    if (ifNoneMatch == null && ifModifiedSince == null) {
      assertThat(outcome).isNotEqualTo(NOT_MODIFIED);
    }
    if (ifMatch != null && !ifMatch.contains(ETAG) && !ifMatch.strip().equals("*")) {
      assertThat(outcome).isEqualTo(PRECONDITION_FAILED);
    }
    assertThat(file.ifRangeHolds(ifRange)).isEqualTo(ifRange == null || ifRange.strip().equals(ETAG)
        || HttpDate.parse(ifRange).map(Instant.parse("1994-11-06T08:49:37Z")::equals).orElse(false));
  }

  @Provide
  Arbitrary<String> headerValues() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of(ETAG, "W/" + ETAG, "*", ",", " ", "\t", "\"", "W/", SAME_SECOND, SECOND_BEFORE, LATER,
            "\"x\"", "Sun Nov  6 08:49:37 1994"),
        Arbitraries.strings().ofMaxLength(12));
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        pieces.list().ofMaxSize(5).map(list -> String.join("", list)),
        Arbitraries.strings().all().ofMaxLength(80));
  }
}
