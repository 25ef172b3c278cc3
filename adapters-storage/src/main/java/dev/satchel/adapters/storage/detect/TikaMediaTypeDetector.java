package dev.satchel.adapters.storage.detect;

import dev.satchel.domain.file.FileName;
import dev.satchel.domain.file.MediaTypeDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Detects a file's type with Apache Tika's magic-byte and file-name rules (tika-core only): the
 * bytes win, the name refines or stands in for them, and the client's claim comes last.
 */
public final class TikaMediaTypeDetector implements MediaTypeDetector {
  /**
   * The bytes magic looks at: Tika's offset ranges end at 8 KiB (HTML, XML, scripts, ...) and no
   * pattern is longer than 256 bytes. Tika would take 64 KiB, which costs a binary 64 KiB file
   * 39 % more CPU (593 against 360 us per detection) for no other answer. What is lost: ISO 9660
   * images (signature at 32 KiB), which then take their type from the {@code .iso} name, and XML
   * whose root element comes after 8 KiB of prologue, which stays {@code application/xml} (active
   * content either way).
   */
  static final int HEAD_LENGTH = 8192 + 256;

  private final MimeTypes mimeTypes;
  private final MediaTypeRegistry registry;

  /** Loads Tika's type database once; the resulting detector is thread-safe. */
  public TikaMediaTypeDetector() {
    this.mimeTypes = TikaTypeDatabase.load(TikaMediaTypeDetector.class.getClassLoader());
    this.registry = mimeTypes.getMediaTypeRegistry();
  }

  @Override
  public int headLength() {
    return HEAD_LENGTH;
  }

  @Override
  public dev.satchel.domain.file.MediaType detect(
      byte[] head, FileName filename, Optional<String> declaredType) {
    MediaType magic = byContent(head);
    MediaType byName = byName(filename);
    MediaType declared = declaredType.flatMap(this::parse).orElse(MediaType.OCTET_STREAM);
    return toDomain(choose(magic, byName, declared));
  }

  private MediaType choose(MediaType magic, MediaType byName, MediaType declared) {
    if (isSpecific(magic)) {
      // Container formats: magic sees a ZIP, the name tells a .docx from a .jar.
      if (registry.isSpecializationOf(byName, magic)) {
        return byName;
      }
      return registry.isSpecializationOf(declared, magic) ? declared : magic;
    }
    if (!byName.equals(MediaType.OCTET_STREAM)) {
      return byName;
    }
    return declared.equals(MediaType.OCTET_STREAM) ? magic : declared;
  }

  private static boolean isSpecific(MediaType type) {
    return !type.equals(MediaType.OCTET_STREAM) && !type.equals(MediaType.TEXT_PLAIN);
  }

  private MediaType byContent(byte[] head) {
    if (head == null || head.length == 0) {
      return MediaType.OCTET_STREAM;
    }
    try {
      int length = Math.min(head.length, HEAD_LENGTH);
      return mimeTypes.detect(new ByteArrayInputStream(head, 0, length), new Metadata()).getBaseType();
    } catch (IOException | RuntimeException e) {
      return MediaType.OCTET_STREAM; // garbage must not fail an upload; the name may still tell
    }
  }

  private MediaType byName(FileName filename) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename.value());
    try {
      return mimeTypes.detect(null, metadata).getBaseType();
    } catch (IOException | RuntimeException e) {
      return MediaType.OCTET_STREAM;
    }
  }

  // Validated by the domain first: Tika is lenient, and the client's text is untrusted.
  private Optional<MediaType> parse(String declared) {
    try {
      String checked = dev.satchel.domain.file.MediaType.parse(declared).value();
      return Optional.ofNullable(MediaType.parse(checked));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static dev.satchel.domain.file.MediaType toDomain(MediaType type) {
    try {
      return new dev.satchel.domain.file.MediaType(type.getBaseType().toString());
    } catch (RuntimeException e) {
      // A Tika name the domain rejects would tell a client nothing useful anyway.
      return dev.satchel.domain.file.MediaType.OCTET_STREAM;
    }
  }
}
