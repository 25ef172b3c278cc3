package dev.satchel.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientNetworkTest {
  private static final List<String> GARBAGE = List.of(
      "example.com", "localhost", "localhost:8080", "mail.example.com:25", "g::1", "999.1.1.1",
      "1.2.3.4.5", "1.2.3", "1.2.3.4:80", "not an address", "::::::::::", "2001:db8::zz", "%00",
      "fe80::1%no-such-interface-xyz", "\uD83D\uDE42", "[example.com]", "a".repeat(300));

  @Test
  void ipv4AddressIsKeptWhole() {
    assertThat(ClientNetwork.of("203.0.113.7")).isEqualTo("v4:203.0.113.7");
    assertThat(ClientNetwork.of(" 203.0.113.7 ")).isEqualTo("v4:203.0.113.7");
  }

  @Test
  void neighbouringIpv4AddressesAreDifferentNetworks() {
    assertThat(ClientNetwork.of("203.0.113.7")).isNotEqualTo(ClientNetwork.of("203.0.113.8"));
  }

  @Test
  void ipv6AddressesInOneSlash64ShareAKey() {
    String key = ClientNetwork.of("2001:db8:1:2::1");

    assertThat(key).isEqualTo("v6:20010db800010002/64");
    assertThat(ClientNetwork.of("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo(key);
    assertThat(ClientNetwork.of("2001:DB8:1:2:0:0:0:7")).isEqualTo(key);
    assertThat(ClientNetwork.of("[2001:db8:1:2::99]")).isEqualTo(key);
  }

  @Test
  void ipv6AddressesInDifferentSlash64sDiffer() {
    assertThat(ClientNetwork.of("2001:db8:1:2::1")).isNotEqualTo(ClientNetwork.of("2001:db8:1:3::1"));
  }

  @Test
  void ipv4MappedIpv6AddressIsItsIpv4Address() {
    assertThat(ClientNetwork.of("::ffff:203.0.113.7")).isEqualTo("v4:203.0.113.7");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void missingAddressIsUnknown(String address) {
    assertThat(ClientNetwork.of(address)).isEqualTo("unknown");
  }

  @Test
  void garbageIsKeptVerbatimUnderOther() {
    assertThat(GARBAGE).allSatisfy(garbage -> assertThat(ClientNetwork.of(garbage)).startsWith("other:"));
    assertThat(ClientNetwork.of("example.com")).isEqualTo("other:example.com");
  }

  @Test
  void garbageNeverTriggersADnsLookup() {
    assertResolverIsRecording();
    RecordingResolverProvider.clear();

    GARBAGE.forEach(ClientNetwork::of);

    assertThat(RecordingResolverProvider.lookups()).isEmpty();
  }

  @Test
  void realAddressesNeverTriggerADnsLookup() {
    assertResolverIsRecording();
    RecordingResolverProvider.clear();

    List.of("203.0.113.7", "2001:db8::1", "[::1]", "::ffff:10.0.0.1").forEach(ClientNetwork::of);

    assertThat(RecordingResolverProvider.lookups()).isEmpty();
  }

  // Without this, a recorder that was never installed would let the tests above pass vacuously.
  private static void assertResolverIsRecording() {
    String probe = "probe-" + UUID.randomUUID() + ".invalid"; // fresh, so no cached answer skips the resolver
    RecordingResolverProvider.clear();
    try {
      InetAddress.getByName(probe);
    } catch (UnknownHostException expected) {
      // the recorder refuses .invalid names
    }
    assertThat(RecordingResolverProvider.lookups()).contains(probe);
  }
}
