package dev.satchel.adapters.storage.s3;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;

/**
 * Makes the SDK sign the headers but not the body of an upload sent over plain {@code http://}, as
 * it already does over {@code https://} and as {@code aws s3 cp} does.
 *
 * <p>Why: over http the SDK v2 always hashes the payload into the signature (SigV4 with
 * {@code aws-chunked} streaming signatures, whatever {@code PAYLOAD_SIGNING_ENABLED} says), and
 * an S3-compatible server such as S3Proxy or MinIO then re-hashes every byte to verify it: S3Proxy
 * spent 2.3-2.7 s of CPU per 64 MiB doing so, and uploads ran at its pace. The signer only looks at
 * the scheme to decide this; the scheme is not part of what SigV4 signs, so the request is signed
 * as if it were https and sent unchanged. Default ports are left alone: there the signed
 * {@code Host} header would name a port the HTTP client does not send.
 *
 * <p>What is given up: an on-path attacker of a plain-http endpoint could alter a body undetected
 * (it can already read every byte there). Endpoints that need that protection use https.
 */
final class UnsignedPayloadOverHttp {
  private static final SdkPlugin PLUGIN = config ->
      ((S3ServiceClientConfiguration.Builder) config).putAuthScheme(new Scheme());

  private UnsignedPayloadOverHttp() {}

  /** Applies to one request that carries a body (PutObject, UploadPart). */
  static void apply(AwsRequestOverrideConfiguration.Builder override) {
    override.addPlugin(PLUGIN);
  }

  /** SigV4 as the SDK defines it, with the signer below. */
  private static final class Scheme implements AuthScheme<AwsCredentialsIdentity> {
    private static final HttpSigner<AwsCredentialsIdentity> SIGNER = new Signer(AwsV4HttpSigner.create());

    @Override
    public String schemeId() {
      return AwsV4AuthScheme.SCHEME_ID;
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
      return providers.identityProvider(AwsCredentialsIdentity.class);
    }

    @Override
    public HttpSigner<AwsCredentialsIdentity> signer() {
      return SIGNER;
    }
  }

  private record Signer(AwsV4HttpSigner delegate) implements HttpSigner<AwsCredentialsIdentity> {
    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
      SdkHttpRequest http = request.request();
      if (!applies(http)) {
        return delegate.sign(request);
      }
      SignedRequest signed = delegate.sign(request.copy(r -> r
          .request(http.toBuilder().protocol("https").build())
          .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)));
      return signed.copy(r -> r.request(signed.request().toBuilder().protocol(http.protocol()).build()));
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(
        AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
      return delegate.signAsync(request); // Satchel runs the sync client only
    }

    private static boolean applies(SdkHttpRequest http) {
      return "http".equals(http.protocol()) && http.port() != 80 && http.port() != 443;
    }
  }
}
