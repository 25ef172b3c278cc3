package dev.satchel.bootstrap.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.RedisCacheProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Redis entry that cannot be decoded (garbled, an older format, values the domain rejects) is a
 * miss: the request is answered from PostgreSQL and the entry overwritten, never a 5xx.
 */
@QuarkusTest
@TestProfile(RedisCacheProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class RedisUnreadableEntryTest {
  @Inject RedisDataSource redis;

  @ConfigProperty(name = "satchel.cache.key-prefix")
  String prefix;

  private static String token; // one account for the class: registering hashes with Argon2

  private static String token() {
    if (token == null) {
      token = Api.newUserToken();
    }
    return token;
  }

  @ParameterizedTest
  @ValueSource(strings = {"{not json", "null", "{}", "[]", "42", "\u0000\u00ff",
      "{\"i\":\"not-a-uuid\"}", "{\"i\":\"0192f0c4-0000-7000-8000-000000000000\",\"s\":-5}"})
  void unreadableFileEntryIsAMissThatIsOverwritten(String garbage) {
    String token = token();
    String fileId = Uploads.uploadedId(token, "garbled.txt", "real bytes".getBytes(StandardCharsets.UTF_8));
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
    String key = prefix + "file:" + fileId;
    redis.value(String.class).set(key, garbage);

    Api.as(token).when().get("/files/" + fileId).then().statusCode(200)
        .body("file_id", equalTo(fileId)).body("filename", equalTo("garbled.txt"));

    assertThat(redis.value(String.class).get(key)).contains(fileId).isNotEqualTo(garbage);
    Api.as(token).when().get("/files/" + fileId + "/content").then().statusCode(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{not json", "null", "{}", "{\"h\":\"zz\"}"})
  void unreadableShareEntryIsAMissThatIsOverwritten(String garbage) {
    String token = token();
    String fileId = Uploads.uploadedId(token, "shared.txt", "shared bytes".getBytes(StandardCharsets.UTF_8));
    String shareToken = Api.as(token).contentType(ContentType.JSON).when().post("/files/" + fileId + "/share")
        .then().statusCode(201).extract().path("token");
    given().when().head("/share/" + shareToken).then().statusCode(200);
    String key = redis.key().keys(prefix + "share:*").stream()
        .filter(k -> redis.value(String.class).get(k).contains(fileId)).findFirst().orElseThrow();
    redis.value(String.class).set(key, garbage);

    given().when().get("/share/" + shareToken).then().statusCode(200);

    assertThat(redis.value(String.class).get(key)).contains(fileId);
  }
}
