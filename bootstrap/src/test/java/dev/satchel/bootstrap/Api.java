package dev.satchel.bootstrap;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Small helpers for end-to-end tests: accounts and authenticated requests. */
public final class Api {
  public static final String PASSWORD = "correct horse battery";

  private Api() {}

  /** Registers a fresh account and returns its email. */
  public static String registerNewUser() {
    String email = "user-" + UUID.randomUUID() + "@example.com";
    given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
        .when().post("/register")
        .then().statusCode(201);
    return email;
  }

  public static String logIn(String email) {
    return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
        .when().post("/login")
        .then().statusCode(200)
        .extract().path("access_token");
  }

  /** A bearer token for a brand-new user. */
  public static String newUserToken() {
    return logIn(registerNewUser());
  }

  public static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }
}
