package dev.satchel.bootstrap.files;

import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A blob cut short behind the store's back is refused (503) instead of going out under its row's
 * Content-Length, Content-Range and ETag. The metadata is cached, so these requests take the
 * event-loop path; ReadFileContentServiceTest covers the worker path's check.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class DamagedBlobTest {
  @Test
  void aTruncatedBlobIs503WholeOrRanged() throws Exception {
    String token = Api.newUserToken();
    String id = Uploads.uploadedId(token, "damaged.bin", new byte[1000]);
    Api.as(token).when().get("/files/" + id + "/content").then().statusCode(200); // metadata now cached
    String key = Db.queryString("SELECT storage_key FROM satchel.files WHERE id = ?", UUID.fromString(id));
    Path blob = Path.of(ConfigProvider.getConfig().getValue("satchel.storage.local.path", String.class))
        .toAbsolutePath().normalize().resolve(key);
    try (FileChannel channel = FileChannel.open(blob, StandardOpenOption.WRITE)) {
      channel.truncate(500);
    }

    for (String range : new String[] {null, "bytes=990-", "bytes=0-9"}) {
      var request = Api.as(token);
      if (range != null) {
        request = request.header("Range", range);
      }
      if ("bytes=0-9".equals(range)) {
        // Inside what is left: those bytes are still the file's, so they are served.
        request.when().get("/files/" + id + "/content").then().statusCode(206);
        continue;
      }
      request.when().get("/files/" + id + "/content").then().statusCode(503)
          .contentType("application/problem+json").body("code", equalTo("storage-unavailable"));
    }
  }
}
