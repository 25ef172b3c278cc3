package dev.satchel.adapters.rest.file;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.UploadIncomplete;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * Walks a multipart/form-data body as a stream and stops at the part named {@code file}, so the
 * upload flows to storage without being spooled to disk or held in memory first.
 */
final class MultipartUploadReader {
  static final String FILE_PART = "file";

  /** The file part, positioned at its first byte. */
  record FilePart(String filename, Optional<String> declaredType, InputStream content) {}

  private MultipartUploadReader() {}

  static FilePart openFilePart(String contentType, long contentLength, InputStream body) {
    try {
      StreamingParser parser = new StreamingParser();
      // Browsers send non-ASCII filenames as raw UTF-8 inside the part headers.
      parser.setHeaderCharset(java.nio.charset.StandardCharsets.UTF_8);
      FileItemInputIterator parts = parser.getItemIterator(new Body(contentType, contentLength, body));
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        if (FILE_PART.equals(part.getFieldName()) && !part.isFormField()) {
          String name = part.getName();
          if (name == null || name.isBlank()) {
            throw new InvalidInput("file", "The file part needs a filename in its Content-Disposition.");
          }
          return new FilePart(name, Optional.ofNullable(part.getContentType()), part.getInputStream());
        }
      }
    } catch (FileUploadException e) {
      throw new InvalidInput("file", "The body is not valid multipart/form-data.");
    } catch (IOException e) {
      throw new UploadIncomplete("The upload body could not be read.", e);
    }
    throw new InvalidInput("file", "A multipart part named 'file' is required.");
  }

  private record Body(String contentType, long contentLength, InputStream stream) {}

  /** Commons FileUpload's streaming API over a plain request body. */
  private static final class StreamingParser
      extends AbstractFileUpload<Body, DiskFileItem, DiskFileItemFactory> {

    @Override
    public FileItemInputIterator getItemIterator(Body body) throws FileUploadException, IOException {
      return getItemIterator(new RequestContext() {
        @Override
        public String getCharacterEncoding() {
          return null;
        }

        @Override
        public long getContentLength() {
          return body.contentLength();
        }

        @Override
        public String getContentType() {
          return body.contentType();
        }

        @Override
        public InputStream getInputStream() {
          return body.stream();
        }

        @Override
        public boolean isMultipartRelated() {
          return false;
        }
      });
    }

    @Override
    public java.util.Map<String, java.util.List<DiskFileItem>> parseParameterMap(Body body) {
      throw new UnsupportedOperationException("streaming only");
    }

    @Override
    public java.util.List<DiskFileItem> parseRequest(Body body) {
      throw new UnsupportedOperationException("streaming only");
    }
  }
}
