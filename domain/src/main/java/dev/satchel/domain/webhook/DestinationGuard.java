package dev.satchel.domain.webhook;

/**
 * Out-port: decides whether a webhook URL may be registered, by resolving its host and refusing
 * loopback, private, link-local, metadata and other non-public destinations (SSRF).
 */
public interface DestinationGuard {
  /**
   * @throws dev.satchel.domain.error.InvalidInput on field {@code url} when the host does not
   *     resolve or resolves to a refused address
   */
  void checkRegistrable(WebhookUrl url);
}
