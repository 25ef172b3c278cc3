package dev.satchel.domain.event;

import java.util.Optional;

/** What changed, by the wire names of the events contract (API.md, "Events"). */
public enum EventType {
  FILE_UPLOADED("file.uploaded"),
  FILE_DELETED("file.deleted"),
  SHARE_CREATED("share.created"),
  SHARE_REVOKED("share.revoked"),
  SHARE_DOWNLOADED("share.downloaded"),
  SHARE_EXHAUSTED("share.exhausted");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name clients see in {@code type} and in the SSE {@code event:} field. */
  public String wireName() {
    return wireName;
  }

  /** The type with this wire name; empty for any other text. */
  public static Optional<EventType> fromWireName(String name) {
    for (EventType type : values()) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
