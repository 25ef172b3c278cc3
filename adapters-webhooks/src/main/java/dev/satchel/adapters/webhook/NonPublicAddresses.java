package dev.satchel.adapters.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges a webhook may never reach: everything that is not the public internet
 * (IANA special-purpose registries, RFC 6890 with RFC 8190 updates), cloud metadata endpoints, and
 * IPv6 forms that carry such an IPv4 address inside (mapped, compatible, NAT64 RFC 6052, 6to4
 * RFC 3056).
 */
final class NonPublicAddresses {
  private record Range(byte[] prefix, int bits, String why) {
    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int whole = bits / 8;
      if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
        return false;
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[whole] & mask) == (prefix[whole] & mask);
    }
  }

  private static final List<Range> IPV4 = List.of(
      range("0.0.0.0", 8, "unspecified (this network)"),
      range("10.0.0.0", 8, "private (RFC 1918)"),
      range("100.64.0.0", 10, "shared address space (CGNAT, RFC 6598)"),
      range("127.0.0.0", 8, "loopback"),
      range("169.254.0.0", 16, "link-local (and cloud metadata 169.254.169.254)"),
      range("172.16.0.0", 12, "private (RFC 1918)"),
      range("192.0.0.0", 24, "IETF protocol assignments"),
      range("192.0.2.0", 24, "documentation"),
      range("192.88.99.0", 24, "6to4 relay anycast"),
      range("192.168.0.0", 16, "private (RFC 1918)"),
      range("198.18.0.0", 15, "benchmarking"),
      range("198.51.100.0", 24, "documentation"),
      range("203.0.113.0", 24, "documentation"),
      range("224.0.0.0", 4, "multicast"),
      range("240.0.0.0", 4, "reserved and broadcast"));

  private static final List<Range> IPV6 = List.of(
      range("::", 128, "unspecified"),
      range("::1", 128, "loopback"),
      range("100::", 64, "discard-only"),
      range("2001::", 32, "Teredo tunnel"),
      range("2001:db8::", 32, "documentation"),
      range("fc00::", 7, "unique local (and cloud metadata fd00:ec2::254)"),
      range("fe80::", 10, "link-local"),
      range("fec0::", 10, "site-local"),
      range("ff00::", 8, "multicast"));

  // Refused even when private receivers are allowed: cloud instance metadata lives on link-local
  // addresses (AWS, GCP, Azure, OpenStack: 169.254.169.254; AWS IPv6: fd00:ec2::254) and, on
  // Alibaba Cloud, at 100.100.100.200.
  private static final List<Range> METADATA_IPV4 = List.of(
      range("169.254.0.0", 16, "link-local (cloud metadata 169.254.169.254)"),
      range("100.100.100.200", 32, "cloud metadata (Alibaba)"));
  private static final List<Range> METADATA_IPV6 = List.of(
      range("fd00:ec2::254", 128, "cloud metadata (AWS IPv6)"),
      range("fe80::", 10, "link-local"));

  private static final Range MAPPED = range("::ffff:0:0", 96, "IPv4-mapped");
  private static final Range COMPATIBLE = range("::", 96, "IPv4-compatible");
  private static final Range NAT64 = range("64:ff9b::", 96, "NAT64");
  private static final Range NAT64_LOCAL = range("64:ff9b:1::", 48, "local-use NAT64 (RFC 8215)");
  private static final Range SIX_TO_FOUR = range("2002::", 16, "6to4");

  private NonPublicAddresses() {}

  /** Why the address is refused; empty when it is a public unicast address. */
  static Optional<String> refusal(InetAddress address) {
    return refusal(address, IPV4, IPV6);
  }

  /**
   * Why the address is refused even where private receivers are allowed: it is link-local or a
   * cloud metadata endpoint, directly or inside an IPv6 form; empty otherwise.
   */
  static Optional<String> metadataRefusal(InetAddress address) {
    return refusal(address, METADATA_IPV4, METADATA_IPV6);
  }

  private static Optional<String> refusal(InetAddress address, List<Range> ipv4, List<Range> ipv6) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return match(ipv4, bytes);
    }
    Optional<String> own = match(ipv6, bytes);
    if (own.isPresent()) {
      return own;
    }
    if (ipv4 == IPV4 && NAT64_LOCAL.contains(bytes)) {
      return Optional.of(NAT64_LOCAL.why());
    }
    for (Range carrier : List.of(MAPPED, COMPATIBLE, NAT64)) {
      if (carrier.contains(bytes)) {
        return embedded(carrier, ipv4, Arrays.copyOfRange(bytes, 12, 16));
      }
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return embedded(SIX_TO_FOUR, ipv4, Arrays.copyOfRange(bytes, 2, 6));
    }
    return Optional.empty();
  }

  private static Optional<String> embedded(Range carrier, List<Range> ipv4Ranges, byte[] ipv4) {
    return match(ipv4Ranges, ipv4).map(why -> carrier.why() + " form of " + why);
  }

  private static Optional<String> match(List<Range> ranges, byte[] bytes) {
    return ranges.stream().filter(r -> r.contains(bytes)).map(Range::why).findFirst();
  }

  private static Range range(String literal, int bits, String why) {
    try {
      // Literals only: getByName parses them without any lookup.
      return new Range(InetAddress.getByName(literal).getAddress(), bits, why);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
