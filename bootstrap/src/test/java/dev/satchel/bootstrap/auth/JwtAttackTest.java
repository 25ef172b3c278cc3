package dev.satchel.bootstrap.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.SigningSecret;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way to present a token that Satchel did not issue, or no longer honours, gets a 401. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class JwtAttackTest {
  @SigningSecret
  String signingSecret;

  private String validToken;
  private String userId;

  @BeforeEach
  void logIn() {
    validToken = Api.newUserToken();
    String payload = new String(Base64.getUrlDecoder().decode(validToken.split("\\.")[1]), StandardCharsets.UTF_8);
    userId = payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
  }

  private static void assertRejected(String authorization) {
    var request = given();
    if (authorization != null) {
      request = request.header("Authorization", authorization);
    }
    request.when().get("/files")
        .then().statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("status", equalTo(401));
  }

  private SecretKeySpec realKey() {
    return new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  private JwtClaimsBuilder claims() {
    Instant now = Instant.now();
    return Jwt.issuer("satchel").audience("satchel-api").subject(userId).upn("x@example.com")
        .groups(Set.of("user")).issuedAt(now).expiresAt(now.plusSeconds(600));
  }

  @Test
  void theRealTokenWorks() {
    Api.as(validToken).when().get("/files").then().statusCode(200);
    Api.as(claims().jws().algorithm(SignatureAlgorithm.HS256).sign(realKey())).when().get("/files").then().statusCode(200);
  }

  @Test
  void missingTokenIsRejected() {
    assertRejected(null);
    assertRejected("Bearer");
    assertRejected("Basic dXNlcjpwYXNz");
  }

  @Test
  void garbageIsRejected() {
    assertRejected("Bearer not-a-jwt");
    assertRejected("Bearer a.b.c");
  }

  @Test
  void unsignedAlgNoneTokenIsRejected() {
    String[] parts = validToken.split("\\.");
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    assertRejected("Bearer " + header + "." + parts[1] + ".");
  }

  @Test
  void tamperedPayloadIsRejected() {
    String[] parts = validToken.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace(userId, UUID.randomUUID().toString());
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    assertRejected("Bearer " + parts[0] + "." + forged + "." + parts[2]);
  }

  @Test
  void badSignatureIsRejected() {
    String[] parts = validToken.split("\\.");
    char last = parts[2].charAt(0);
    String flipped = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
    assertRejected("Bearer " + parts[0] + "." + parts[1] + "." + flipped);
  }

  @Test
  void expiredTokenIsRejectedWithoutGrace() {
    Instant now = Instant.now();
    assertRejected("Bearer " + claims().issuedAt(now.minusSeconds(120)).expiresAt(now.minusSeconds(1))
        .jws().algorithm(SignatureAlgorithm.HS256).sign(realKey()));
  }

  @Test
  void wrongIssuerIsRejected() {
    assertRejected("Bearer " + claims().issuer("evil").jws().algorithm(SignatureAlgorithm.HS256).sign(realKey()));
  }

  @Test
  void wrongAudienceIsRejected() {
    assertRejected("Bearer " + claims().audience("other-api").jws().algorithm(SignatureAlgorithm.HS256).sign(realKey()));
  }

  @Test
  void tokenSignedWithAnotherSecretIsRejected() {
    byte[] other = new byte[48];
    new java.security.SecureRandom().nextBytes(other);
    assertRejected("Bearer " + claims().jws().algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(other, "HmacSHA256")));
  }

  @Test
  void asymmetricallySignedTokenIsRejectedBecauseOnlyHs256IsAccepted() throws Exception {
    var rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    assertRejected("Bearer " + claims().jws().algorithm(SignatureAlgorithm.RS256).sign(rsa.generateKeyPair().getPrivate()));
  }

  @Test
  void tokenWithoutUserSubjectIsRejected() {
    assertRejected("Bearer " + claims().subject("not-a-uuid").jws().algorithm(SignatureAlgorithm.HS256).sign(realKey()));
  }

  // Verified tokens are remembered (VerifiedTokenCache): what was accepted once must not outlive
  // its exp, and no variation of it may ride on the remembered verification.

  @Test
  void anAcceptedTokenIsStillRefusedWhenAlteredOrCut() {
    Api.as(validToken).when().get("/files").then().statusCode(200);
    String[] parts = validToken.split("\\.");
    String flipped = (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
    assertRejected("Bearer " + parts[0] + "." + parts[1] + "." + flipped);
    assertRejected("Bearer " + parts[0] + "." + parts[1] + ".");
    assertRejected("Bearer " + validToken.substring(0, validToken.length() - 1));
  }

  @Test
  void anAcceptedTokenIsRefusedOnceItExpires() {
    String shortLived = "Bearer " + claims().expiresAt(Instant.now().plusSeconds(2))
        .jws().algorithm(SignatureAlgorithm.HS256).sign(realKey());
    given().header("Authorization", shortLived).when().get("/files").then().statusCode(200);
    Awaitility.await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertRejected(shortLived));
  }

  @Test
  void anAcceptedTokenWithoutUserSubjectIsRefusedEveryTime() {
    String token = "Bearer " + claims().subject("not-a-uuid").jws().algorithm(SignatureAlgorithm.HS256).sign(realKey());
    assertRejected(token);
    assertRejected(token);
  }

  /**
   * A well-signed token for an account this database does not hold (a restored backup, a signing
   * key shared with another deployment) used to get a 500 from the owner foreign key on writes.
   */
  @Test
  void aWellSignedTokenForAnAccountThisDatabaseDoesNotHoldIs401OnWritesToo() {
    String ghost = claims().subject(java.util.UUID.randomUUID().toString())
        .jws().algorithm(SignatureAlgorithm.HS256).sign(realKey());

    dev.satchel.bootstrap.Uploads.upload(ghost, "a.txt", "hello".getBytes(StandardCharsets.UTF_8))
        .then().statusCode(401).contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("code", equalTo("unauthenticated"));
    given().header("Authorization", "Bearer " + ghost).header("Tus-Resumable", "1.0.0").header("Upload-Length", "5")
        .when().post("/uploads")
        .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthenticated"));
  }
}
