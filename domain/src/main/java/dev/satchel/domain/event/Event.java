package dev.satchel.domain.event;

import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One change of a user's files or links, as the user is told about it. Invariant: {@code data}
 * keeps its insertion order and holds only non-null {@code String}, {@code Long} and
 * {@code Boolean} values (numbers are widened to {@code Long}), so every adapter can write it
 * as a flat JSON object without guessing.
 */
public record Event(EventId id, UserId owner, EventType type, Instant occurredAt, Map<String, Object> data) {
  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Map<String, Object> copy = new LinkedHashMap<>();
    data.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "data key"), simple(key, value)));
    data = Collections.unmodifiableMap(copy);
  }

  private static Object simple(String key, Object value) {
    return switch (value) {
      case String s -> s;
      case Boolean b -> b;
      case Long l -> l;
      case Integer i -> i.longValue();
      case null -> throw new IllegalArgumentException("data." + key + " is null");
      default -> throw new IllegalArgumentException("data." + key + " is not a string, integer or boolean");
    };
  }
}
