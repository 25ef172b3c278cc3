package dev.satchel.domain.ratelimit;

/** One named limit (e.g. {@code authenticated}, {@code upload}) and its decision for a request. */
public record RateLimitStatus(String limit, RateLimitDecision decision) {}
