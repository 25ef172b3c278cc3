package dev.satchel.domain.webhook;

import dev.satchel.domain.error.InvalidInput;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The event types a webhook subscribes to; empty means every type, present and future.
 *
 * @param types event type names such as {@code file.uploaded}, sorted, without duplicates
 */
public record EventFilter(SortedSet<String> types) {
  /** Most names a client may list; more than the types that exist, so a valid list always fits. */
  public static final int MAX_TYPES = 32;

  public EventFilter {
    types = new TreeSet<>(Objects.requireNonNull(types, "types"));
  }

  public static EventFilter all() {
    return new EventFilter(new TreeSet<>());
  }

  /**
   * Parses a client's list: each name must be one of {@code known}; an empty list is refused (a
   * webhook that receives nothing is a mistake), and so is a duplicate or an unknown name.
   *
   * @throws InvalidInput on field {@code events}
   */
  public static EventFilter parse(List<String> names, Set<String> known) {
    if (names.isEmpty() || names.size() > MAX_TYPES) {
      throw new InvalidInput("events", "events must list 1 to " + MAX_TYPES + " event types, or be omitted for all.");
    }
    SortedSet<String> types = new TreeSet<>();
    for (String name : names) {
      if (name == null || !known.contains(name)) {
        throw new InvalidInput("events", "events may contain only " + String.join(", ", new TreeSet<>(known)) + ".");
      }
      if (!types.add(name)) {
        throw new InvalidInput("events", "events lists " + name + " twice.");
      }
    }
    return new EventFilter(types);
  }

  public static EventFilter of(Collection<String> types) {
    return new EventFilter(new TreeSet<>(types));
  }

  public boolean matches(String type) {
    return types.isEmpty() || types.contains(type);
  }
}
