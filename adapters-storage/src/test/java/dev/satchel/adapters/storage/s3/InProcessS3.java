package dev.satchel.adapters.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 API for storage tests: S3Proxy in-process over an in-memory blob store, and a client for it. */
final class InProcessS3 implements AutoCloseable {
  private final BlobStoreContext blobStoreContext;
  private final S3Proxy s3Proxy;
  final S3Client client;

  private InProcessS3(BlobStoreContext blobStoreContext, S3Proxy s3Proxy, S3Client client) {
    this.blobStoreContext = blobStoreContext;
    this.s3Proxy = s3Proxy;
    this.client = client;
  }

  static InProcessS3 start() throws Exception {
    BlobStoreContext context = ContextBuilder.newBuilder("transient")
        .credentials("identity", "credential")
        .overrides(new Properties())
        .build(BlobStoreContext.class);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access", "secret")
        .build();
    proxy.start();
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> AbstractLifeCycle.STARTED.equals(proxy.getState()));
    return new InProcessS3(context, proxy, client(URI.create("http://127.0.0.1:" + proxy.getPort())));
  }

  // S3Proxy rejects the checksums the SDK adds by default; real S3 accepts them.
  static S3Client client(URI endpoint) {
    return client(endpoint, java.util.List.of());
  }

  static S3Client client(URI endpoint, java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors) {
    return S3Client.builder()
        .overrideConfiguration(o -> o.executionInterceptors(interceptors))
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.US_EAST_1)
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  @Override
  public void close() throws Exception {
    try {
      client.close();
      s3Proxy.stop();
    } finally {
      blobStoreContext.close();
    }
  }
}
