package dev.satchel.bootstrap.wiring;

import dev.satchel.adapters.rest.file.UploadGate;
import dev.satchel.adapters.rest.file.UploadPacing;
import dev.satchel.bootstrap.config.SatchelConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Builds the gate every upload passes, from {@code satchel.upload.*}, with its metrics:
 * {@code satchel_uploads_in_flight}, {@code satchel_uploads_rejected_total{scope}} and
 * {@code satchel_uploads_timed_out_total}.
 */
public class UploadGateProducers {
  /** A refused upload may try again this soon: slots free up as fast as uploads finish. */
  private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

  @Produces
  @Singleton
  UploadGate uploadGate(SatchelConfig config, MeterRegistry metrics, CurrentVertxRequest current) {
    SatchelConfig.Upload upload = config.upload();
    UploadPacing pacing = new UploadPacing(upload.readTimeout(), upload.minRate().asLongValue(), upload.rateWindow(),
        upload.maxConcurrentPerUser(), upload.maxConcurrent(), RETRY_AFTER);
    UploadGate gate = new UploadGate(pacing, new UploadGate.Events() {
      @Override
      public void rejected(String scope) {
        metrics.counter("satchel.uploads.rejected", "scope", scope).increment();
      }

      @Override
      public void timedOut() {
        metrics.counter("satchel.uploads.timed.out").increment();
      }
    }, () -> closeAfterAnswer(current.getCurrent()));
    metrics.gauge("satchel.uploads.in.flight", gate, UploadGate::inFlight);
    return gate;
  }

  // Vert.x keeps an HTTP/1.1 connection open whatever the answer's Connection header says. On
  // HTTP/2 only the stream ends, as it must: other requests share the connection.
  private static void closeAfterAnswer(RoutingContext routing) {
    if (routing == null || routing.request().version() == HttpVersion.HTTP_2) {
      return;
    }
    HttpConnection connection = routing.request().connection();
    routing.addEndHandler(ended -> connection.close());
  }

  void close(@Disposes UploadGate gate) {
    gate.close();
  }
}
