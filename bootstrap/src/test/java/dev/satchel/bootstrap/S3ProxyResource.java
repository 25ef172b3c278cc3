package dev.satchel.bootstrap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API (S3Proxy over an in-memory jclouds store) started in-process, reached through a
 * {@link TcpProxy} relay that tests can cut to simulate a storage outage.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {
  private static final String ACCESS_KEY = "satchel-test";
  private static final String SECRET_KEY = "satchel-test-secret";

  private BlobStoreContext context;
  private S3Proxy s3Proxy;
  private TcpProxy relay;

  @Override
  public Map<String, String> start() {
    try {
      context = ContextBuilder.newBuilder("transient")
          .credentials("identity", "credential")
          .overrides(new Properties())
          .build(BlobStoreContext.class);
      s3Proxy = S3Proxy.builder()
          .blobStore(context.getBlobStore())
          .endpoint(URI.create("http://127.0.0.1:0"))
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
          .build();
      s3Proxy.start();
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
          .until(() -> AbstractLifeCycle.STARTED.equals(s3Proxy.getState()));
      relay = new TcpProxy("127.0.0.1", s3Proxy.getPort());
    } catch (Exception e) {
      throw new IllegalStateException("cannot start S3Proxy", e);
    }
    return Map.of(
        "satchel.storage.type", "s3",
        "satchel.storage.s3.bucket", "satchel-test",
        "satchel.storage.s3.create-bucket", "true",
        "quarkus.s3.endpoint-override", "http://127.0.0.1:" + relay.port(),
        "quarkus.s3.aws.credentials.type", "static",
        "quarkus.s3.aws.credentials.static-provider.access-key-id", ACCESS_KEY,
        "quarkus.s3.aws.credentials.static-provider.secret-access-key", SECRET_KEY,
        // S3Proxy rejects the SDK's default checksum headers; real S3 keeps the default.
        "quarkus.s3.checksum-validation", "false");
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(relay, new TestInjector.AnnotatedAndMatchesType(StorageRelay.class, TcpProxy.class));
  }

  @Override
  public void stop() {
    try {
      if (relay != null) {
        relay.close();
      }
      if (s3Proxy != null) {
        s3Proxy.stop();
      }
    } catch (Exception e) {
      // the test JVM is finishing
    } finally {
      if (context != null) {
        context.close();
      }
    }
  }
}
