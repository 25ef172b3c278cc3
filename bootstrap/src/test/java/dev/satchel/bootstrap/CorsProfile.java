package dev.satchel.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs an end-to-end test class with two browser origins allowed, spaced as an operator might. */
public class CorsProfile implements QuarkusTestProfile {
  public static final String APP = "https://app.example.com";
  public static final String ADMIN = "https://admin.example.com:8443";
  /** Satchel's own public origin (PUBLIC_BASE_URL), where its share pages live. */
  public static final String PUBLIC = "https://files.example.org";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("satchel.cors.origins", " " + APP + " ,, " + ADMIN + " ",
        "satchel.public-base-url", PUBLIC + "/");
  }
}
