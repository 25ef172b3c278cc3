package dev.satchel.domain.testing;

import dev.satchel.domain.share.ShareGrant;
import dev.satchel.domain.share.ShareGrants;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Grants sealed as random handles into a map: only what this instance sealed opens again. */
public final class InMemoryShareGrants implements ShareGrants {
  private final Map<String, ShareGrant> sealed = new ConcurrentHashMap<>();

  @Override
  public String seal(ShareGrant grant) {
    String handle = UUID.randomUUID().toString();
    sealed.put(handle, grant);
    return handle;
  }

  @Override
  public Optional<ShareGrant> open(String handle) {
    return handle == null ? Optional.empty() : Optional.ofNullable(sealed.get(handle));
  }
}
