package dev.satchel.adapters.rest.share.page;

import dev.satchel.application.share.SharedFile;
import dev.satchel.domain.share.ShareLink;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the landing page shows of a shared file, already formatted for people ({@code bytes} empty below 1 KiB). */
public record SharePageView(
    String filename, String size, String bytes, String contentType, String expiresAt, String expiresIso,
    String downloadsLeft, String downloadHref) {

  private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  private static final DateTimeFormatter READABLE =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  public static SharePageView of(String token, SharedFile shared) {
    ShareLink link = shared.link();
    long size = shared.file().size();
    Instant expires = link.expiresAt();
    String left = link.maxDownloads().isPresent()
        ? Integer.toString(Math.max(0, link.maxDownloads().getAsInt() - link.downloadCount()))
        : "Unlimited";
    // The exact count only where the readable size rounds: "15 bytes", "4 KiB (4,096 bytes)".
    String exact = size < 1024 ? "" : String.format(Locale.ENGLISH, "%,d bytes", size);
    return new SharePageView(shared.file().filename().value(), readableSize(size), exact, shared.file().contentType().value(),
        READABLE.format(expires), DateTimeFormatter.ISO_INSTANT.format(expires), left,
        "/share/" + token + "?download=1");
  }

  /** Binary units (IEC 80000-13), one decimal below 10: {@code 4 KiB}, {@code 1.5 MiB}, {@code 12 GiB}. */
  static String readableSize(long bytes) {
    if (bytes < 1024) {
      return bytes == 1 ? "1 byte" : bytes + " bytes";
    }
    int unit = 0;
    double value = bytes;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    String number = value < 10 ? String.format(Locale.ENGLISH, "%.1f", value) : String.format(Locale.ENGLISH, "%.0f", value);
    return number.replaceFirst("\\.0$", "") + " " + UNITS[unit];
  }
}
