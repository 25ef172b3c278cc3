package dev.satchel.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.webhook.WebhookUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SSRF: the table of destinations a webhook may never have, in every notation that reaches them. */
class PublicDestinationGuardTest {
  // Names a test may use without the network: anything else is unknown.
  private static final Map<String, String[]> DNS = Map.of(
      "hooks.example.com", new String[] {"93.184.215.14"},
      "v6.example.com", new String[] {"2606:4700:4700::1111"},
      "mixed.example.com", new String[] {"93.184.215.14", "10.1.2.3"},
      "rebind.example.com", new String[] {"127.0.0.1"},
      "metadata.example.com", new String[] {"169.254.169.254"},
      "mapped.example.com", new String[] {"::ffff:192.168.0.1"});

  private final PublicDestinationGuard guard = new PublicDestinationGuard(false, PublicDestinationGuardTest::lookUp);

  @ParameterizedTest
  @ValueSource(strings = {
      // loopback, in the notations C resolvers accept
      "http://127.0.0.1/", "http://127.0.0.1:8080/hook", "http://127.255.255.254/", "http://127.1/",
      "http://2130706433/", "http://0x7f.1/", "http://0x7f000001/", "http://0177.0.0.1/", "http://017700000001/",
      "http://0x7f.0x0.0x0.0x1/", "http://127.000.000.001/", "http://localhost/", "http://LOCALHOST:9000/",
      "http://foo.localhost/", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/",
      // IPv6 forms carrying IPv4 loopback, private or metadata addresses
      "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:ffff:127.0.0.1]/",
      "http://[::127.0.0.1]/", "http://[64:ff9b::127.0.0.1]/", "http://[2002:7f00:1::]/",
      "http://[::ffff:169.254.169.254]/", "http://[::ffff:a9fe:a9fe]/", "http://[::ffff:10.0.0.1]/",
      // unspecified
      "http://0.0.0.0/", "http://0/", "http://[::]/",
      // private, CGNAT, link-local, multicast, broadcast, reserved
      "http://10.0.0.1/", "http://10.255.255.255/", "http://172.16.0.1/", "http://172.31.255.255/",
      "http://192.168.1.1/", "http://100.64.0.1/", "http://100.127.255.255/", "http://169.254.1.1/",
      "http://224.0.0.1/", "http://239.255.255.250/", "http://255.255.255.255/", "http://240.0.0.1/",
      "http://198.18.0.1/", "http://192.0.0.8/",
      "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://[ff02::1]/", "http://[fec0::1]/",
      // cloud metadata
      "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/",
      "http://metadata.google.internal/computeMetadata/v1/", "http://METADATA.GOOGLE.INTERNAL/",
      "http://100.100.100.200/latest/meta-data/",
      // names that resolve to refused addresses (one bad address among good ones is enough)
      "http://rebind.example.com/", "http://metadata.example.com/", "http://mixed.example.com/",
      "http://mapped.example.com/", "http://does-not-resolve.example.com/",
      // not http(s), user info, fragments, junk
      "ftp://example.com/", "file:///etc/passwd", "gopher://example.com:70/", "javascript:alert(1)",
      "http://user:pass@hooks.example.com/", "http://hooks.example.com@127.0.0.1/", "http://@hooks.example.com/",
      "http://hooks.example.com/#x", "http:///nohost", "http://hooks.example.com:0/", "http://hooks.example.com:65536/",
      "http://hooks.example.com./", "http://hooks_example.com/", "http://hooks.example.com /", "http://héllo.example/",
      "//hooks.example.com/", "hooks.example.com", ""})
  void refused(String url) {
    assertThatThrownBy(() -> guard.checkRegistrable(WebhookUrl.parse(url)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("url"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://hooks.example.com/satchel?x=1", "http://HOOKS.example.com:8443/",
      "http://93.184.215.14/hook", "https://[2606:4700:4700::1111]/", "https://v6.example.com/",
      "https://1.1.1.1/", "http://100.128.0.1/", "http://172.32.0.1/", "http://8.8.8.8/"})
  void publicDestinationsAreAccepted(String url) {
    assertThatCode(() -> guard.checkRegistrable(WebhookUrl.parse(url))).doesNotThrowAnyException();
  }

  @Test
  void theAllowanceLetsPrivateAddressesThroughButNeverMetadataNames() throws Exception {
    var allowing = new PublicDestinationGuard(true, PublicDestinationGuardTest::lookUp);
    assertThat(allowing.resolve(WebhookUrl.parse("http://127.0.0.1:9/"))).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(allowing.resolve(WebhookUrl.parse("http://rebind.example.com/")).isLoopbackAddress()).isTrue();
    assertThatThrownBy(() -> allowing.resolve(WebhookUrl.parse("http://metadata.google.internal/")))
        .isInstanceOf(InvalidInput.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://169.254.1.1/",
      "http://[fd00:ec2::254]/", "http://[::ffff:169.254.169.254]/", "http://[::ffff:a9fe:a9fe]/",
      "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::1]/", "http://[fe80::1]/",
      "http://100.100.100.200/latest/meta-data/"})
  void theAllowanceNeverLetsMetadataOrLinkLocalAddressesThrough(String url) {
    var allowing = new PublicDestinationGuard(true, PublicDestinationGuardTest::lookUp);
    assertThatThrownBy(() -> allowing.resolve(WebhookUrl.parse(url)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("url"));
  }

  @Test
  void theAddressToConnectToIsTheOneChecked() throws Exception {
    assertThat(guard.resolve(WebhookUrl.parse("https://hooks.example.com/")))
        .isEqualTo(InetAddress.getByName("93.184.215.14"));
  }

  private static InetAddress[] lookUp(String host) throws UnknownHostException {
    if (host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return InetAddress.getAllByName(host); // a literal: parsed, never looked up
    }
    String[] literals = DNS.get(host);
    if (literals == null) {
      throw new UnknownHostException(host);
    }
    InetAddress[] addresses = new InetAddress[literals.length];
    for (int i = 0; i < literals.length; i++) {
      addresses[i] = InetAddress.getByName(literals[i]);
    }
    return addresses;
  }
}
