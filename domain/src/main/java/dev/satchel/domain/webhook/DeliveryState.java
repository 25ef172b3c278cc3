package dev.satchel.domain.webhook;

/** Where a delivery stands after an attempt. */
public enum DeliveryState {
  /** The receiver answered 2xx; no more attempts. */
  DELIVERED,
  /** The attempt failed; another one is scheduled. */
  RETRYING,
  /** The attempt failed and the retry window is over; no more attempts. */
  FAILED
}
