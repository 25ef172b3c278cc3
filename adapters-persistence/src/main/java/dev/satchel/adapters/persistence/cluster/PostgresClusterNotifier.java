package dev.satchel.adapters.persistence.cluster;

import dev.satchel.domain.cluster.ClusterNotifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@link ClusterNotifier} on PostgreSQL {@code LISTEN/NOTIFY}, which every replica already
 * reaches: messages go out with {@code pg_notify} on a pooled connection and come in on one
 * dedicated, unpooled connection polled by a background thread, which reconnects after any
 * failure. Channel {@code satchel_<topic>}, payload {@code <replica id> <message>}; a replica
 * skips its own messages. PostgreSQL delivers a notification only to sessions that were listening
 * when it was committed, hence the {@code onDisconnected}/{@code onConnected} calls around gaps.
 */
public final class PostgresClusterNotifier implements ClusterNotifier, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PostgresClusterNotifier.class);
  private static final Pattern TOPIC = Pattern.compile("[a-z0-9_]{1,32}");
  private static final int MAX_MESSAGE = 4000;

  /**
   * Where and how to listen.
   *
   * @param connection user, password and other pgjdbc properties for the listening connection
   * @param poll longest wait for a notification before the thread looks at new subscriptions
   * @param keepAlive a silent connection is probed with {@code SELECT 1} this often, so a dead
   *     one is noticed even when nobody publishes
   * @param reconnectDelay pause between connection attempts while PostgreSQL is unreachable
   */
  public record Settings(String jdbcUrl, Properties connection, String applicationName, Duration poll,
      Duration keepAlive, Duration reconnectDelay) {}

  /** One subscription; {@code announced} is read and written by the listener thread only. */
  private static final class Registration {
    private final String channel;
    private final Subscriber subscriber;
    private boolean announced;

    Registration(String channel, Subscriber subscriber) {
      this.channel = channel;
      this.subscriber = subscriber;
    }
  }

  private final DataSource publisher;
  private final Settings settings;
  private final String replicaId;
  private final List<Registration> registrations = new CopyOnWriteArrayList<>();
  private final Thread listener;
  private volatile boolean running = true;
  private volatile Connection current;

  private PostgresClusterNotifier(DataSource publisher, Settings settings, String replicaId) {
    this.publisher = publisher;
    this.settings = settings;
    this.replicaId = replicaId;
    this.listener = Thread.ofPlatform().daemon().name("satchel-cluster-listener").unstarted(this::listen);
  }

  /** Starts listening at once, in the background; {@code replicaId} must not contain a space. */
  public static PostgresClusterNotifier start(DataSource publisher, Settings settings, String replicaId) {
    if (replicaId.isEmpty() || replicaId.contains(" ")) {
      throw new IllegalArgumentException("replica id must be non-empty without spaces");
    }
    PostgresClusterNotifier notifier = new PostgresClusterNotifier(publisher, settings, replicaId);
    notifier.listener.start();
    return notifier;
  }

  @Override
  public boolean publish(String topic, String message) {
    if (message.length() > MAX_MESSAGE) {
      throw new IllegalArgumentException("message longer than " + MAX_MESSAGE + " characters");
    }
    try (Connection connection = publisher.getConnection();
        PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, channel(topic));
      notify.setString(2, replicaId + " " + message);
      notify.execute();
      return true;
    } catch (SQLException e) {
      LOG.warnf("cluster message on %s not sent (%s): other replicas keep their copy until it expires",
          topic, e.getMessage());
      return false;
    }
  }

  @Override
  public void subscribe(String topic, Subscriber subscriber) {
    registrations.add(new Registration(channel(topic), subscriber));
  }

  /** Stops the thread and closes the listening connection. */
  @Override
  public void close() {
    running = false;
    closeQuietly(current);
    listener.interrupt();
    try {
      listener.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void listen() {
    boolean wasConnected = false;
    while (running) {
      try (Connection connection = connect()) {
        current = connection;
        if (wasConnected) {
          LOG.info("cluster listener reconnected");
        }
        wasConnected = true;
        poll(connection);
      } catch (SQLException | RuntimeException e) {
        if (running) {
          disconnected(e);
        }
      } finally {
        current = null;
      }
      if (running) {
        LockSupport.parkNanos(settings.reconnectDelay().toNanos());
      }
    }
    registrations.forEach(r -> announce(r, false));
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.putAll(settings.connection());
    properties.setProperty("ApplicationName", settings.applicationName());
    properties.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(settings.jdbcUrl(), properties);
  }

  private void poll(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    Set<String> listening = new HashSet<>();
    long lastTraffic = System.nanoTime();
    while (running) {
      for (Registration registration : registrations) {
        if (listening.add(registration.channel)) {
          try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + registration.channel); // checked identifier, see channel()
          }
        }
        announce(registration, true);
      }
      PGNotification[] notifications = pg.getNotifications((int) settings.poll().toMillis());
      if (notifications != null && notifications.length > 0) {
        lastTraffic = System.nanoTime();
        for (PGNotification notification : notifications) {
          deliver(notification);
        }
      } else if (System.nanoTime() - lastTraffic > settings.keepAlive().toNanos()) {
        try (Statement probe = connection.createStatement()) {
          probe.execute("SELECT 1");
        }
        lastTraffic = System.nanoTime();
      }
    }
  }

  private void deliver(PGNotification notification) {
    String payload = notification.getParameter();
    int space = payload.indexOf(' ');
    if (space < 0 || payload.substring(0, space).equals(replicaId)) {
      return;
    }
    String message = payload.substring(space + 1);
    for (Registration registration : registrations) {
      if (registration.channel.equals(notification.getName()) && registration.announced) {
        try {
          registration.subscriber.onMessage(message);
        } catch (RuntimeException e) {
          LOG.warnf(e, "cluster subscriber of %s failed on a message", registration.channel);
        }
      }
    }
  }

  private void disconnected(Exception cause) {
    boolean wasAnnounced = registrations.stream().anyMatch(r -> r.announced);
    registrations.forEach(r -> announce(r, false));
    if (wasAnnounced) {
      LOG.warnf("cluster listener lost its connection (%s); retrying every %s",
          cause.getMessage(), settings.reconnectDelay());
    } else {
      LOG.debugf("cluster listener cannot connect: %s", cause.getMessage());
    }
  }

  private static void announce(Registration registration, boolean connected) {
    if (registration.announced == connected) {
      return;
    }
    registration.announced = connected;
    try {
      if (connected) {
        registration.subscriber.onConnected();
      } else {
        registration.subscriber.onDisconnected();
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "cluster subscriber of %s failed on a connection change", registration.channel);
    }
  }

  private static String channel(String topic) {
    if (topic == null || !TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException("topic must be 1 to 32 of [a-z0-9_]");
    }
    return "satchel_" + topic;
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing only to wake the listener thread; it reports the failure itself
    }
  }
}
