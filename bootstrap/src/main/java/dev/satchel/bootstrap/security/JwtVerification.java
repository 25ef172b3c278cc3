package dev.satchel.bootstrap.security;

import dev.satchel.bootstrap.config.SatchelConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Tells SmallRye JWT how to verify tokens, from key material resolved at run time (never built
 * into the image): HS256 only (so {@code alg: none} and algorithm confusion fail), issuer and
 * audience checked, no expiry grace.
 */
public class JwtVerification {

  @Produces
  @Alternative
  @Priority(1)
  @ApplicationScoped
  JWTAuthContextInfo verificationContext(SatchelConfig config, SecretKey signingKey) {
    JWTAuthContextInfo info = new JWTAuthContextInfo(signingKey, config.jwt().issuer());
    info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
    info.setExpectedAudience(Set.of(config.jwt().audience()));
    info.setExpGracePeriodSecs(0);
    info.setClockSkew(0);
    info.setRequireNamedPrincipal(true);
    return info;
  }
}
