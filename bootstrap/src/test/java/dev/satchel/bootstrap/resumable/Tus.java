package dev.satchel.bootstrap.resumable;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Raw tus 1.0.0 requests, for the protocol tests: exactly the headers given, nothing a client library adds. */
final class Tus {
  static final String OFFSET_STREAM = "application/offset+octet-stream";

  private Tus() {}

  /** An authenticated request speaking tus 1.0.0, sending bodies as they are. */
  static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
        .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
            .appendDefaultContentCharsetToContentTypeIfUndefined(false)
            .encodeContentTypeAs(OFFSET_STREAM, ContentType.BINARY)));
  }

  /**
   * Creates an upload of {@code length} bytes named {@code filename}; returns its absolute URL, the
   * Location resolved against the creation URL as a tus client does (RFC 3986 §5).
   */
  static String create(String token, long length, String filename) {
    String location = as(token).header("Upload-Length", Long.toString(length))
        .header("Upload-Metadata", "filename " + base64(filename))
        .when().post("/uploads")
        .then().statusCode(201).extract().header("Location");
    return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/uploads").resolve(location).toString();
  }

  static Response patch(String token, String url, long offset, byte[] body) {
    return as(token).header("Upload-Offset", Long.toString(offset)).contentType(OFFSET_STREAM).body(body)
        .when().patch(url);
  }

  static Response head(String token, String url) {
    return as(token).when().head(url);
  }

  static long offset(String token, String url) {
    return Long.parseLong(head(token, url).then().statusCode(200).extract().header("Upload-Offset"));
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Header(byte[] body) {
    try {
      return "sha256 " + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
