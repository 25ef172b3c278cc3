package dev.satchel.domain.testing;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.file.FileQuery;
import dev.satchel.domain.file.PageCursor;
import dev.satchel.domain.file.SortField;
import dev.satchel.domain.file.SortOrder;
import dev.satchel.domain.file.TypeFilter;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * File rows in a map, with the semantics of the PostgreSQL search: names compare by code point
 * (as {@code COLLATE "C"} would) and ids as unsigned bytes, the tie-break of every order.
 */
public class InMemoryFileMetadataRepository implements FileMetadataRepository {
  private record Row(FileMetadata file, Optional<Instant> deletedAt) {}

  private final Map<FileId, Row> rows = new LinkedHashMap<>();
  private final Predicate<FileId> hasShareLinks;

  /** A repository whose tombstones no share link ever points to. */
  public InMemoryFileMetadataRepository() {
    this(id -> false);
  }

  /** A repository that asks {@code hasShareLinks} before purging a tombstone (the foreign key). */
  public InMemoryFileMetadataRepository(Predicate<FileId> hasShareLinks) {
    this.hasShareLinks = hasShareLinks;
  }

  @Override
  public synchronized void add(FileMetadata file) {
    boolean keyTaken = rows.values().stream().anyMatch(r -> r.file().storageKey().equals(file.storageKey()));
    if (rows.containsKey(file.id()) || keyTaken) {
      throw new IllegalStateException("duplicate file id or storage key");
    }
    rows.put(file.id(), new Row(file, Optional.empty()));
  }

  @Override
  public synchronized Optional<FileMetadata> findLive(FileId id) {
    return live(id);
  }

  @Override
  public synchronized Optional<FileMetadata> findLiveLocked(FileId id) {
    return live(id); // one process, every method synchronized: nothing can delete it meanwhile
  }

  @Override
  public synchronized boolean isDeleted(FileId id) {
    return Optional.ofNullable(rows.get(id)).filter(r -> r.deletedAt().isPresent()).isPresent();
  }

  @Override
  public synchronized boolean markDeleted(FileId id, UserId owner, Instant deletedAt) {
    Optional<FileMetadata> owned = live(id).filter(f -> f.isOwnedBy(owner));
    owned.ifPresent(f -> rows.put(id, new Row(f, Optional.of(deletedAt))));
    return owned.isPresent();
  }

  @Override
  public synchronized List<FileMetadata> find(FileQuery query) {
    Comparator<FileMetadata> order = ascending(query.sort());
    if (query.order() == SortOrder.DESC) {
      order = order.reversed();
    }
    return rows.values().stream()
        .filter(r -> r.deletedAt().isEmpty())
        .map(Row::file)
        .filter(f -> matches(f, query))
        .filter(f -> query.after().map(cursor -> comesAfter(f, cursor)).orElse(true))
        .sorted(order)
        .limit(query.limit() + 1L)
        .toList();
  }

  @Override
  public synchronized long storedBytes(UserId owner) {
    return rows.values().stream()
        .filter(r -> r.deletedAt().isEmpty() && r.file().isOwnedBy(owner))
        .mapToLong(r -> r.file().size())
        .sum();
  }

  /** The same sum: this fake has no transactions, each call is atomic on its own. */
  @Override
  public synchronized long storedBytesLockingOwner(UserId owner) {
    return storedBytes(owner);
  }

  @Override
  public synchronized Set<StorageKey> referencedBlobs(Collection<StorageKey> keys) {
    Set<StorageKey> wanted = Set.copyOf(keys);
    return rows.values().stream()
        .filter(r -> r.deletedAt().isEmpty() && wanted.contains(r.file().storageKey()))
        .map(r -> r.file().storageKey())
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public synchronized int purgeTombstonesBefore(Instant cutoff) {
    int before = rows.size();
    rows.values().removeIf(r -> r.deletedAt().filter(t -> t.isBefore(cutoff)).isPresent()
        && !hasShareLinks.test(r.file().id()));
    return before - rows.size();
  }

  /** Whether any row, live or tombstone, still has this id. */
  public synchronized boolean exists(FileId id) {
    return rows.containsKey(id);
  }

  // Methods call this, not findLive, so a test may override findLive alone (to count reads).
  private Optional<FileMetadata> live(FileId id) {
    return Optional.ofNullable(rows.get(id)).filter(r -> r.deletedAt().isEmpty()).map(Row::file);
  }

  private static boolean matches(FileMetadata f, FileQuery q) {
    return f.isOwnedBy(q.owner())
        && q.nameContains().map(n -> f.filename().sortKey().contains(n.toLowerCase(Locale.ROOT))).orElse(true)
        && q.type().map(t -> matchesType(f, t)).orElse(true)
        && q.uploadedAfter().map(t -> !f.uploadedAt().isBefore(t)).orElse(true)
        && q.uploadedBefore().map(t -> f.uploadedAt().isBefore(t)).orElse(true)
        && q.minSize().map(s -> f.size() >= s).orElse(true)
        && q.maxSize().map(s -> f.size() <= s).orElse(true);
  }

  private static boolean matchesType(FileMetadata f, TypeFilter type) {
    return switch (type) {
      case TypeFilter.Extension e -> f.filename().extension().equals(e.extension());
      case TypeFilter.Exact e -> f.contentType().equals(e.mediaType());
      case TypeFilter.Family family -> f.contentType().family().equals(family.family());
    };
  }

  private static Comparator<FileMetadata> ascending(SortField sort) {
    Comparator<FileMetadata> byKey = switch (sort) {
      case UPLOAD_DATE -> Comparator.comparing(FileMetadata::uploadedAt);
      case NAME -> Comparator.comparing(f -> f.filename().sortKey(), InMemoryFileMetadataRepository::byCodePoint);
      case SIZE -> Comparator.comparingLong(FileMetadata::size);
    };
    return byKey.thenComparing(f -> f.id().value(), InMemoryFileMetadataRepository::unsigned);
  }

  // The row-value comparison (key, id) > (cursor key, cursor id), or < for descending order.
  private static boolean comesAfter(FileMetadata f, PageCursor cursor) {
    int byKey = switch (cursor.sort()) {
      case UPLOAD_DATE -> f.uploadedAt().compareTo(cursor.lastUploadedAt());
      case NAME -> byCodePoint(f.filename().sortKey(), cursor.lastKey());
      case SIZE -> Long.compare(f.size(), cursor.lastSize());
    };
    int comparison = byKey != 0 ? byKey : unsigned(f.id().value(), cursor.lastId());
    return cursor.order() == SortOrder.ASC ? comparison > 0 : comparison < 0;
  }

  private static int byCodePoint(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  private static int unsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
