package dev.satchel.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs an end-to-end test class with a per-user quota small enough to fill in a test. */
public class SmallQuotaProfile implements QuarkusTestProfile {
  /** The quota in bytes. */
  public static final long QUOTA_BYTES = 5500;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("satchel.upload.quota", Long.toString(QUOTA_BYTES));
  }
}
