package dev.satchel.adapters.rest;

import dev.satchel.adapters.rest.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Says once, for the whole OpenAPI document and at build time (so the stored document has it),
 * what every operation shares, so that resources list only what is specific to them:
 * <ul>
 *   <li>every 4xx and 5xx an operation lists gets the RFC 9457 problem body;
 *   <li>every operation gets 429 and 503 with {@code Retry-After} and 500 (the contract: any request
 *       may be rate limited, any backing service may be down); authenticated ones get 401 with
 *       {@code WWW-Authenticate}; those taking input get 400, and 415 for a body;
 *   <li>the response headers ({@code ETag}, {@code Link}...) with their schemas, referenced by name
 *       ({@code @Header(ref = "ETag")}); {@code RateLimit-Policy} and {@code RateLimit} on every
 *       answer but 5xx, since every endpoint outside {@code /q/*} is rate limited;
 *   <li>the byte-serving answers ({@code FileContent}, {@code FileRange}, {@code NotModified},
 *       {@code PreconditionFailed}, {@code RangeNotSatisfiable}, {@code FileHeaders}) referenced by
 *       both downloads, and the Range and conditional request headers (RFC 9110 §13, §14) that
 *       every operation answering {@code FileContent} or {@code FileHeaders} accepts.
 * </ul>
 * Header parameters the HTTP client itself sets (Content-Length, Content-Type) are left out.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventionsFilter implements OASFilter {
  private static final String RETRY_AFTER = "Retry-After";
  private static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
  private static final String RATE_LIMIT = "RateLimit";
  private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
  private static final String CONTENT_RANGE = "Content-Range";
  private static final String REF_PREFIX = "#/components/responses/";
  private static final Set<String> BYTE_ANSWERS = Set.of(REF_PREFIX + "FileContent", REF_PREFIX + "FileHeaders");
  private static final Set<String> CLIENT_SET_HEADERS = Set.of("content-length", "content-type");
  private static final List<String> REQUEST_HEADERS = List.of("Range", "If-Range", "If-None-Match", "If-Match",
      "If-Unmodified-Since");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    Components components = openAPI.getComponents();
    declareHeaders(components);
    declareRequestHeaders(components);
    declareByteAnswers(components);
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().forEach(
          (method, operation) -> complete(operation, method == PathItem.HttpMethod.HEAD)));
    }
  }

  private static void complete(Operation operation, boolean head) {
    if (operation.getParameters() != null) {
      operation.getParameters().stream()
          .filter(p -> p.getIn() == Parameter.In.HEADER && p.getName() != null
              && CLIENT_SET_HEADERS.contains(p.getName().toLowerCase(Locale.ROOT)))
          .toList()
          .forEach(operation::removeParameter);
      if (operation.getParameters().isEmpty()) {
        operation.setParameters(null);
      }
    }
    APIResponses responses =
        operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
    operation.setResponses(responses);
    APIResponse ok = responses.getAPIResponse("200");
    if (ok != null && ok.getRef() != null && BYTE_ANSWERS.contains(ok.getRef())) {
      REQUEST_HEADERS.forEach(name -> operation.addParameter(OASFactory.createParameter().ref(name)));
    }
    boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
    if (operation.getRequestBody() != null || hasParameters) {
      addIfAbsent(responses, "400",
          "Malformed request: the problem's field names the parameter or body field at fault");
    }
    if (operation.getRequestBody() != null) {
      addIfAbsent(responses, "415", "The request body's Content-Type is not one this operation accepts");
    }
    if (secured) {
      addIfAbsent(responses, "401", "Missing, malformed, expired or invalid bearer token");
    }
    addIfAbsent(responses, "429", "Rate limit exceeded; retry after Retry-After seconds");
    addIfAbsent(responses, "500", "Unexpected failure; the problem discloses no internals");
    addIfAbsent(responses, "503", "The database or storage is unavailable; retry after Retry-After seconds");

    Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
    sorted.forEach((status, response) -> {
      if (response.getRef() != null) {
        response.setDescription(null); // SmallRye's default "OK" would hide the shared answer's own
        return;
      }
      if (!status.startsWith("5")) {
        withRateLimitHeaders(response);
      }
      if (isError(status) && response.getContent() == null && !head) {
        response.setContent(problem());
      }
      if (status.equals("401") && secured) {
        response.addHeader(WWW_AUTHENTICATE, headerRef(WWW_AUTHENTICATE));
      }
      if (status.equals("429") || status.equals("503")) {
        response.addHeader(RETRY_AFTER, headerRef(RETRY_AFTER));
      }
    });
    responses.setAPIResponses(sorted);
  }

  private static boolean isError(String status) {
    return status.startsWith("4") || status.startsWith("5");
  }

  private static void addIfAbsent(APIResponses responses, String status, String description) {
    if (!responses.hasAPIResponse(status)) {
      responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
    }
  }

  private static Content problem() {
    return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
  }

  private static Header headerRef(String name) {
    return OASFactory.createHeader().ref(name);
  }

  private static void declareHeaders(Components components) {
    components.addHeader(RETRY_AFTER, header("Seconds to wait before retrying (RFC 9110 §10.2.3)",
        integer("int32").minimum(BigDecimal.ZERO)));
    components.addHeader(WWW_AUTHENTICATE, header(
        "Bearer for tokens, Share-Password for protected links (RFC 9110 §11.6.1)",
        string(null).examples(List.<Object>of("Bearer realm=\"satchel\""))));
    components.addHeader("Location", header("Path of the created resource (RFC 9110 §10.2.2)",
        string("uri-reference").examples(List.<Object>of("/files/0190c8e4-7a9b-7cde-8f00-0123456789ab"))));
    components.addHeader("Link", header("RFC 8288 link to the next page, a path-absolute reference to resolve against "
        + "the request's URL; present only when more remain",
        string(null).examples(List.<Object>of("</files?limit=50&cursor=...>; rel=\"next\""))));
    components.addHeader("ETag", header("Strong entity tag: the quoted SHA-256 of the bytes (RFC 9110 §8.8.3)",
        string(null).pattern("^\"[0-9a-f]{64}\"$")));
    components.addHeader("Last-Modified", header("The upload date as an HTTP-date (RFC 9110 §8.8.2)",
        string(null).examples(List.<Object>of("Sun, 29 Nov 2026 11:00:00 GMT"))));
    components.addHeader("Content-Disposition", header("attachment, filename encoded per RFC 6266 and RFC 8187",
        string(null).examples(List.<Object>of("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf"))));
    components.addHeader(CONTENT_RANGE, header("The bytes sent, or bytes */length on 416 (RFC 9110 §14.4)",
        string(null).examples(List.<Object>of("bytes 0-99/1234"))));
    components.addHeader("Content-Length", header("Bytes in the body", integer("int64").minimum(BigDecimal.ZERO)));
    components.addHeader("Accept-Ranges", header("Single byte ranges are served",
        string(null).enumeration(List.<Object>of("bytes"))));
    components.addHeader("Tus-Resumable", header("The tus protocol version of the answer (tus 1.0.0 core)",
        string(null).enumeration(List.<Object>of("1.0.0"))));
    components.addHeader("Upload-Offset", header("Bytes of the upload durably stored (tus 1.0.0 core)",
        integer("int64").minimum(BigDecimal.ZERO)));
    components.addHeader("Upload-Expires", header("When the unfinished upload expires, as an HTTP-date (tus expiration)",
        string(null).examples(List.<Object>of("Mon, 30 Nov 2026 11:00:00 GMT"))));
    components.addHeader("Satchel-File-Id", header("The file the finished upload became (GET /files/{file_id})",
        string("uuid")));
    components.addHeader(RATE_LIMIT_POLICY, header("The rate limits applied to this request, one list item per"
        + " limit: q requests per w seconds (draft-ietf-httpapi-ratelimit-headers-10); absent when limits are off",
        string(null).examples(List.<Object>of("\"authenticated\";q=1200;w=60"))));
    components.addHeader(RATE_LIMIT, header("What remains of each applied limit: r requests, full again in t seconds"
        + " (draft-ietf-httpapi-ratelimit-headers-10); absent when limits are off",
        string(null).examples(List.<Object>of("\"authenticated\";r=1187;t=1"))));
  }

  private static void declareRequestHeaders(Components components) {
    requestHeader(components, "Range", "One byte range, e.g. bytes=0-99, bytes=100- or bytes=-100 (RFC 9110 §14.2)");
    requestHeader(components, "If-Range", "Serve the Range only if this strong ETag still matches (RFC 9110 §13.1.5)");
    requestHeader(components, "If-None-Match", "ETags; a match answers 304 (RFC 9110 §13.1.2)");
    requestHeader(components, "If-Match", "ETags; no match answers 412 (RFC 9110 §13.1.1)");
    requestHeader(components, "If-Unmodified-Since",
        "HTTP-date; a file modified after it answers 412 (RFC 9110 §13.1.4)");
  }

  private static void requestHeader(Components components, String name, String description) {
    components.addParameter(name, OASFactory.createParameter().name(name).in(Parameter.In.HEADER)
        .required(false).description(description).schema(string(null)));
  }

  private static void declareByteAnswers(Components components) {
    Content bytes = OASFactory.createContent().addMediaType("*/*", OASFactory.createMediaType()
        .schema(string("binary").description("The file's bytes, with its own Content-Type")));
    components.addResponse("FileContent", withContentHeaders(OASFactory.createAPIResponse()
        .description("The whole file").content(bytes)));
    components.addResponse("FileRange", withContentHeaders(OASFactory.createAPIResponse()
        .description("The requested byte range").content(bytes))
        .addHeader(CONTENT_RANGE, headerRef(CONTENT_RANGE)));
    components.addResponse("FileHeaders", withContentHeaders(OASFactory.createAPIResponse()
        .description("The headers of the whole file's download, without the bytes")));
    components.addResponse("NotModified", OASFactory.createAPIResponse()
        .description("If-None-Match matched the ETag; no body")
        .addHeader("ETag", headerRef("ETag"))
        .addHeader("Last-Modified", headerRef("Last-Modified")));
    components.addResponse("PreconditionFailed", OASFactory.createAPIResponse()
        .description("If-Match or If-Unmodified-Since failed (RFC 9110 §13.1.1, §13.1.4)")
        .content(problem()));
    components.addResponse("RangeNotSatisfiable", OASFactory.createAPIResponse()
        .description("No byte of the requested range lies inside the file")
        .content(problem())
        .addHeader(CONTENT_RANGE, headerRef(CONTENT_RANGE)));
    components.getResponses().values().forEach(OpenApiConventionsFilter::withRateLimitHeaders);
  }

  // Every endpoint outside /q/* is rate limited, so every answer it gives may carry both fields.
  private static APIResponse withRateLimitHeaders(APIResponse response) {
    return response.addHeader(RATE_LIMIT_POLICY, headerRef(RATE_LIMIT_POLICY))
        .addHeader(RATE_LIMIT, headerRef(RATE_LIMIT));
  }

  private static APIResponse withContentHeaders(APIResponse response) {
    for (String name : List.of("Content-Length", "Content-Disposition", "ETag", "Last-Modified", "Accept-Ranges")) {
      response.addHeader(name, headerRef(name));
    }
    return response;
  }

  private static Header header(String description, Schema schema) {
    return OASFactory.createHeader().description(description).schema(schema);
  }

  private static Schema string(String format) {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format(format);
  }

  private static Schema integer(String format) {
    return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format(format);
  }
}
