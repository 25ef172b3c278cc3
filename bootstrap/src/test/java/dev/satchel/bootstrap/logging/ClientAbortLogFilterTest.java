package dev.satchel.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAbortLogFilterTest {
  private final ClientAbortLogFilter filter = new ClientAbortLogFilter();

  @ParameterizedTest
  @ValueSource(strings = {
      "Connection reset by peer",
      "Broken pipe",
      "sendfile(..) failed with error(-104): Connection reset by peer",
      "writevAddresses(..) failed with error(-32): Broken pipe"})
  void aClientThatWentAwayIsNotAnError(String message) {
    assertThat(filter.isLoggable(record(ClientAbortLogFilter.CONNECTION_LOGGER, new IOException(message)))).isFalse();
  }

  /**
   * What Netty throws for a write to a channel the client already closed: its package-private
   * StacklessClosedChannelException, a ClosedChannelException without a message.
   */
  @Test
  void aWriteToAChannelTheClientClosedIsNotAnError() {
    assertThat(filter.isLoggable(record(ClientAbortLogFilter.CONNECTION_LOGGER, new ClosedChannelException())))
        .isFalse();
    assertThat(filter.isLoggable(record("io.vertx.core.impl.ContextImpl", new ClosedChannelException()))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Connection refused", "Too many open files", "Broken pipe (from a proxy) retried"})
  void otherConnectionFailuresAreStillLogged(String message) {
    assertThat(filter.isLoggable(record(ClientAbortLogFilter.CONNECTION_LOGGER, new SocketException(message)))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev.satchel.adapters.storage.local.LocalFileBlobStorage", "io.vertx.core.impl.ContextImpl"})
  void theSameWordsFromAnyOtherLoggerAreStillLogged(String logger) {
    assertThat(filter.isLoggable(record(logger, new IOException("Connection reset by peer")))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aLineWithoutAnIoExceptionIsStillLogged(boolean withRuntimeException) {
    LogRecord record = record(ClientAbortLogFilter.CONNECTION_LOGGER,
        withRuntimeException ? new IllegalStateException("Connection reset by peer") : null);
    assertThat(filter.isLoggable(record)).isTrue();
  }

  private static LogRecord record(String logger, Throwable thrown) {
    LogRecord record = new LogRecord(Level.SEVERE, thrown == null ? "no exception" : thrown.getMessage());
    record.setLoggerName(logger);
    record.setThrown(thrown);
    return record;
  }
}
