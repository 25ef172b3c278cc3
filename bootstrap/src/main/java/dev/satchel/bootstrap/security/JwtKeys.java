package dev.satchel.bootstrap.security;

import dev.satchel.bootstrap.config.SatchelConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Resolves the HS256 key that signs and verifies access tokens, at run time: {@code SECRET_KEY}
 * when set; otherwise, for single-node local storage, a random key generated once and kept beside
 * the data with owner-only permissions; with S3 storage (several replicas) it refuses to guess.
 */
public final class JwtKeys {
  private static final Logger LOG = Logger.getLogger(JwtKeys.class);
  static final int MIN_SECRET_BYTES = 32;

  private JwtKeys() {}

  public static SecretKey resolve(SatchelConfig config, SecureRandom random) {
    var secret = config.jwt().secret().filter(s -> !s.isBlank());
    if (secret.isPresent()) {
      byte[] bytes = secret.get().getBytes(StandardCharsets.UTF_8);
      if (bytes.length < MIN_SECRET_BYTES) {
        throw new ConfigurationException("SECRET_KEY must be at least " + MIN_SECRET_BYTES + " bytes long.");
      }
      return new SecretKeySpec(bytes, "HmacSHA256");
    }
    if (config.storage().type() != SatchelConfig.StorageType.LOCAL) {
      throw new ConfigurationException("SECRET_KEY is not set. With S3 storage Satchel expects several replicas,"
          + " which must share one signing key: set SECRET_KEY (at least 32 random bytes).");
    }
    Path file = config.jwt().generatedSecretFile()
        .orElseGet(() -> config.storage().local().path().toAbsolutePath().normalize().getParent().resolve("jwt-secret.key"));
    return new SecretKeySpec(loadOrCreate(file, random), "HmacSHA256");
  }

  private static byte[] loadOrCreate(Path file, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[64];
        random.nextBytes(key);
        Files.createDirectories(file.getParent());
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.TRUNCATE_EXISTING);
          LOG.warnf("SECRET_KEY is not set: generated a signing key in %s. It is reused on restart; several"
              + " replicas need one shared SECRET_KEY instead.", file);
          return key;
        } catch (FileAlreadyExistsException anotherProcessWon) {
          // fall through and read the key the other process wrote
        }
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
      if (key.length < MIN_SECRET_BYTES) {
        throw new ConfigurationException("The signing key in " + file + " is too short.");
      }
      LOG.infof("SECRET_KEY is not set: using the generated signing key in %s (single replica only).", file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the token signing key " + file, e);
    }
  }
}
