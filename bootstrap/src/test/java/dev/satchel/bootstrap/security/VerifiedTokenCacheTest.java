package dev.satchel.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The decorator is wired: the parser the bearer-token provider uses remembers a verified token. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class VerifiedTokenCacheTest {
  @Inject
  JWTParser parser;

  @Test
  void theApplicationsParserRemembersAVerifiedToken() throws Exception {
    String token = Api.newUserToken();
    assertThat(parser.parse(token)).isSameAs(parser.parse(token));
  }
}
