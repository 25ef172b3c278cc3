package dev.satchel.adapters.rest.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.satchel.domain.event.Event;

/**
 * The wire form of an event (API.md, "Events"): {@code {"id", "type", "occurred_at", "data"}} in
 * that order, {@code occurred_at} in RFC 3339 (UTC), {@code data} the event's flat map in its own
 * order. One line, so it fits one SSE {@code data:} field.
 */
public final class EventJson {
  private final ObjectMapper mapper;

  public EventJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The event as compact JSON text. */
  public String write(Event event) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", event.id().toString());
    node.put("type", event.type().wireName());
    node.put("occurred_at", event.occurredAt().toString());
    ObjectNode data = node.putObject("data");
    event.data().forEach((key, value) -> {
      switch (value) {
        case String s -> data.put(key, s);
        case Long l -> data.put(key, l);
        case Boolean b -> data.put(key, b);
        default -> throw new IllegalArgumentException("unexpected event value for " + key);
      }
    });
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event tree always serializes", e);
    }
  }
}
