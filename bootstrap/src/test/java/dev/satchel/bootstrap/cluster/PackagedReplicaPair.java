package dev.satchel.bootstrap.cluster;

import dev.satchel.bootstrap.TestEnvironmentResource;
import java.util.HashMap;
import java.util.Map;

/**
 * Two packaged instances, A and B, on one fresh test environment (database, blob directory, Redis
 * prefix), started and ready together and stopped together with their environment.
 */
final class PackagedReplicaPair {
  final PackagedReplica a;
  final PackagedReplica b;
  /** The environment's settings every instance was started with, before each one's own. */
  final Map<String, String> settings;
  private final TestEnvironmentResource environment;

  private PackagedReplicaPair(TestEnvironmentResource environment, Map<String, String> settings,
      PackagedReplica a, PackagedReplica b) {
    this.environment = environment;
    this.settings = settings;
    this.a = a;
    this.b = b;
  }

  /** Starts A and B with the environment's settings plus {@code common}. */
  static PackagedReplicaPair start(String name, Map<String, String> common) {
    return start(name, common, Map.of(), Map.of());
  }

  /**
   * Starts A with the environment's settings plus {@code common} and {@code onA}, B likewise with
   * {@code onB}, and waits until both are ready; whatever started is stopped again if one fails.
   */
  static PackagedReplicaPair start(String name, Map<String, String> common, Map<String, String> onA,
      Map<String, String> onB) {
    TestEnvironmentResource environment = new TestEnvironmentResource();
    Map<String, String> settings = new HashMap<>(environment.start());
    settings.putAll(common);
    PackagedReplica a = null;
    PackagedReplica b = null;
    try {
      a = PackagedReplica.start(name + "-a", with(settings, onA));
      b = PackagedReplica.start(name + "-b", with(settings, onB));
      a.awaitReady();
      b.awaitReady();
      return new PackagedReplicaPair(environment, Map.copyOf(settings), a, b);
    } catch (RuntimeException e) {
      try {
        stop(environment, a, b);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        e.addSuppressed(interrupted);
      }
      throw e;
    }
  }

  /** Stops both instances, then the environment. */
  void stop() throws InterruptedException {
    stop(environment, a, b);
  }

  private static Map<String, String> with(Map<String, String> settings, Map<String, String> own) {
    Map<String, String> all = new HashMap<>(settings);
    all.putAll(own);
    return all;
  }

  private static void stop(TestEnvironmentResource environment, PackagedReplica... replicas)
      throws InterruptedException {
    try {
      for (PackagedReplica replica : replicas) {
        if (replica != null) {
          replica.close();
        }
      }
    } finally {
      environment.stop();
    }
  }
}
