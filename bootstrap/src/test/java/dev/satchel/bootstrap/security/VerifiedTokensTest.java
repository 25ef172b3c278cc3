package dev.satchel.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A remembered token answers only while it is unexpired; anything else goes to full verification. */
class VerifiedTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");
  private static final long EXP = NOW.plusSeconds(600).getEpochSecond();

  private Instant now = NOW;
  private final Clock clock = new Clock() {
    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  };
  private final AtomicInteger verifications = new AtomicInteger();
  private final VerifiedTokens tokens = new VerifiedTokens(clock, 16);

  // Like jose4j: refuses "bad" and any token once now >= exp.
  private JsonWebToken verify(String token) throws ParseException {
    verifications.incrementAndGet();
    if (token.equals("bad") || now.getEpochSecond() >= EXP) {
      throw new ParseException("refused");
    }
    return jwt(token, EXP);
  }

  private static JsonWebToken jwt(String raw, long exp) {
    Map<String, Object> claims = Map.of("raw_token", raw, "exp", exp, "sub", "someone");
    return new JsonWebToken() {
      @Override
      public String getName() {
        return "someone";
      }

      @Override
      public Set<String> getClaimNames() {
        return claims.keySet();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String name) {
        return (T) claims.get(name);
      }
    };
  }

  @Test
  void aVerifiedTokenIsVerifiedOnceAndThenRemembered() throws Exception {
    JsonWebToken first = tokens.verify("good", this::verify);
    JsonWebToken second = tokens.verify("good", this::verify);
    assertThat(second).isSameAs(first);
    assertThat(verifications).hasValue(1);
  }

  @Test
  void aRefusedTokenIsNeverRemembered() {
    assertThatThrownBy(() -> tokens.verify("bad", this::verify)).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> tokens.verify("bad", this::verify)).isInstanceOf(ParseException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aRememberedTokenIsRefusedFromItsExpiryOn() throws Exception {
    tokens.verify("good", this::verify);
    now = Instant.ofEpochSecond(EXP).minusMillis(1);
    tokens.verify("good", this::verify);
    assertThat(verifications).hasValue(1);

    now = Instant.ofEpochSecond(EXP);
    assertThatThrownBy(() -> tokens.verify("good", this::verify)).isInstanceOf(ParseException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aTokenAlreadyExpiredByThisClockIsNotRemembered() throws Exception {
    VerifiedTokens.Verifier lenient = token -> {
      verifications.incrementAndGet();
      return jwt(token, NOW.getEpochSecond());
    };
    tokens.verify("late", lenient);
    tokens.verify("late", lenient);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void anotherTokenIsVerifiedOnItsOwn() throws Exception {
    tokens.verify("good", this::verify);
    assertThatThrownBy(() -> tokens.verify("bad", this::verify)).isInstanceOf(ParseException.class);
    tokens.verify("good2", this::verify);
    assertThat(verifications).hasValue(3);
  }

  @Test
  void theMemoryIsBounded() throws Exception {
    for (int i = 0; i < 1_000; i++) {
      tokens.verify("good" + i, this::verify);
    }
    verifications.set(0);
    for (int i = 0; i < 1_000; i++) {
      tokens.verify("good" + i, this::verify);
    }
    // Caffeine evicts asynchronously, so a few more than 16 may still answer; unbounded, all 1,000 would.
    assertThat(verifications.get()).isGreaterThan(900);
  }
}
