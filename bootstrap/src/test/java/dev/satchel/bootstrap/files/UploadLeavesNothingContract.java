package dev.satchel.bootstrap.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.Uploads;
import dev.satchel.domain.storage.BlobStorage;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A refused upload leaves neither a row nor a blob; checked inside the app, per storage backend. */
abstract class UploadLeavesNothingContract {
  private static final int MIB = 1024 * 1024;

  @Inject BlobStorage blobs;

  String token;

  @BeforeEach
  void newUser() {
    token = Api.newUserToken();
  }

  int blobCount() {
    AtomicInteger count = new AtomicInteger();
    blobs.forEachKeyOlderThan(Instant.now().plusSeconds(3600), key -> count.incrementAndGet());
    return count.get();
  }

  int rowCount() throws Exception {
    return Integer.parseInt(Db.queryString("SELECT count(*) FROM satchel.files"));
  }

  @Test
  void oversizedUploadIs413AndLeavesNothing() throws Exception {
    int rowsBefore = rowCount();
    int blobsBefore = blobCount();
    Uploads.upload(token, "huge.bin", new byte[61 * MIB])
        .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("file-too-large"));
    assertThat(rowCount()).isEqualTo(rowsBefore);
    assertThat(blobCount()).isEqualTo(blobsBefore);
  }
}
