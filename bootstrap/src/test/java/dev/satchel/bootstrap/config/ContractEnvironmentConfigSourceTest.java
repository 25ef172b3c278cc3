package dev.satchel.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractEnvironmentConfigSourceTest {

  @Test
  void aPostgresqlUrlBecomesJdbcUrlUserAndPassword() {
    assertThat(ContractEnvironmentConfigSource.datasource("postgresql://satchel:p%40ss+w%3Ard@db.internal:6543/files?sslmode=require"))
        .containsExactlyInAnyOrderEntriesOf(Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.internal:6543/files?sslmode=require",
            "quarkus.datasource.username", "satchel",
            "quarkus.datasource.password", "p@ss+w:rd"));
  }

  @Test
  void portAndDatabaseDefaultAsPostgresqlsDo() {
    assertThat(ContractEnvironmentConfigSource.datasource("postgres://db"))
        .containsExactlyEntriesOf(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/postgres"));
  }

  @Test
  void aJdbcUrlPassesThrough() {
    assertThat(ContractEnvironmentConfigSource.datasource("jdbc:postgresql://db:5432/x"))
        .containsExactlyEntriesOf(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/x"));
  }

  /** Each stops the start with one line naming DATABASE_URL, and never echoes the secret in it. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mysql://u:secret@db/x", "db.internal:5432", "secret", "postgresql://u:secret@/x",
      "postgresql:///x", "postgresql://u:secret@[db/x", "postgresql://u:secret@db:port/x",
      "postgresql://u:sec%zzret@db/x", "postgresql://u:secret@db/x y", "postgresql:secret", "://secret"})
  void whatIsNotAPostgresqlUrlIsAConfigurationErrorWithoutTheValue(String url) {
    assertThatThrownBy(() -> new ContractEnvironmentConfigSource(Map.of("DATABASE_URL", url)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("DATABASE_URL is not usable")
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
  }
}
