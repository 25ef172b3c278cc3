package dev.satchel.adapters.rest.event;

import java.time.Duration;

/**
 * How the event streams behave, from configuration ({@code satchel.events.*}).
 *
 * @param heartbeat how often an idle SSE stream gets a comment line (API.md: at least every 15 s)
 * @param buffer events one consumer may have queued and unwritten before it is dropped
 */
public record EventStreamSettings(Duration heartbeat, int buffer) {}
