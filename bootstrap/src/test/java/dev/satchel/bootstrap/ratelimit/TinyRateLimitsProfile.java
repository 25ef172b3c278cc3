package dev.satchel.bootstrap.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Turns on rate limits small enough to reach in a few requests (the rest of the suite runs without). */
public class TinyRateLimitsProfile implements QuarkusTestProfile {
  static final int GENERAL = 5;
  static final int UPLOADS = 2;
  static final int REGISTRATIONS = 2;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "satchel.rate-limit.authenticated", GENERAL + "/1m",
        "satchel.rate-limit.anonymous", GENERAL + "/1m",
        "satchel.rate-limit.upload", UPLOADS + "/1m",
        "satchel.rate-limit.register", REGISTRATIONS + "/1h");
  }
}
