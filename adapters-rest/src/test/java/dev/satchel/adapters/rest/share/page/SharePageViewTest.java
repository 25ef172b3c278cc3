package dev.satchel.adapters.rest.share.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SharePageViewTest {

  @ParameterizedTest(name = "{0} bytes read as {1}")
  @CsvSource(delimiter = '|', value = {
      "0 | 0 bytes",
      "1 | 1 byte",
      "1023 | 1023 bytes",
      "1024 | 1 KiB",
      "1536 | 1.5 KiB",
      "10239 | 10 KiB",
      "4096 | 4 KiB",
      "2400000 | 2.3 MiB",
      "1073741824 | 1 GiB",
      "9223372036854775807 | 8 EiB"})
  void sizesReadInBinaryUnits(long bytes, String readable) {
    assertThat(SharePageView.readableSize(bytes)).isEqualTo(readable);
  }
}
