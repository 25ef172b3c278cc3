package dev.satchel.bootstrap.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.RawHttp;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No 5xx from input: every query and path parameter, header and body field of the API, fed a
 * table of hostile values (NUL, unpaired surrogates, overlong and invalid UTF-8, invalid
 * percent-encoding, control characters, huge and negative numbers, empty and very long values),
 * answers 2xx/304 or a 4xx problem+json without internals. Requests go out as raw bytes.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {
  /** Values as they appear in a URL, already percent-encoded (or deliberately not). */
  static final List<String> URL_VALUES = List.of(
      "%00", "%zz", "%", "%C0%80", "%ED%A0%80", "%FF%FE", "%0D%0Ax", "%7F", "%E2%80%AE", "-1",
      "9223372036854775808", "99999999999999999999999999", "1.5", "1e3", "%20", "", "%F0%9F%98%80",
      "..%2F..%2Fetc%2Fpasswd", "%25", "null", "x".repeat(3000), "image%2F%2A%2F%2A",
      // Years RFC 3339 does not have, and cursors tampered with to carry such a year or a NUL: all
      // reached PostgreSQL and answered 500 (fresh-eyes run, session 8).
      "%2B300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z",
      "MQpVUExPQURfREFURQpERVNDCjAxYTIyYWY4LWMzZmQtN2M5ZS1iNDBlLTU5NTZjZGQ4NzgzYworMzAwMDAwLTAxLTAxVDAwOjAwOjAwWg", "MQpVUExPQURfREFURQpBU0MKMDFhMjJhZjgtYzNmZC03YzllLWI0MGUtNTk1NmNkZDg3ODNjCis5OTk5OTk5OTktMTItMzFUMjM6NTk6NTla", "MQpOQU1FCkFTQwowMWEyMmFmOC1jM2ZkLTdjOWUtYjQwZS01OTU2Y2RkODc4M2MKYQBi");

  /** Header values as raw bytes; a header cannot carry CR or LF, so those stay out. */
  static final List<byte[]> HEADER_VALUES = headerValues();

  private static final AtomicInteger NETWORK = new AtomicInteger();
  private static String token;
  private static String fileId;
  private static String openLink;
  private static String protectedLink;

  @BeforeEach
  void fixtures() {
    if (token == null) {
      token = Api.newUserToken();
      fileId = Uploads.uploadedId(token, "hostile.txt", Uploads.randomBytes(1000, 3));
      openLink = Api.as(token).contentType(ContentType.JSON).body("{}")
          .post("/files/" + fileId + "/share").then().statusCode(201).extract().path("token");
      protectedLink = Api.as(token).contentType(ContentType.JSON).body("{\"password\": \"open sesame\"}")
          .post("/files/" + fileId + "/share").then().statusCode(201).extract().path("token");
    }
  }

  /** Issue 12, input 4: this answered 500 internal-error (PostgreSQL refuses NUL in text). */
  @Test
  void searchingForNulIsA400NamingTheParameter() {
    RawHttp.Answer answer = RawHttp.get("/files/search?name=%00", bearer());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.header("content-type")).startsWith("application/problem+json");
    assertThat(answer.text()).contains("\"field\":\"name\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "type", "uploaded_after", "uploaded_before", "min_size", "max_size", "sort",
      "order", "limit", "cursor"})
  void everySearchParameter(String parameter) {
    SoftAssertions soft = new SoftAssertions();
    for (String value : URL_VALUES) {
      check(soft, "GET /files/search?" + parameter + "=" + value,
          RawHttp.get("/files/search?" + parameter + "=" + value, bearer()), hasInvalidPercentEncoding(value));
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit", "cursor"})
  void everyListingParameter(String parameter) {
    SoftAssertions soft = new SoftAssertions();
    for (String value : URL_VALUES) {
      check(soft, "GET /files?" + parameter + "=" + value, RawHttp.get("/files?" + parameter + "=" + value, bearer()),
          hasInvalidPercentEncoding(value));
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /files/%s", "GET /files/%s/content", "HEAD /files/%s/content", "POST /files/%s/share",
      "GET /files/%s/shares", "DELETE /files/%s", "DELETE /shares/%s", "GET /share/%s"})
  void everyPathParameter(String route) {
    SoftAssertions soft = new SoftAssertions();
    String method = route.substring(0, route.indexOf(' '));
    for (String value : URL_VALUES) {
      String target = route.substring(route.indexOf(' ') + 1).formatted(value);
      Map<String, byte[]> headers = new LinkedHashMap<>(bearer());
      if (method.equals("POST")) {
        headers.put("Content-Type", ascii("application/json"));
        headers.put("Content-Length", ascii("0"));
      }
      check(soft, method + " " + target, RawHttp.send(method, target, headers), hasInvalidPercentEncoding(value));
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Range", "If-None-Match", "If-Range", "If-Match", "If-Modified-Since", "If-Unmodified-Since"})
  void everyConditionalHeaderOnBothDownloads(String header) {
    SoftAssertions soft = new SoftAssertions();
    for (byte[] value : HEADER_VALUES) {
      Map<String, byte[]> shared = new LinkedHashMap<>();
      shared.put(header, value);
      check(soft, header + " on /share: " + printable(value), RawHttp.get("/share/" + openLink, shared),
          hasControlByte(value));
      if (header.startsWith("If-M") || header.startsWith("If-U")) {
        continue; // one endpoint is enough for these: both downloads answer through one responder
      }
      Map<String, byte[]> owned = new LinkedHashMap<>(bearer());
      owned.put(header, value);
      check(soft, header + " on /content: " + printable(value), RawHttp.get("/files/" + fileId + "/content", owned),
          hasControlByte(value));
    }
    soft.assertAll();
  }

  @Test
  void everySharePasswordHeader() {
    SoftAssertions soft = new SoftAssertions();
    for (byte[] value : HEADER_VALUES) {
      // Each value from its own network, so every one reaches the password check, not the throttle.
      Map<String, byte[]> headers = new LinkedHashMap<>();
      headers.put("X-Share-Password", value);
      headers.put("X-Forwarded-For", ascii("198.19." + NETWORK.incrementAndGet() % 250 + ".9"));
      RawHttp.Answer answer = RawHttp.get("/share/" + protectedLink, headers);
      check(soft, "X-Share-Password: " + printable(value), answer, hasControlByte(value));
      soft.assertThat(answer.status()).as("X-Share-Password: " + printable(value)).isNotEqualTo(200);
    }
    soft.assertAll();
  }

  @Test
  void everyAuthorizationHeader() {
    SoftAssertions soft = new SoftAssertions();
    List<byte[]> values = new ArrayList<>();
    for (byte[] value : HEADER_VALUES) {
      values.add(value);
      values.add(concat(ascii("Bearer "), value));
    }
    values.add(ascii("Basic dXNlcjpwYXNzd29yZA=="));
    values.add(ascii("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
    values.add(ascii("Bearer a.b.c"));
    values.add(ascii("Bearer " + token + " trailing"));
    values.add(ascii("Bearer " + token + "." + token));
    for (byte[] value : values) {
      RawHttp.Answer answer = RawHttp.get("/files", Map.of("Authorization", value));
      check(soft, "Authorization: " + printable(value), answer, hasControlByte(value));
      if (!(hasControlByte(value) && isHttpLayerRefusal(answer))) {
        soft.assertThat(answer.status()).as("Authorization: " + printable(value)).isEqualTo(401);
      }
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/register email", "/register password", "/login email", "/login password",
      "/files/{id}/share expires_in", "/files/{id}/share max_downloads", "/files/{id}/share password"})
  void everyBodyField(String endpointAndField) {
    String path = endpointAndField.substring(0, endpointAndField.indexOf(' ')).replace("{id}", fileId);
    String field = endpointAndField.substring(endpointAndField.indexOf(' ') + 1);
    boolean credentials = !path.contains("/share");
    int linksBefore = links();
    int created = 0;
    SoftAssertions soft = new SoftAssertions();
    for (byte[] value : jsonValues()) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(ascii("{\"" + field + "\": "));
      body.writeBytes(value);
      if (credentials) {
        String other = field.equals("email") ? "password" : "email";
        body.writeBytes(ascii(", \"" + other + "\": \"" + (other.equals("email") ? "hostile@example.com" : "long enough 1") + "\""));
      }
      body.writeBytes(ascii("}"));
      RawHttp.Answer answer = post(path, body.toByteArray());
      check(soft, "POST " + path + " " + printable(body.toByteArray()), answer);
      created += answer.status() == 201 && !credentials ? 1 : 0;
    }
    soft.assertAll();
    // Only the answers that said 201 made a link: a refused body writes nothing.
    assertThat(links()).isEqualTo(linksBefore + created);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/register", "/login", "/files/{id}/share"})
  void everyWholeBody(String route) {
    String path = route.replace("{id}", fileId);
    SoftAssertions soft = new SoftAssertions();
    List<byte[]> bodies = new ArrayList<>(List.of(
        ascii("null"), ascii("[]"), ascii("{}"), ascii("{"), ascii("}"), ascii("\"text\""), ascii("42"),
        new byte[] {(byte) 0xFF, (byte) 0xFE, 0}, new byte[] {0}, ascii("{\"a\": 1}"), ascii("{\"\": 1}"),
        ascii("{\"email\": \"a@example.com\"} garbage"), ascii("[".repeat(5000) + "]".repeat(5000)),
        ascii("{\"max_downloads\": " + "9".repeat(5000) + "}"), ascii("{\"" + "k".repeat(100_000) + "\": 1}")));
    for (byte[] body : bodies) {
      check(soft, "POST " + route + " " + printable(body), post(path, body));
    }
    soft.assertAll();
  }

  private static void check(SoftAssertions soft, String request, RawHttp.Answer answer) {
    check(soft, request, answer, false);
  }

  /**
   * 2xx, 304, or a 4xx problem without internals. Where {@code framingError} holds, the HTTP layer
   * (Vert.x) may refuse the message before Satchel sees it, as RFC 9112 §3 has it: a bare 400 that
   * closes the connection. That happens for invalid percent-encoding in the request target and for
   * control bytes in a header value, and nowhere else.
   */
  private static void check(SoftAssertions soft, String request, RawHttp.Answer answer, boolean framingError) {
    String what = request.length() > 200 ? request.substring(0, 200) + "…" : request;
    int status = answer.status();
    soft.assertThat(status >= 200 && status < 300 || status == 304 || status >= 400 && status < 500)
        .as("%s answered %s", what, answer).isTrue();
    if (framingError && isHttpLayerRefusal(answer)) {
      return;
    }
    if (status == 416) {
      soft.assertThat(answer.header("content-range")).as("%s: %s", what, answer).startsWith("bytes */");
    }
    if (status >= 400) {
      soft.assertThat(answer.header("content-type")).as("%s: %s", what, answer).startsWith("application/problem+json");
      if (!request.startsWith("HEAD")) {
        soft.assertThat(answer.text()).as("%s", what).contains("\"status\":" + status)
            .doesNotContain("Exception", "java.", "org.", "SQL", "jackson");
      }
    }
  }

  private static boolean isHttpLayerRefusal(RawHttp.Answer answer) {
    return answer.status() == 400 && "close".equalsIgnoreCase(answer.header("connection"))
        && answer.header("content-type") == null && answer.body().length == 0;
  }

  /** A {@code %} not followed by two hex digits: no valid URI has it. */
  private static boolean hasInvalidPercentEncoding(String rawValue) {
    return !rawValue.replaceAll("%[0-9A-Fa-f]{2}", "").chars().noneMatch(c -> c == '%');
  }

  /** A control byte other than HTAB, which RFC 9110 §5.5 does not allow in a field value. */
  private static boolean hasControlByte(byte[] value) {
    for (byte b : value) {
      if (b >= 0 && b < 0x20 && b != '\t' || b == 0x7F) {
        return true;
      }
    }
    return false;
  }

  private static RawHttp.Answer post(String path, byte[] body) {
    Map<String, byte[]> headers = new LinkedHashMap<>(path.contains("/share") ? bearer() : Map.of());
    headers.put("Content-Type", ascii("application/json"));
    headers.put("Content-Length", ascii(Integer.toString(body.length)));
    headers.put("X-Forwarded-For", ascii("198.20." + NETWORK.incrementAndGet() % 250 + ".7"));
    return RawHttp.send("POST", path, headers, body);
  }

  private static int links() {
    return Api.as(token).get("/files/" + fileId + "/shares").then().statusCode(200).extract().path("size()");
  }

  private static Map<String, byte[]> bearer() {
    return Map.of("Authorization", ascii("Bearer " + token));
  }

  private static List<byte[]> headerValues() {
    List<byte[]> values = new ArrayList<>();
    for (String text : List.of("", " ", "bytes=0-0", "bytes=-0", "bytes=99999999999999999999-",
        "bytes=-99999999999999999999", "bytes=5-1", "bytes=" + "0-0,".repeat(1000) + "0-0",
        "bytes=abc", "items=0-1", "bytes=\t0-1", "W/\"x\"", "*", "\"unterminated",
        "Tue, 31 Feb 2026 25:61:61 GMT", "x".repeat(8000), "%00")) {
      values.add(text.getBytes(StandardCharsets.UTF_8));
    }
    values.add(new byte[] {'a', 0, 'b'});
    values.add(new byte[] {(byte) 0xFF, (byte) 0xFE});
    values.add(new byte[] {(byte) 0xC0, (byte) 0x80});
    values.add(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
    values.add(new byte[] {0x7F, 0x01, 0x1B});
    values.add("пароль-секрет".getBytes(StandardCharsets.UTF_8));
    return values;
  }

  private static List<byte[]> jsonValues() {
    List<byte[]> values = new ArrayList<>();
    for (String json : List.of("\"\\u0000\"", "\"a\\u0000b@example.com\"", "\"\\ud800\"", "\"x\\udc00yyyyyyyy\"",
        "\"\"", "\"   \"", "\"\\r\\n\"", "\"" + "x".repeat(100_000) + "\"", "1.5", "-1", "0", "-0",
        "99999999999999999999999", "1e400", "true", "null", "[]", "{}", "\"1\"", "\"\\u202e\"")) {
      values.add(json.getBytes(StandardCharsets.UTF_8));
    }
    values.add(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', '"'});
    values.add(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'});
    values.add(new byte[] {'"', (byte) 0xFF, '"'});
    values.add(new byte[] {'"', 0x01, '"'});
    return values;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static String printable(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, 80); i++) {
      int b = bytes[i] & 0xFF;
      text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : "\\x%02X".formatted(b));
    }
    return bytes.length > 80 ? text + "…(" + bytes.length + " bytes)" : text.toString();
  }
}
