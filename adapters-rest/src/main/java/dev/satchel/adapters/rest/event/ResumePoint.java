package dev.satchel.adapters.rest.event;

import dev.satchel.domain.event.EventId;
import java.util.Optional;

/**
 * Reads the event a reconnecting stream resumes after, the same way for {@code GET /events}
 * ({@code Last-Event-ID}, WHATWG HTML "Server-sent events") and {@code GET /events/ws}: absent or
 * empty means none (an EventSource sends an empty value before it has seen an id), surrounding
 * whitespace is ignored, anything else must be an event id.
 */
final class ResumePoint {
  private ResumePoint() {}

  /**
   * @return the event to resume after, or empty for none
   * @throws IllegalArgumentException when the text is present, non-empty and not an event id
   */
  static Optional<EventId> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(EventId.parse(text.strip()));
  }
}
