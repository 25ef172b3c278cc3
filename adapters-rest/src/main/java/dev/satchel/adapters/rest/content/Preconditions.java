package dev.satchel.adapters.rest.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates the conditional request headers of a GET or HEAD against a file's validators, in the
 * order of RFC 9110 §13.2.2: {@code If-Match} (strong comparison, §13.1.1), else
 * {@code If-Unmodified-Since} (§13.1.4) → 412; {@code If-None-Match} (weak comparison, §13.1.2),
 * else {@code If-Modified-Since} (§13.1.3) → 304. {@code If-Range} (§13.1.5) decides separately
 * whether a {@code Range} is honoured. Never throws: malformed values follow the rules below.
 *
 * <p>Malformed input: an invalid HTTP-date in {@code If-Unmodified-Since} or
 * {@code If-Modified-Since} makes the header ignored (RFC 9110 requires it); a list member that is
 * not an entity-tag never matches, so a garbled {@code If-Match} fails (412) and a garbled
 * {@code If-None-Match} never yields 304.
 *
 * @param etag the current strong entity-tag, quotes included ({@code "<sha256 hex>"})
 * @param lastModified the upload instant; compared at one-second precision, as HTTP-dates carry
 */
record Preconditions(String etag, Instant lastModified) {
  /** What the request's conditions decide before any range is considered. */
  enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

  /** The conditional headers as received; any may be null (absent). */
  record Conditions(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince) {}

  Preconditions {
    lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
  }

  /** RFC 9110 §13.2.2 steps 1-4 for GET and HEAD. */
  Outcome evaluate(Conditions request) {
    if (request.ifMatch() != null) {
      if (!ifMatchHolds(request.ifMatch())) {
        return Outcome.PRECONDITION_FAILED;
      }
    } else if (request.ifUnmodifiedSince() != null) {
      Optional<Instant> date = HttpDate.parse(request.ifUnmodifiedSince());
      if (date.isPresent() && lastModified.isAfter(date.get())) {
        return Outcome.PRECONDITION_FAILED;
      }
    }
    if (request.ifNoneMatch() != null) {
      return ifNoneMatchHolds(request.ifNoneMatch()) ? Outcome.PROCEED : Outcome.NOT_MODIFIED;
    }
    if (request.ifModifiedSince() != null) {
      Optional<Instant> date = HttpDate.parse(request.ifModifiedSince());
      if (date.isPresent() && !lastModified.isAfter(date.get())) {
        return Outcome.NOT_MODIFIED;
      }
    }
    return Outcome.PROCEED;
  }

  /**
   * RFC 9110 §13.1.5: true when a {@code Range} may be honoured, i.e. {@code If-Range} is absent
   * or its validator matches exactly: an entity-tag by strong comparison (a weak tag never
   * matches), or an HTTP-date equal to {@code Last-Modified}. Satchel never changes a file's bytes
   * after upload, so its {@code Last-Modified} is a strong validator (§8.8.2.2: the representation
   * cannot have changed twice within that second). Anything else means the whole representation.
   */
  boolean ifRangeHolds(String ifRange) {
    if (ifRange == null) {
      return true;
    }
    String value = ifRange.strip();
    if (value.startsWith("\"") || value.startsWith("W/")) {
      return value.equals(etag); // one strong tag, character for character; W/ never matches
    }
    return HttpDate.parse(value).map(lastModified::equals).orElse(false);
  }

  private boolean ifMatchHolds(String ifMatch) {
    if (ifMatch.strip().equals("*")) {
      return true; // a current representation exists
    }
    return EntityTag.parseList(ifMatch).stream().anyMatch(tag -> tag.strongMatch(etag));
  }

  private boolean ifNoneMatchHolds(String ifNoneMatch) {
    if (ifNoneMatch.strip().equals("*")) {
      return false;
    }
    return EntityTag.parseList(ifNoneMatch).stream().noneMatch(tag -> tag.weakMatch(etag));
  }

  /** One {@code [W/]"opaque"} member of an entity-tag list (RFC 9110 §8.8.3). */
  record EntityTag(boolean weak, String opaque) {
    boolean strongMatch(String current) {
      return !weak && opaque.equals(current);
    }

    boolean weakMatch(String current) {
      return opaque.equals(current);
    }

    /** The well-formed members of a comma-separated list; malformed ones are left out. */
    static List<EntityTag> parseList(String text) {
      List<EntityTag> tags = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t' || c == ',') {
          i++;
          continue;
        }
        boolean weak = text.startsWith("W/", i);
        int open = weak ? i + 2 : i;
        int close = open < text.length() && text.charAt(open) == '"' ? text.indexOf('"', open + 1) : -1;
        int next = text.indexOf(',', close < 0 ? i : close);
        boolean endsCleanly = close >= 0 && text.substring(close + 1, next < 0 ? text.length() : next).isBlank();
        if (endsCleanly && isOpaque(text, open + 1, close)) {
          tags.add(new EntityTag(weak, text.substring(open, close + 1)));
        }
        i = next < 0 ? text.length() : next + 1;
      }
      return tags;
    }

    // etagc = %x21 / %x23-7E / obs-text
    private static boolean isOpaque(String text, int from, int to) {
      for (int k = from; k < to; k++) {
        char c = text.charAt(k);
        if (c < 0x21 || c == 0x7F || c > 0xFF) {
          return false;
        }
      }
      return true;
    }
  }
}
