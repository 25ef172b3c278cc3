package dev.satchel.domain.webhook;

import dev.satchel.domain.event.Event;

/**
 * Out-port: an event's wire form (API.md, "Events"), the same text the live streams send; a
 * delivery POSTs it as its body and signs exactly these bytes.
 */
@FunctionalInterface
public interface EventFormat {
  String json(Event event);
}
