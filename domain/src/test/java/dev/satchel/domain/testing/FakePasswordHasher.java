package dev.satchel.domain.testing;

import dev.satchel.domain.user.Password;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast stand-in for Argon2 that encodes {@code fake$<cost>$<salt>$<sha256(salt:password)>}: a
 * fresh salt per hash, a cost that {@link #needsRehash} compares, and counted calls.
 */
public final class FakePasswordHasher implements PasswordHasher {
  private final int cost;
  private final AtomicInteger salts = new AtomicInteger();
  private final AtomicInteger hashCalls = new AtomicInteger();
  private final AtomicInteger verifyCalls = new AtomicInteger();

  public FakePasswordHasher(int cost) {
    this.cost = cost;
  }

  public FakePasswordHasher() {
    this(1);
  }

  @Override
  public PasswordHash hash(Password password) {
    hashCalls.incrementAndGet();
    return new PasswordHash(encode(cost, "%08x".formatted(salts.incrementAndGet()), password.value()));
  }

  @Override
  public boolean verify(String candidate, PasswordHash hash) {
    verifyCalls.incrementAndGet();
    String[] parts = hash.encoded().split("\\$");
    if (parts.length != 4 || !parts[0].equals("fake")) {
      return false;
    }
    byte[] expected = hash.encoded().getBytes(StandardCharsets.UTF_8);
    byte[] actual = encode(Integer.parseInt(parts[1]), parts[2], candidate).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual);
  }

  @Override
  public boolean needsRehash(PasswordHash hash) {
    return costOf(hash) < cost;
  }

  /** The cost a hash was made with; 0 for anything this hasher did not make. */
  public static int costOf(PasswordHash hash) {
    String[] parts = hash.encoded().split("\\$");
    return parts.length == 4 && parts[0].equals("fake") ? Integer.parseInt(parts[1]) : 0;
  }

  public int hashCalls() {
    return hashCalls.get();
  }

  public int verifyCalls() {
    return verifyCalls.get();
  }

  private static String encode(int cost, String salt, String password) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((salt + ":" + password).getBytes(StandardCharsets.UTF_8));
      return "fake$" + cost + "$" + salt + "$" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
