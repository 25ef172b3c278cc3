package dev.satchel.application.share;

import java.time.Duration;

/** A link opened with its right password: the sealed grant that replaces it for {@code lifetime}. */
public record UnlockedShare(String grant, Duration lifetime) {
  @Override
  public String toString() {
    return "UnlockedShare[grant=***, lifetime=" + lifetime + "]";
  }
}
