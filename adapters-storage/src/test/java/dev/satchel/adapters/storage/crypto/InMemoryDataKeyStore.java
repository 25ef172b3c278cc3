package dev.satchel.adapters.storage.crypto;

import dev.satchel.domain.storage.StorageKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The data-key store of the storage-level tests: a map with the semantics of the PostgreSQL table
 * (which the end-to-end tests exercise), so these tests need no database.
 */
public final class InMemoryDataKeyStore implements DataKeyStore {
  private final Map<StorageKey, WrappedDataKey> keys = new ConcurrentHashMap<>();

  @Override
  public void save(WrappedDataKey key) {
    keys.put(key.storageKey(), key);
  }

  @Override
  public Optional<WrappedDataKey> find(StorageKey key) {
    return Optional.ofNullable(keys.get(key));
  }

  @Override
  public void delete(StorageKey key) {
    keys.remove(key);
  }

  @Override
  public List<WrappedDataKey> wrappedByOtherThan(String keyId, String after, int limit) {
    return keys.values().stream()
        .filter(k -> !k.keyId().equals(keyId) && k.storageKey().value().compareTo(after) > 0)
        .sorted(java.util.Comparator.comparing(k -> k.storageKey().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public boolean replace(String expectedKeyId, WrappedDataKey rewrapped) {
    WrappedDataKey current = keys.get(rewrapped.storageKey());
    return current != null && current.keyId().equals(expectedKeyId)
        && keys.replace(rewrapped.storageKey(), current, rewrapped);
  }

  @Override
  public boolean any() {
    return !keys.isEmpty();
  }

  @Override
  public Map<String, Long> countByKeyId() {
    return keys.values().stream().collect(Collectors.groupingBy(WrappedDataKey::keyId, Collectors.counting()));
  }
}
