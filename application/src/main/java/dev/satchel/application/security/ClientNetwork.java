package dev.satchel.application.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The part of a client address that identifies one attacker: the full IPv4 address, or the /64
 * prefix of an IPv6 address (one subscriber usually owns a whole /64).
 */
public final class ClientNetwork {
  private ClientNetwork() {}

  /** A stable key for the client's network; unparsable input is kept verbatim. */
  public static String of(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    String literal = address.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (!literal.matches("[0-9a-fA-F:.%a-zA-Z]+") || !(literal.contains(":") || literal.matches("[0-9.]+"))) {
      return "other:" + literal;
    }
    try {
      // A literal never triggers a DNS lookup.
      byte[] bytes = InetAddress.getByName(literal).getAddress();
      if (bytes.length == 16) {
        byte[] prefix = Arrays.copyOf(bytes, 8);
        return "v6:" + java.util.HexFormat.of().formatHex(prefix) + "/64";
      }
      return "v4:" + InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return "other:" + literal;
    }
  }
}
