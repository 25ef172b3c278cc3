package dev.satchel.bootstrap.health;

import dev.satchel.bootstrap.encryption.EncryptionAtRest;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Reports encryption at rest: the active key id and, as {@code files:<key-id>}, how many stored
 * files each key id still protects (0 for a configured key that protects none: it can be retired).
 * DOWN when some files are under a key id that is not configured, since those cannot be read. A
 * wellness check: the rest of Satchel stays in service.
 */
@Wellness
@ApplicationScoped
public class EncryptionHealthCheck implements HealthCheck {
  private final EncryptionAtRest encryption;

  public EncryptionHealthCheck(EncryptionAtRest encryption) {
    this.encryption = encryption;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder answer = HealthCheckResponse.named("encryption-at-rest")
        .withData("enabled", encryption.keys().isPresent());
    encryption.keys().ifPresent(keys -> answer.withData("active-key", keys.activeId()));
    Map<String, Long> counts = new TreeMap<>();
    encryption.keys().ifPresent(keys -> keys.ids().forEach(id -> counts.put(id, 0L)));
    try {
      counts.putAll(encryption.dataKeys().countByKeyId());
    } catch (RuntimeException e) {
      return answer.withData("error", "the data key store is unreachable").down().build();
    }
    boolean up = true;
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      answer.withData("files:" + count.getKey(), count.getValue());
      boolean configured = encryption.keys().map(k -> k.ids().contains(count.getKey())).orElse(false);
      up &= configured || count.getValue() == 0;
    }
    return answer.status(up).build();
  }
}
