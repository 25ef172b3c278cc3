package dev.satchel.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * An instance with short upload pacing (a slow client is judged within seconds), a cheap password
 * hash, and a local disk that tests can fill ({@link FillableDisk}).
 */
public class ConstrainedInstanceProfile implements QuarkusTestProfile {
  public static final int READ_TIMEOUT_SECONDS = 5;
  public static final int RATE_WINDOW_SECONDS = 10;
  public static final int MAX_PER_USER = 10;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "satchel.upload.read-timeout", READ_TIMEOUT_SECONDS + "S",
        "satchel.upload.rate-window", RATE_WINDOW_SECONDS + "S",
        "satchel.upload.min-rate", "1K",
        "satchel.upload.max-concurrent-per-user", Integer.toString(MAX_PER_USER),
        "satchel.upload.max-concurrent", "300",
        // A login should measure whether a request gets a thread, not the CPU cost of Argon2 on a
        // loaded test machine (here 0.8 s at the production cost before any slow upload).
        "satchel.password.memory-kib", "1024",
        "satchel.password.iterations", "1");
  }

  @Override
  public Set<Class<?>> getEnabledAlternatives() {
    return Set.of(FillableDisk.class);
  }
}
