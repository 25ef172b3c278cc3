package dev.satchel.adapters.rest.content;

import dev.satchel.application.file.ReadFileContentUseCase;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.storage.BlobContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.PathPart;

/**
 * Serves a file's bytes for both owner downloads and public links: strong ETag from the SHA-256,
 * conditional GET, single byte ranges served by the store itself, and headers that keep browsers
 * from rendering or sniffing the content.
 */
@ApplicationScoped
public class ContentResponder {
  private final ReadFileContentUseCase reader;

  public ContentResponder(ReadFileContentUseCase reader) {
    this.reader = reader;
  }

  /**
   * Answers a GET (or HEAD when {@code headOnly}).
   *
   * @param beforeBody runs once it is certain that bytes will be sent (200 or 206), before the
   *     blob is opened; public links count a download there
   * @param extraHeaders added to every answer, e.g. caching rules for protected links
   */
  public Response respond(
      FileMetadata file, HttpHeaders request, boolean headOnly, Runnable beforeBody, Map<String, String> extraHeaders) {
    String etag = "\"" + file.checksum().hex() + "\"";
    if (matchesAny(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
      return withCommonHeaders(Response.notModified(), file, etag, extraHeaders).build();
    }
    RangeRequest range = headOnly || !ifRangeHolds(request.getHeaderString("If-Range"), etag)
        ? new RangeRequest.Whole()
        : RangeRequest.parse(request.getHeaderString("Range"), file.size());
    if (range instanceof RangeRequest.Unsatisfiable) {
      return withCommonHeaders(Response.status(416), file, etag, extraHeaders)
          .header("Content-Range", "bytes */" + file.size())
          .build();
    }
    Response.ResponseBuilder answer = range instanceof RangeRequest.Partial p
        ? Response.status(206).header("Content-Range",
            "bytes " + p.range().first() + "-" + p.range().last() + "/" + file.size())
        : Response.ok();
    withCommonHeaders(answer, file, etag, extraHeaders)
        .type(file.contentType().value())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(file.filename().value()));
    if (headOnly) {
      return answer.header(HttpHeaders.CONTENT_LENGTH, file.size()).build();
    }
    beforeBody.run();
    Optional<dev.satchel.domain.storage.ByteRange> bytes = range.byteRange();
    BlobContent content = reader.read(file, bytes);
    return answer.header(HttpHeaders.CONTENT_LENGTH, content.length()).entity(body(content)).build();
  }

  // A local file region goes out through sendfile, without passing through the JVM's heap.
  private static Object body(BlobContent content) {
    if (content.fileRegion().isEmpty() || content.length() == 0) {
      return content.stream();
    }
    BlobContent.FileRegion region = content.fileRegion().get();
    try {
      content.close();
    } catch (java.io.IOException ignored) {
      // only a read channel: nothing was written through it
    }
    return new PathPart(region.path(), region.offset(), region.length());
  }

  private static Response.ResponseBuilder withCommonHeaders(
      Response.ResponseBuilder answer, FileMetadata file, String etag, Map<String, String> extraHeaders) {
    answer.tag(new jakarta.ws.rs.core.EntityTag(etag.substring(1, etag.length() - 1)))
        .header("Accept-Ranges", "bytes")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header(HttpHeaders.LAST_MODIFIED, java.util.Date.from(file.uploadedAt()));
    extraHeaders.forEach(answer::header);
    if (!extraHeaders.containsKey(HttpHeaders.CACHE_CONTROL)) {
      answer.header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }
    return answer;
  }

  private static boolean matchesAny(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    // Weak comparison, as RFC 9110 prescribes for If-None-Match.
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::strip)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
  }

  // If-Range with a strong validator: serve the range only if the representation is unchanged.
  private static boolean ifRangeHolds(String ifRange, String etag) {
    return ifRange == null || ifRange.strip().equals(etag) || !ifRange.strip().startsWith("\"");
  }
}
