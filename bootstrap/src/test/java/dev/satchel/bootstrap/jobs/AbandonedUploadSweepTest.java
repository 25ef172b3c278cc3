package dev.satchel.bootstrap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The temp file of an upload cut by a crash goes with the next sweep once untouched for longer
 * than the read timeout (not the 6 h blob window), is counted, and takes its empty shard along.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class AbandonedUploadSweepTest {
  @Inject MaintenanceJobs jobs;

  @ConfigProperty(name = "satchel.storage.local.path")
  Path root;

  @Test
  void crashLeftoversOlderThanTheReadTimeoutAreSweptCountedAndTheirShardRemoved() throws Exception {
    Path shard = Files.createDirectories(root.resolve("fe/dc"));
    Path crashed = Files.write(shard.resolve(".tmp-crashed-upload"), new byte[4096]);
    Files.setLastModifiedTime(crashed, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
    Path live = Files.write(Files.createDirectories(root.resolve("fe/ed")).resolve(".tmp-live-upload"), new byte[1]);
    double countedBefore = Metrics.value("satchel_job_removed_total", "job=\"sweep-orphan-blobs\"");

    int removed = jobs.sweepOrphanBlobs().orElseThrow();

    assertThat(removed).isGreaterThanOrEqualTo(1);
    assertThat(crashed).doesNotExist();
    assertThat(root.resolve("fe/dc")).doesNotExist();
    assertThat(live).exists();
    assertThat(Metrics.value("satchel_job_removed_total", "job=\"sweep-orphan-blobs\"") - countedBefore)
        .isEqualTo(removed);
    Files.delete(live);
  }
}
