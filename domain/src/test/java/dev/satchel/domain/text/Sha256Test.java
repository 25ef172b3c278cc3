package dev.satchel.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each hash starts from a fresh digest: known vectors hold, repeated and concurrent. */
class Sha256Test {

  @Test
  void matchesTheFipsVectors() {
    assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void concurrentCallersDoNotShareState() {
    List<String> hashes = IntStream.range(0, 2_000).parallel().mapToObj(i -> Sha256.hex(i % 2 == 0 ? "abc" : "")).toList();
    for (int i = 0; i < hashes.size(); i++) {
      assertThat(hashes.get(i)).isEqualTo(Sha256.hex(i % 2 == 0 ? "abc" : ""));
    }
  }
}
