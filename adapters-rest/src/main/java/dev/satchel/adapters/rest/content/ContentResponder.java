package dev.satchel.adapters.rest.content;

import dev.satchel.application.file.ReadFileContentUseCase;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.ByteRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Serves a file's bytes for both owner downloads and public links: strong ETag from the SHA-256,
 * {@code Last-Modified} from the upload date, conditional requests per RFC 9110 §13, single byte
 * ranges served by the store itself, and headers that keep browsers from rendering or sniffing
 * the content.
 */
@ApplicationScoped
public class ContentResponder {
  private final ReadFileContentUseCase reader;

  public ContentResponder(ReadFileContentUseCase reader) {
    this.reader = reader;
  }

  /**
   * Answers a GET (or HEAD when {@code headOnly}, with the same status and headers). Conditional
   * headers are evaluated first ({@link Preconditions}, RFC 9110 §13.2.2), then {@code If-Range}
   * and {@code Range}; HEAD ignores {@code Range}, which RFC 9110 §14.2 defines for GET only.
   *
   * @param beforeBody runs once it is certain that bytes will be sent (200 or 206 to a GET) and
   *     the blob is open; public links count a download there, so 304, 412 and 416 answers and
   *     storage failures count nothing
   * @param extraHeaders added to every answer, e.g. caching rules for protected links
   * @throws ContentRequestRefused for a failed {@code If-Match}/{@code If-Unmodified-Since} (412)
   *     or an unsatisfiable range (416, with {@code Content-Range: bytes *}{@code /size})
   */
  public Response respond(
      FileMetadata file, HttpHeaders request, boolean headOnly, Runnable beforeBody, Map<String, String> extraHeaders) {
    return answer(file, request, headOnly, beforeBody, extraHeaders, range -> Optional.of(reader.read(file, range)))
        .orElseThrow();
  }

  /**
   * {@link #respond} to a GET on a thread that must not block (an event loop): the same answer
   * when the bytes open without waiting ({@link ReadFileContentUseCase#readWithoutWaiting});
   * empty, with nothing sent and {@code beforeBody} not run, when they do not. Answers that need
   * no bytes (304, 412, 416) are given either way.
   */
  public Optional<Response> respondWithoutWaiting(
      FileMetadata file, HttpHeaders request, Runnable beforeBody, Map<String, String> extraHeaders) {
    return answer(file, request, false, beforeBody, extraHeaders, range -> reader.readWithoutWaiting(file, range));
  }

  private Optional<Response> answer(FileMetadata file, HttpHeaders request, boolean headOnly, Runnable beforeBody,
      Map<String, String> extraHeaders, Function<Optional<ByteRange>, Optional<BlobContent>> open) {
    String etag = "\"" + file.checksum().hex() + "\"";
    Preconditions validators = new Preconditions(etag, file.uploadedAt());
    Map<String, Object> common = commonHeaders(file, etag, extraHeaders);
    String ifMatch = request.getHeaderString(HttpHeaders.IF_MATCH);
    switch (validators.evaluate(new Preconditions.Conditions(ifMatch,
        request.getHeaderString(HttpHeaders.IF_UNMODIFIED_SINCE),
        request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
        request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE)))) {
      case PRECONDITION_FAILED -> throw ContentRequestRefused.preconditionFailed(
          ifMatch != null ? HttpHeaders.IF_MATCH : HttpHeaders.IF_UNMODIFIED_SINCE, common);
      case NOT_MODIFIED -> {
        return Optional.of(with(Response.notModified(), common).build());
      }
      case PROCEED -> { }
    }
    RangeRequest range = headOnly || !validators.ifRangeHolds(request.getHeaderString("If-Range"))
        ? new RangeRequest.Whole()
        : RangeRequest.parse(request.getHeaderString("Range"), file.size());
    if (range instanceof RangeRequest.Unsatisfiable) {
      Map<String, Object> headers = new LinkedHashMap<>(common);
      headers.put("Content-Range", "bytes */" + file.size());
      throw ContentRequestRefused.rangeNotSatisfiable(file.size(), headers);
    }
    Response.ResponseBuilder answer = range instanceof RangeRequest.Partial p
        ? Response.status(206).header("Content-Range",
            "bytes " + p.range().first() + "-" + p.range().last() + "/" + file.size())
        : Response.ok();
    with(answer, common)
        .type(file.contentType().value())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(file.filename().value()));
    if (headOnly) {
      return Optional.of(answer.header(HttpHeaders.CONTENT_LENGTH, file.size()).build());
    }
    // The blob is opened before the download is counted: a storage or key failure must not use up
    // a limited link's last download. A refused claim closes what was opened.
    Optional<BlobContent> opened = open.apply(range.byteRange());
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    BlobContent content = opened.get();
    try {
      beforeBody.run();
    } catch (RuntimeException refused) {
      closeQuietly(content);
      throw refused;
    }
    return Optional.of(answer.header(HttpHeaders.CONTENT_LENGTH, content.length()).entity(body(content)).build());
  }

  // A local file region is sent by its path (FileRegionBodyWriter), not through a stream.
  private static Object body(BlobContent content) {
    if (content.fileRegion().isEmpty() || content.length() == 0) {
      return content.stream();
    }
    BlobContent.FileRegion region = content.fileRegion().get();
    closeQuietly(content);
    return new FileRegionBody(region.path(), region.offset(), region.length());
  }

  private static void closeQuietly(BlobContent content) {
    try {
      content.close();
    } catch (java.io.IOException ignored) {
      // only a read channel: nothing was written through it
    }
  }

  // Every answer, refusals included, carries the validators (RFC 9110 §8.8) and the same caching
  // and sniffing rules.
  private static Map<String, Object> commonHeaders(FileMetadata file, String etag, Map<String, String> extraHeaders) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put(HttpHeaders.ETAG, etag);
    headers.put(HttpHeaders.LAST_MODIFIED, HttpDate.format(file.uploadedAt()));
    headers.put("Accept-Ranges", "bytes");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Content-Security-Policy", "default-src 'none'; sandbox");
    headers.put(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    headers.putAll(extraHeaders);
    return headers;
  }

  private static Response.ResponseBuilder with(Response.ResponseBuilder answer, Map<String, Object> headers) {
    headers.forEach(answer::header);
    return answer;
  }
}
