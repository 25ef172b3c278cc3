package dev.satchel.bootstrap.logging;

import io.quarkus.logging.LoggingFilter;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the HTTP server's error line for a client that went away mid-response (reset or closed
 * socket: a cancelled download, a browser seeking in a video), which Vert.x logs at ERROR with a
 * stack trace for every such connection. A file service sees these all day; operators alert on
 * ERROR. Every other connection failure (TLS, protocol, our own bugs) is still logged.
 */
@LoggingFilter(name = "client-aborts")
public final class ClientAbortLogFilter implements Filter {
  static final String CONNECTION_LOGGER = "io.vertx.core.net.impl.ConnectionBase";

  @Override
  public boolean isLoggable(LogRecord record) {
    return !(CONNECTION_LOGGER.equals(record.getLoggerName()) && isClientAbort(record.getThrown()));
  }

  // errno 104 (ECONNRESET) and 32 (EPIPE), as the JDK (NIO) and Netty's epoll transport word them;
  // and a write that found the channel already closed by such a client (Netty's message-less
  // StacklessClosedChannelException, logged as "NULL": about once per bench run, when wrk stops
  // while a sendfile download is starting; upstream: eclipse-vertx/vert.x#5380).
  private static boolean isClientAbort(Throwable thrown) {
    if (thrown instanceof ClosedChannelException) {
      return true;
    }
    if (!(thrown instanceof IOException) || thrown.getMessage() == null) {
      return false;
    }
    String message = thrown.getMessage();
    return message.endsWith("Connection reset by peer") || message.endsWith("Broken pipe");
  }
}
