package dev.satchel.adapters.storage.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configured key-encryption keys (KEKs) by id, and which one wraps new data keys. Built from
 * {@code SATCHEL_ENCRYPTION_KEYS} ({@code id:base64-of-32-bytes}, comma-separated) and
 * {@code SATCHEL_ENCRYPTION_ACTIVE_KEY}; every KEK is AES-256-GCM (Tink). Parse errors name the
 * offending entry by position or id, never any key material.
 */
public final class KeyRing {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int KEY_BYTES = 32;

  private final Map<String, Aead> keks;
  private final String activeId;

  private KeyRing(Map<String, Aead> keks, String activeId) {
    this.keks = keks;
    this.activeId = activeId;
  }

  /**
   * Parses the key list and the active id.
   *
   * @throws IllegalArgumentException with a message fit for an operator (no key bytes) when an entry
   *     is not {@code id:base64}, an id repeats or has other characters than {@code [A-Za-z0-9._-]},
   *     a key is not exactly 32 bytes of base64, or the active id is not in the list
   */
  public static KeyRing parse(String keyList, String activeId) {
    if (keyList == null || keyList.isBlank()) {
      throw new IllegalArgumentException("SATCHEL_ENCRYPTION_KEYS is empty");
    }
    Map<String, Aead> keks = new LinkedHashMap<>();
    String[] entries = keyList.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      int colon = entry.indexOf(':');
      String where = "SATCHEL_ENCRYPTION_KEYS entry " + (i + 1);
      if (colon < 0) {
        throw new IllegalArgumentException(where + " is not of the form key-id:base64-of-32-bytes");
      }
      String id = entry.substring(0, colon);
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(where + " has an id that is not 1-64 of [A-Za-z0-9._-]");
      }
      if (keks.containsKey(id)) {
        throw new IllegalArgumentException(where + ": key id " + id + " is listed twice");
      }
      keks.put(id, kek(decode(entry.substring(colon + 1), where + " (key id " + id + ")")));
    }
    if (activeId == null || activeId.isBlank()) {
      throw new IllegalArgumentException("SATCHEL_ENCRYPTION_ACTIVE_KEY is not set");
    }
    if (!keks.containsKey(activeId.strip())) {
      throw new IllegalArgumentException("SATCHEL_ENCRYPTION_ACTIVE_KEY names a key id that is not in SATCHEL_ENCRYPTION_KEYS");
    }
    return new KeyRing(Collections.unmodifiableMap(keks), activeId.strip());
  }

  /**
   * A ring with no keys, for a deployment that turned encryption off after using it: new blobs are
   * stored as they are, and blobs encrypted earlier answer {@code encryption-key-unavailable}.
   */
  public static KeyRing none() {
    return new KeyRing(Map.of(), null);
  }

  /** Whether a key is active, that is, whether new blobs are encrypted. */
  public boolean hasActive() {
    return activeId != null;
  }

  /** The id of the KEK that wraps new data keys; null for {@link #none()}. */
  public String activeId() {
    return activeId;
  }

  /** Every configured KEK id, in configuration order. */
  public Set<String> ids() {
    return keks.keySet();
  }

  Aead active() {
    return keks.get(activeId);
  }

  Optional<Aead> kek(String id) {
    return Optional.ofNullable(keks.get(id));
  }

  private static byte[] decode(String base64, String where) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      // The decoder's message may quote the offending character; do not pass it on.
      throw new IllegalArgumentException(where + " is not valid base64");
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(where + " is not 32 bytes (generate one with: head -c 32 /dev/urandom | base64)");
    }
    return bytes;
  }

  private static Aead kek(byte[] raw) {
    try {
      AesGcmParameters parameters = AesGcmParameters.builder()
          .setKeySizeBytes(KEY_BYTES)
          .setIvSizeBytes(12)
          .setTagSizeBytes(16)
          .setVariant(AesGcmParameters.Variant.NO_PREFIX)
          .build();
      AesGcmKey key = AesGcmKey.builder()
          .setParameters(parameters)
          .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
          .build();
      return AesGcmJce.create(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
    }
  }
}
