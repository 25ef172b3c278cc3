package dev.satchel.adapters.rest.file;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.UploadIncomplete;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Walks a multipart/form-data body as a stream and stops at the part named {@code file}, so the
 * upload flows to storage without being spooled to disk or held in memory first.
 */
final class MultipartUploadReader {
  static final String FILE_PART = "file";

  /**
   * The file part, positioned at its first byte. Its content stream ends (-1) only once the rest
   * of the body up to the close delimiter has been verified; otherwise a read throws an
   * {@link IOException}, so a truncated body is never taken for a complete file.
   */
  record FilePart(String filename, Optional<String> declaredType, InputStream content) {}

  private MultipartUploadReader() {}

  static FilePart openFilePart(String contentType, InputStream body) {
    return openFilePart(contentType, body, MultipartBody.BUFFER_SIZE);
  }

  static FilePart openFilePart(String contentType, InputStream body, int bufferSize) {
    MultipartBody multipart = new MultipartBody(body, boundary(contentType), bufferSize);
    try {
      while (multipart.nextPart()) {
        String headers = multipart.headers();
        HeaderParameters disposition = HeaderParameters.parse(header(headers, "content-disposition").orElse(""));
        if (FILE_PART.equals(disposition.get("name").orElse(null))) {
          String filename = disposition.getExtended("filename")
              .filter(name -> !name.isBlank())
              .orElseThrow(() -> new InvalidInput("file", "The file part needs a filename in its Content-Disposition."));
          return new FilePart(filename, header(headers, "content-type"), multipart.lastContent());
        }
        multipart.content().transferTo(java.io.OutputStream.nullOutputStream());
      }
    } catch (MultipartBody.MalformedMultipart e) {
      throw new InvalidInput("file", "The body is not valid multipart/form-data: " + e.getMessage() + ".");
    } catch (IOException e) {
      throw new UploadIncomplete("The upload body could not be read.", e);
    }
    throw new InvalidInput("file", "A multipart part named 'file' is required.");
  }

  private static String boundary(String contentType) {
    String boundary = HeaderParameters.parse(contentType).get("boundary").orElse("");
    if (boundary.isEmpty() || boundary.length() > 70) {
      throw new InvalidInput("file", "The multipart/form-data Content-Type needs a boundary of 1 to 70 characters.");
    }
    return boundary;
  }

  private static Optional<String> header(String block, String name) {
    for (String line : block.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(line.substring(colon + 1).strip());
      }
    }
    return Optional.empty();
  }
}
