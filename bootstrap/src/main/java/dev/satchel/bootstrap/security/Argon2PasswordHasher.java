package dev.satchel.bootstrap.security;

import dev.satchel.domain.user.Password;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (Bouncy Castle), encoded in the PHC string format so that every hash
 * carries its own parameters and they can be raised later without invalidating old hashes.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");

  /** Argon2id cost: memory in KiB, passes, lanes. */
  public record Cost(int memoryKib, int iterations, int parallelism) {
    public Cost {
      if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
        throw new IllegalArgumentException("invalid Argon2 cost");
      }
    }
  }

  private final Cost cost;
  private final SecureRandom random;

  public Argon2PasswordHasher(Cost cost, SecureRandom random) {
    this.cost = cost;
    this.random = random;
  }

  @Override
  public PasswordHash hash(Password password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password.value(), salt, cost, HASH_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return new PasswordHash("$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p="
        + cost.parallelism() + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash));
  }

  @Override
  public boolean verify(String candidate, PasswordHash stored) {
    Matcher m = PHC.matcher(stored.encoded());
    if (!m.matches()) {
      return false;
    }
    Cost storedCost = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    byte[] salt = Base64.getDecoder().decode(m.group(4));
    byte[] expected = Base64.getDecoder().decode(m.group(5));
    byte[] actual = derive(candidate, salt, storedCost, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  @Override
  public boolean needsRehash(PasswordHash stored) {
    Matcher m = PHC.matcher(stored.encoded());
    return !m.matches()
        || Integer.parseInt(m.group(1)) < cost.memoryKib()
        || Integer.parseInt(m.group(2)) < cost.iterations()
        || Integer.parseInt(m.group(3)) < cost.parallelism();
  }

  private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(cost.memoryKib())
        .withIterations(cost.iterations())
        .withParallelism(cost.parallelism())
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
