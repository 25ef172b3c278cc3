package dev.satchel.adapters.rest.file;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.UploadIncomplete;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Walks a multipart/form-data body as a stream and stops at the part named {@code file}, so the
 * upload flows to storage without being spooled to disk or held in memory first. A body with a
 * second {@code file} part fails as malformed when its reader reaches that part: one request
 * stores one file, and a part silently dropped would look stored to the client.
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
        if (namesFilePart(headers)) {
          String filename = HeaderParameters.parse(header(headers, "content-disposition").orElse(""))
              .getExtended("filename", FormDataEscapes::unescapeFilename)
              .filter(name -> !name.isBlank())
              .orElseThrow(() -> new InvalidInput("file", "The file part needs a filename in its Content-Disposition."));
          return new FilePart(filename, header(headers, "content-type"), multipart.lastContent(later -> {
            if (namesFilePart(later)) {
              throw MultipartBody.malformed("it holds more than one part named 'file'; upload one file per request");
            }
          }));
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

  /**
   * What a failed store of the file part means to the client: when the body turned out not to be
   * valid multipart/form-data past the file's bytes, that is invalid input (400 naming the fault),
   * not a body that merely ended early.
   */
  static RuntimeException explain(UploadIncomplete failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof MultipartBody.MalformedMultipart malformed) {
        return new InvalidInput("file", "The body is not valid multipart/form-data: " + malformed.getMessage() + ".");
      }
    }
    return failure;
  }

  private static boolean namesFilePart(String headers) {
    HeaderParameters disposition = HeaderParameters.parse(header(headers, "content-disposition").orElse(""));
    return FILE_PART.equals(disposition.get("name").orElse(null));
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
