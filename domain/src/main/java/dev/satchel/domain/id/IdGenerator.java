package dev.satchel.domain.id;

import java.util.UUID;

/** Out-port: new unique ids, time-ordered so that indexes stay compact. */
public interface IdGenerator {
  UUID newId();
}
