package dev.satchel.application.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Installed for this module's tests through {@code META-INF/services}: records every host name the
 * JVM tries to resolve, answers {@code *.invalid} names at once, and passes the rest on.
 */
public final class RecordingResolverProvider extends InetAddressResolverProvider {
  private static final List<String> LOOKUPS = Collections.synchronizedList(new ArrayList<>());

  public static List<String> lookups() {
    return List.copyOf(LOOKUPS);
  }

  public static void clear() {
    LOOKUPS.clear();
  }

  @Override
  public InetAddressResolver get(Configuration configuration) {
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
        LOOKUPS.add(host);
        if (host.endsWith(".invalid")) {
          throw new UnknownHostException(host);
        }
        return builtin.lookupByName(host, policy);
      }

      @Override
      public String lookupByAddress(byte[] address) throws UnknownHostException {
        return builtin.lookupByAddress(address);
      }
    };
  }

  @Override
  public String name() {
    return "recording";
  }
}
