package dev.satchel.domain.share;

import java.util.Optional;

/**
 * Out-port: seals {@link ShareGrant}s into opaque strings that only this Satchel deployment can make
 * (a keyed MAC), and opens them again. Sealed grants travel in cookies, so they use URL- and
 * cookie-safe characters only.
 */
public interface ShareGrants {
  /** The sealed form of {@code grant}. */
  String seal(ShareGrant grant);

  /**
   * The grant inside {@code sealed}; empty when it is malformed, tampered with or sealed with
   * another key. Expiry is the caller's to check ({@link ShareGrant#admits}).
   */
  Optional<ShareGrant> open(String sealed);
}
