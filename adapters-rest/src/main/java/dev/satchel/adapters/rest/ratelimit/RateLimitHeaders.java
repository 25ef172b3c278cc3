package dev.satchel.adapters.rest.ratelimit;

import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitStatus;
import jakarta.ws.rs.core.MultivaluedMap;
import io.vertx.core.MultiMap;
import java.time.Duration;
import java.util.List;

/**
 * Writes the {@code RateLimit-Policy} and {@code RateLimit} fields of the IETF HTTPAPI draft
 * "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers-10, sections 3 and 4):
 * structured-field lists with one item per limit applied, named by the limit, e.g.
 * {@code RateLimit-Policy: "authenticated";q=1200;w=60} and
 * {@code RateLimit: "authenticated";r=1187;t=42} ({@code q} quota, {@code w} window seconds,
 * {@code r} remaining, {@code t} seconds until the bucket is full again).
 */
public final class RateLimitHeaders {
  public static final String POLICY = "RateLimit-Policy";
  public static final String STATE = "RateLimit";

  private RateLimitHeaders() {}

  /** Sets both fields (replacing earlier values) when at least one limit was applied. */
  public static void write(List<RateLimitStatus> statuses, MultivaluedMap<String, Object> headers) {
    if (!statuses.isEmpty()) {
      headers.putSingle(POLICY, policy(statuses));
      headers.putSingle(STATE, state(statuses));
    }
  }

  /** The same on the HTTP response itself, for answers that never pass JAX-RS response filters. */
  public static void write(List<RateLimitStatus> statuses, MultiMap headers) {
    if (!statuses.isEmpty()) {
      headers.set(POLICY, policy(statuses));
      headers.set(STATE, state(statuses));
    }
  }

  // Written on every limited answer: one builder per field, no intermediate strings.
  private static String policy(List<RateLimitStatus> statuses) {
    StringBuilder policy = new StringBuilder(48);
    for (RateLimitStatus status : statuses) {
      RateLimitDecision d = status.decision();
      if (!policy.isEmpty()) {
        policy.append(", ");
      }
      policy.append('"').append(status.limit()).append("\";q=").append(d.policy().requests())
          .append(";w=").append(d.policy().windowSeconds());
    }
    return policy.toString();
  }

  private static String state(List<RateLimitStatus> statuses) {
    StringBuilder state = new StringBuilder(48);
    for (RateLimitStatus status : statuses) {
      RateLimitDecision d = status.decision();
      if (!state.isEmpty()) {
        state.append(", ");
      }
      state.append('"').append(status.limit()).append("\";r=").append(d.remaining())
          .append(";t=").append(seconds(d.resetAfter()));
    }
    return state.toString();
  }

  /** Whole seconds, rounded up so a client waiting that long is never early (RFC 9110 10.2.3). */
  public static long seconds(Duration duration) {
    long whole = duration.toSeconds();
    return duration.toNanosPart() > 0 ? whole + 1 : whole;
  }
}
