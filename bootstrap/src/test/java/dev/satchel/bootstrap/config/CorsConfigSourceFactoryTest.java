package dev.satchel.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CorsConfigSourceFactoryTest {
  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", ",", " , ,\t"})
  void noOriginsLeaveTheFilterOff(String origins) {
    assertThat(CorsConfigSourceFactory.settings(origins)).isEmpty();
  }

  @Test
  void originsAreTrimmedAndEnableTheFilter() {
    assertThat(CorsConfigSourceFactory.settings(" https://a.example ,, https://b.example:8443 ")).isEqualTo(Map.of(
        "quarkus.http.cors.enabled", "true",
        "quarkus.http.cors.origins", "https://a.example,https://b.example:8443"));
  }
}
