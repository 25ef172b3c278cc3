package dev.satchel.bootstrap;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/** Builds upload requests, including raw multipart bodies that ordinary clients refuse to send. */
public final class Uploads {
  private static final String BOUNDARY = "satchel-test-boundary-7d1f";

  private Uploads() {}

  public static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Response upload(String token, String filename, byte[] content) {
    return Api.as(token).multiPart("file", filename, content, "application/octet-stream").when().post("/upload");
  }

  /** Uploads and returns the new file's id. */
  public static String uploadedId(String token, String filename, byte[] content) {
    return upload(token, filename, content).then().statusCode(201).extract().path("file_id");
  }

  /** A multipart body with one part whose Content-Disposition parameters are given verbatim. */
  public static Response rawUpload(String token, String partName, String dispositionParameters, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"" + dispositionParameters
        + "\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return given().header("Authorization", "Bearer " + token)
        .contentType("multipart/form-data; boundary=" + BOUNDARY)
        .body(body.toByteArray())
        .when().post("/upload");
  }
}
