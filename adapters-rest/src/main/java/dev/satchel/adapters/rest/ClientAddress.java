package dev.satchel.adapters.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's IP address as Vert.x sees it: the socket peer, or the forwarded address when
 * proxy address forwarding is enabled for trusted proxies.
 */
public final class ClientAddress {
  private ClientAddress() {}

  public static String of(HttpServerRequest request) {
    SocketAddress remote = request == null ? null : request.remoteAddress();
    return remote == null ? "unknown" : remote.hostAddress();
  }
}
