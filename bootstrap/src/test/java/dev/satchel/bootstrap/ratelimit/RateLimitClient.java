package dev.satchel.bootstrap.ratelimit;

import static io.restassured.RestAssured.given;

import dev.satchel.bootstrap.Api;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Requests from a chosen client network (X-Forwarded-For is trusted in the test profile). */
final class RateLimitClient {
  private RateLimitClient() {}

  static RequestSpecification from(String address) {
    return given().header("X-Forwarded-For", address);
  }

  /** Registers and logs in a fresh user from {@code address}; costs that network 2 anonymous tokens. */
  static String newUserToken(String address) {
    String email = "limits-" + UUID.randomUUID() + "@example.com";
    Map<String, String> credentials = Map.of("email", email, "password", Api.PASSWORD);
    from(address).contentType(ContentType.JSON).body(credentials).when().post("/register").then().statusCode(201);
    return from(address).contentType(ContentType.JSON).body(credentials).when().post("/login")
        .then().statusCode(200).extract().path("access_token");
  }

  /** A distinct IPv4 network per call, from TEST-NET-2 and TEST-NET-3 plus a random octet. */
  static String freshNetwork() {
    return "198.51." + (int) (Math.random() * 200 + 1) + "." + (int) (Math.random() * 250 + 1);
  }
}
