package dev.satchel.adapters.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail: the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
    @Schema(required = true, format = "uri", description = "URI identifying the kind of problem",
        example = "https://satchel.dev/problems/file-not-found") String type,
    @Schema(required = true, example = "Not Found") String title,
    @Schema(required = true, description = "The HTTP status code", example = "404") int status,
    @Schema(example = "No such file.") String detail,
    @Schema(description = "The request path", example = "/files/0190c8e4-7a9b-7cde-8f00-0123456789ab")
    String instance,
    @Schema(required = true, description = "Stable machine-readable error code", example = "file-not-found") String code,
    @Schema(description = "The request field or parameter at fault, when there is one") String field) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://satchel.dev/problems/";

  public static Problem of(int status, String title, String code, String detail, String instance, String field) {
    return new Problem(TYPE_BASE + code, title, status, detail, instance, code, field);
  }
}
