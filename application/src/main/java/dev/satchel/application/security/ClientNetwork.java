package dev.satchel.application.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a client address that identifies one attacker: the full IPv4 address, or the /64
 * prefix of an IPv6 address (one subscriber usually owns a whole /64).
 */
public final class ClientNetwork {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  // InetAddress.getByName resolves through DNS whatever does not start like a literal (a hex digit
  // or a colon); a string that does and contains a colon is parsed as IPv6 or rejected, never resolved.
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*(%[0-9a-zA-Z._-]+)?");

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
    Matcher v4 = IPV4.matcher(literal);
    if (v4.matches()) {
      return ipv4(v4, literal);
    }
    if (literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches()) {
      return ipv6(literal);
    }
    return "other:" + literal;
  }

  private static String ipv4(Matcher octets, String literal) {
    StringJoiner dotted = new StringJoiner(".", "v4:", "");
    for (int group = 1; group <= 4; group++) {
      int octet = Integer.parseInt(octets.group(group));
      if (octet > 255) {
        return "other:" + literal;
      }
      dotted.add(Integer.toString(octet));
    }
    return dotted.toString();
  }

  private static String ipv6(String literal) {
    try {
      InetAddress address = InetAddress.getByName(literal);
      byte[] bytes = address.getAddress();
      if (bytes.length == 16) {
        return "v6:" + HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "/64";
      }
      return "v4:" + address.getHostAddress(); // an IPv4-mapped address
    } catch (UnknownHostException e) {
      return "other:" + literal;
    }
  }
}
