package dev.satchel.bootstrap;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the application logs while open: a handler on java.util.logging's root logger,
 * where Quarkus' log manager delivers every category. Use with try-with-resources.
 */
public final class LogCapture extends Handler implements AutoCloseable {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture() {}

  /** Starts collecting. */
  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    Logger.getLogger("").addHandler(capture);
    return capture;
  }

  /** The records so far at {@code level} or above, in arrival order. */
  public List<LogRecord> atOrAbove(Level level) {
    return records.stream().filter(record -> record.getLevel().intValue() >= level.intValue()).toList();
  }

  /** Every record so far. */
  public List<LogRecord> all() {
    return List.copyOf(records);
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  /** Stops collecting; the records stay readable. */
  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
