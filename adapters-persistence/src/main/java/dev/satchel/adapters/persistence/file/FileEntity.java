package dev.satchel.adapters.persistence.file;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the files table: live while {@code deletedAt} is null, a tombstone after. */
@Entity
@Table(name = "files")
public class FileEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "owner_id", nullable = false)
  public UUID ownerId;

  @Column(nullable = false)
  public String filename;

  @Column(name = "filename_lower", nullable = false)
  public String filenameLower;

  @Column(nullable = false)
  public String extension;

  @Column(name = "size_bytes", nullable = false)
  public long sizeBytes;

  @Column(name = "content_type", nullable = false)
  public String contentType;

  @Column(name = "checksum_sha256", nullable = false, columnDefinition = "bpchar(64)")
  public String checksumSha256;

  @Column(name = "storage_key", nullable = false)
  public String storageKey;

  @Column(nullable = false)
  public boolean encrypted;

  @Column(name = "uploaded_at", nullable = false)
  public Instant uploadedAt;

  @Column(name = "deleted_at")
  public Instant deletedAt;
}
