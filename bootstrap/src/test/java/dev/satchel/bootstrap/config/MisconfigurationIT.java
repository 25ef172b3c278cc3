package dev.satchel.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.TestEnvironmentResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A malformed setting stops the packaged jar, as an operator starts it (environment variables, the
 * prod profile), with one line that names the setting: no stack trace, no background job's
 * warnings from a half-started service, and no secret repeated.
 */
class MisconfigurationIT {
  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final String SECRET = "a-good-signing-secret-of-40-bytes-length";

  private static TestEnvironmentResource environment;
  private static Map<String, String> settings;

  @BeforeAll
  static void database() {
    environment = new TestEnvironmentResource();
    settings = new HashMap<>(environment.start());
    settings.remove("satchel.jwt.secret"); // SECRET_KEY comes from the environment below
  }

  @AfterAll
  static void dropDatabase() {
    environment.stop();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "PUBLIC_BASE_URL                | files.example.org           | PUBLIC_BASE_URL 'files.example.org' is not usable: it must start with http:// or https://",
      "PUBLIC_BASE_URL                | https://files.example.org/?x | PUBLIC_BASE_URL 'https://files.example.org/?x' is not usable",
      "SATCHEL_RATE_LIMIT_UPLOAD      | 1/0s                        | SATCHEL_RATE_LIMIT_UPLOAD: Invalid rate limit '1/0s'",
      "SATCHEL_RATE_LIMIT_ANONYMOUS   | lots                        | SATCHEL_RATE_LIMIT_ANONYMOUS: Invalid rate limit 'lots'",
      "SATCHEL_ENCRYPTION_ACTIVE_KEY  | k1                          | Invalid encryption-at-rest configuration",
      "SECRET_KEY                     | too-short                   | SECRET_KEY must be at least 32 bytes long.",
      "DATABASE_URL                   | mysql://root:hunter2@db/x   | DATABASE_URL is not usable: it must start with postgresql://",
      "DATABASE_URL                   | postgresql://u:hunter2@/x   | DATABASE_URL is not usable: it names no host",
  })
  void aBadSettingStopsTheStartWithOneLineNamingIt(String variable, String value, String expected) throws Exception {
    Path log = Files.createTempFile("satchel-misconfigured-", ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Dquarkus.http.port=0");
    settings.forEach((key, setting) -> command.add("-D" + key + "=" + setting));
    command.add("-jar");
    command.add(JAR.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SECRET_KEY", SECRET);
    builder.environment().put(variable, value);
    Process process = builder.start();
    try {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the jar stops by itself").isTrue();
      List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(String.join("\n", output)).isNotZero();
      assertThat(output).as("the message").anySatisfy(line -> assertThat(line).startsWith(expected));
      assertThat(output).as("no stack trace").noneMatch(line -> line.startsWith("\tat ") || line.contains("Caused by"));
      assertThat(output).as("no warnings or errors around it").noneMatch(line -> line.contains(" WARN ")
          || line.contains(" ERROR "));
      assertThat(output).as("secrets stay out of the log").noneMatch(line -> line.contains("hunter2")
          || line.contains(SECRET));
    } finally {
      process.destroyForcibly().waitFor();
      deleteQuietly(log);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temp file left behind is harmless
    }
  }
}
