package dev.satchel.adapters.persistence.share;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the share_links table; holds the token's hash, never the token. */
@Entity
@Table(name = "share_links")
public class ShareLinkEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "file_id", nullable = false)
  public UUID fileId;

  @Column(name = "owner_id", nullable = false)
  public UUID ownerId;

  @Column(name = "token_hash", nullable = false, columnDefinition = "bpchar(64)")
  public String tokenHash;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "max_downloads")
  public Integer maxDownloads;

  @Column(name = "download_count", nullable = false)
  public int downloadCount;

  @Column(name = "password_hash")
  public String passwordHash;

  @Column(name = "revoked_at")
  public Instant revokedAt;
}
