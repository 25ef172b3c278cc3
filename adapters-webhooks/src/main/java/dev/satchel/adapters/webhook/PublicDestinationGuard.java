package dev.satchel.adapters.webhook;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.webhook.DestinationGuard;
import dev.satchel.domain.webhook.WebhookUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a webhook's host and refuses it unless every address it resolves to is public (see
 * {@link NonPublicAddresses}); some names are refused before any lookup. With {@code allowPrivate}
 * (tests, or a receiver on the operator's own network) loopback and private addresses pass, but
 * cloud metadata names and link-local or metadata addresses are still refused. Used at registration and, through {@link #resolve}, before every delivery, which then
 * connects to the address returned here and nowhere else (no second lookup to rebind).
 */
public final class PublicDestinationGuard implements DestinationGuard {
  /** Looks a host up; the JDK resolver in production, a table in tests. */
  @FunctionalInterface
  public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private static final Set<String> METADATA_NAMES =
      Set.of("metadata.google.internal", "metadata.goog", "metadata", "instance-data");

  private final boolean allowPrivate;
  private final HostResolver resolver;

  public PublicDestinationGuard(boolean allowPrivate, HostResolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  /** The JDK resolver (the system's, through {@code getaddrinfo}). */
  public static PublicDestinationGuard usingSystemResolver(boolean allowPrivate) {
    return new PublicDestinationGuard(allowPrivate, InetAddress::getAllByName);
  }

  @Override
  public void checkRegistrable(WebhookUrl url) {
    resolve(url);
  }

  /**
   * The address to connect to: the first one the host resolves to, after checking all of them
   * (a name with one private address among public ones is refused: the client could pick it).
   *
   * @throws InvalidInput on field {@code url}: refused name, unresolvable host, refused address
   */
  public InetAddress resolve(WebhookUrl url) {
    String host = url.host().toLowerCase(Locale.ROOT);
    if (METADATA_NAMES.contains(host)) {
      throw refused("url host " + host + " is a cloud metadata service.");
    }
    if (!allowPrivate && (host.equals("localhost") || host.endsWith(".localhost"))) {
      throw refused("url host is loopback (RFC 6761 localhost).");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw refused("url host does not resolve.");
    }
    if (addresses.length == 0) {
      throw refused("url host does not resolve.");
    }
    for (InetAddress address : addresses) {
      Optional<String> why = allowPrivate
          ? NonPublicAddresses.metadataRefusal(address)
          : NonPublicAddresses.refusal(address);
      if (why.isPresent()) {
        throw refused("url resolves to a non-public address: " + why.get() + ".");
      }
    }
    return addresses[0];
  }

  private static InvalidInput refused(String reason) {
    return new InvalidInput("url", reason);
  }
}
