package dev.satchel.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs an end-to-end test class with encryption at rest on: two keys configured (as during a
 * rotation, before the restart that activates the second), {@code old} active.
 */
public class EncryptionProfile implements QuarkusTestProfile {
  /** Fixed test keys: 32 bytes each, base64. Never use them anywhere else. */
  public static final String OLD = "old:" + java.util.Base64.getEncoder().encodeToString(bytes(1));
  public static final String NEW = "new:" + java.util.Base64.getEncoder().encodeToString(bytes(2));

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("satchel.encryption.keys", OLD + "," + NEW, "satchel.encryption.active-key", "old");
  }

  private static byte[] bytes(int seed) {
    byte[] key = new byte[32];
    new java.util.Random(seed).nextBytes(key);
    return key;
  }
}
