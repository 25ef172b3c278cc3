package dev.satchel.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.upload.UploadStaging;
import dev.satchel.domain.upload.UploadStaging.Staged;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link UploadStaging} must show; one subclass per store. */
public abstract class UploadStagingContractTest {
  protected static final int MIB = 1024 * 1024;

  protected abstract UploadStaging staging();

  /** Whether anything of the upload is left in the store. */
  protected abstract boolean leftovers(UploadId id) throws Exception;

  private static byte[] bytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private Staged append(UploadId id, long length, Staged staged, byte[] content, int from, int to) {
    return staging().append(id, length, staged, new ByteArrayInputStream(Arrays.copyOfRange(content, from, to)));
  }

  private byte[] sealAndRead(UploadId id, long length, Staged staged) throws IOException {
    try (InputStream in = staging().open(id, staging().seal(id, length, staged))) {
      return in.readAllBytes();
    }
  }

  @Test
  void appendsOfAnySizeBecomeTheExactContent() throws Exception {
    byte[] content = bytes(13 * MIB + 17, 1);
    UploadId id = new UploadId(UUID.randomUUID());
    Staged staged = new Staged(0, staging().begin(id, content.length));
    // 1 byte, a chunk below S3's 5 MiB minimum part, one across a part boundary, then the rest.
    int[] cuts = {0, 1, 3 * MIB, 9 * MIB + 5, content.length};
    for (int i = 0; i + 1 < cuts.length; i++) {
      staged = append(id, content.length, staged, content, cuts[i], cuts[i + 1]);
      assertThat(staged.offset()).isEqualTo(cuts[i + 1]);
    }

    assertThat(sealAndRead(id, content.length, staged)).isEqualTo(content);
    staging().discard(id, staged);
    assertThat(leftovers(id)).isFalse();
  }

  @Test
  void anAppendWhoseStateWasNotKeptIsOverwrittenByTheNextOne() throws Exception {
    byte[] content = bytes(8 * MIB, 2);
    UploadId id = new UploadId(UUID.randomUUID());
    Staged kept = append(id, content.length, new Staged(0, staging().begin(id, content.length)), content, 0, 2 * MIB);
    byte[] wrong = bytes(6 * MIB, 3);
    Staged rejected = staging().append(id, content.length, kept, new ByteArrayInputStream(wrong));
    staging().abandon(id, rejected, kept);

    Staged done = append(id, content.length, kept, content, 2 * MIB, content.length);

    assertThat(done.offset()).isEqualTo(content.length);
    assertThat(sealAndRead(id, content.length, done)).isEqualTo(content);
    staging().discard(id, done);
    assertThat(leftovers(id)).isFalse();
  }

  @Test
  void aLastAppendRetriedAfterSealingFindsEveryByte() throws Exception {
    byte[] content = bytes(7 * MIB + 3, 6);
    UploadId id = new UploadId(UUID.randomUUID());
    Staged kept = append(id, content.length, new Staged(0, staging().begin(id, content.length)), content, 0, 3 * MIB);
    Staged last = append(id, content.length, kept, content, 3 * MIB, content.length);
    Staged sealed = staging().seal(id, content.length, last);

    // The completion failed after sealing; the row kept the old offset with the sealed state.
    Staged retried = append(id, content.length, new Staged(kept.offset(), sealed.state()), content, 3 * MIB,
        content.length);

    assertThat(retried.offset()).isEqualTo(content.length);
    assertThat(sealAndRead(id, content.length, retried)).isEqualTo(content);
    staging().discard(id, retried);
    assertThat(leftovers(id)).isFalse();
  }

  @Test
  void aBodyThatBreaksKeepsWhatArrived() throws Exception {
    byte[] content = bytes(7 * MIB, 4);
    UploadId id = new UploadId(UUID.randomUUID());
    InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(content, 0, 2 * MIB), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    });

    Staged staged = staging().append(id, content.length, new Staged(0, staging().begin(id, content.length)), breaking);

    assertThat(staged.offset()).isEqualTo(2 * MIB);
    Staged done = append(id, content.length, staged, content, 2 * MIB, content.length);
    assertThat(sealAndRead(id, content.length, done)).isEqualTo(content);
    staging().discard(id, done);
  }

  @Test
  void discardingAnUnfinishedUploadLeavesNothing() throws Exception {
    byte[] content = bytes(9 * MIB, 5);
    UploadId id = new UploadId(UUID.randomUUID());
    Staged staged = append(id, content.length, new Staged(0, staging().begin(id, content.length)), content, 0,
        6 * MIB);
    assertThat(leftovers(id)).isTrue();

    staging().discard(id, staged);
    staging().discard(id, staged);

    assertThat(leftovers(id)).isFalse();
  }
}
