package dev.satchel.domain.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token-bucket limit: a bucket of {@code requests} tokens that refills {@code requests} tokens
 * per {@code period}, evenly (greedy refill), so a client may burst up to the whole bucket and then
 * goes at the average rate.
 *
 * <p>Written {@code <requests>/<period>}: requests 1 to 1,000,000,000, period a positive amount of
 * seconds ({@code s}), minutes ({@code m}), hours ({@code h}) or days ({@code d}), at most 365 days,
 * e.g. {@code 1200/1m}, {@code 30/1h}, {@code 100/15m}; {@code off} (any case) means no limit.
 */
public record RateLimitPolicy(long requests, Duration period) {
  public static final long MAX_REQUESTS = 1_000_000_000L;
  public static final Duration MAX_PERIOD = Duration.ofDays(365);
  private static final Pattern FORMAT = Pattern.compile("(\\d{1,10})/(\\d{1,6})([smhd])");

  public RateLimitPolicy {
    if (requests < 1 || requests > MAX_REQUESTS) {
      throw new IllegalArgumentException("rate limit requests must be 1.." + MAX_REQUESTS + ", got " + requests);
    }
    if (period == null || period.isNegative() || period.isZero() || period.compareTo(MAX_PERIOD) > 0) {
      throw new IllegalArgumentException("rate limit period must be positive and at most " + MAX_PERIOD + ", got " + period);
    }
  }

  /**
   * Parses {@code <requests>/<period>} or {@code off}; surrounding blanks are ignored.
   *
   * @return the policy, or empty for {@code off}
   * @throws IllegalArgumentException naming the value and the expected format when it is malformed
   */
  public static Optional<RateLimitPolicy> parse(String text) {
    if (text == null) {
      throw malformed(null);
    }
    String value = text.strip();
    if (value.toLowerCase(Locale.ROOT).equals("off")) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(value);
    if (!m.matches()) {
      throw malformed(text);
    }
    long amount = Long.parseLong(m.group(2));
    Duration period = switch (m.group(3)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
    try {
      return Optional.of(new RateLimitPolicy(Long.parseLong(m.group(1)), period));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid rate limit '" + text + "': " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException malformed(String text) {
    return new IllegalArgumentException("Invalid rate limit '" + text
        + "': expected <requests>/<period> such as 1200/1m (period unit s, m, h or d) or off");
  }

  /** The period in whole seconds (at least 1), as the {@code w} parameter of RateLimit-Policy. */
  public long windowSeconds() {
    return Math.max(1, period.toSeconds());
  }

  @Override
  public String toString() {
    return requests + "/" + period;
  }
}
