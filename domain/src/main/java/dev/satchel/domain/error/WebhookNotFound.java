package dev.satchel.domain.error;

/** No webhook with this id owned by the caller (another user's webhook is answered the same). */
public final class WebhookNotFound extends SatchelError {
  public WebhookNotFound() {
    super("No such webhook.");
  }

  @Override
  public String code() {
    return "webhook-not-found";
  }
}
