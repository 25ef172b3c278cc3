package dev.satchel.adapters.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.satchel.adapters.rest.content.ContentRequestRefused;
import dev.satchel.adapters.rest.ratelimit.RateLimitHeaders;
import dev.satchel.domain.error.EmailAlreadyRegistered;
import dev.satchel.domain.error.EncryptionKeyUnavailable;
import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.error.FileTooLarge;
import dev.satchel.domain.error.InvalidCredentials;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.QuotaExceeded;
import dev.satchel.domain.error.RateLimited;
import dev.satchel.domain.error.SatchelError;
import dev.satchel.domain.error.ShareGone;
import dev.satchel.domain.error.ShareNotFound;
import dev.satchel.domain.error.SharePasswordRejected;
import dev.satchel.domain.error.StorageFull;
import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.error.TooManyAttempts;
import dev.satchel.domain.error.TooManyUploads;
import dev.satchel.domain.error.UploadBusy;
import dev.satchel.domain.error.UploadChecksumMismatch;
import dev.satchel.domain.error.UploadCapacityReached;
import dev.satchel.domain.error.UploadIncomplete;
import dev.satchel.domain.error.UploadNotFound;
import dev.satchel.domain.error.UploadOffsetMismatch;
import dev.satchel.domain.error.UploadTimedOut;
import dev.satchel.domain.error.WebhookNotFound;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers: every domain error through an exhaustive
 * switch (a new error without a mapping does not compile), framework errors by status, and
 * anything unexpected as a bare 500. Bodies are RFC 9457 problems and never carry stack traces,
 * class names, SQL or paths.
 */
public class ProblemMapper {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response domainError(SatchelError error, UriInfo uri) {
    String path = path(uri);
    return switch (error) {
      case InvalidInput e -> problem(400, "Bad Request", e, path, e.field()).build();
      case EmailAlreadyRegistered e -> problem(409, "Conflict", e, path, "email").build();
      case InvalidCredentials e -> problem(401, "Unauthorized", e, path, null).build();
      case TooManyAttempts e -> problem(429, "Too Many Requests", e, path, null)
          .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
          .build();
      case RateLimited e -> {
        Response limited = problem(429, "Too Many Requests", e, path, null)
            .header("Retry-After", Math.max(1, RateLimitHeaders.seconds(e.retryAfter())))
            .build();
        RateLimitHeaders.write(e.statuses(), limited.getHeaders());
        yield limited;
      }
      case FileNotFound e -> problem(404, "Not Found", e, path, null).build();
      case FileTooLarge e -> problem(413, "Content Too Large", e, path, "file").build();
      case QuotaExceeded e -> problem(507, "Insufficient Storage", e, path, "file").build();
      case UploadIncomplete e -> problem(400, "Bad Request", e, path, "file").build();
      case ShareNotFound e -> problem(404, "Not Found", e, path, null).build();
      case WebhookNotFound e -> problem(404, "Not Found", e, path, null).build();
      case ShareGone e -> problem(410, "Gone", e, path, null).build();
      case SharePasswordRejected e -> problem(401, "Unauthorized", e, path, null)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Share-Password realm=\"satchel\"")
          .build();
      case StorageUnavailable e -> {
        LOG.warnf(e, "storage unavailable at %s", path);
        yield problem(503, "Service Unavailable", e, path, null).header("Retry-After", 5).build();
      }
      // No Retry-After: a full disk stays full until an operator acts (RFC 4918 section 11.5).
      case StorageFull e -> {
        LOG.errorf("storage full at %s: %s", path, e.getCause());
        yield problem(507, "Insufficient Storage", e, path, "file").build();
      }
      // The rest of the body is never read, so the connection cannot carry another request
      // (RFC 9110 section 15.5.9).
      case UploadTimedOut e -> problem(408, "Request Timeout", e, path, "file")
          .header("Connection", "close")
          .build();
      case TooManyUploads e -> problem(429, "Too Many Requests", e, path, null)
          .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
          .header("Connection", "close")
          .build();
      case UploadCapacityReached e -> problem(503, "Service Unavailable", e, path, null)
          .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
          .header("Connection", "close")
          .build();
      // Logged without the key id or anything else about the key: an operator finds the file by path.
      case EncryptionKeyUnavailable e -> {
        LOG.errorf("encryption key unavailable for the blob at %s", path);
        yield problem(500, "Internal Server Error", e, path, null).build();
      }
      case UploadNotFound e -> problem(404, "Not Found", e, path, null).build();
      // tus 1.0.0 core: 409 for a wrong offset; the current one lets the client continue at once.
      case UploadOffsetMismatch e -> problem(409, "Conflict", e, path, "Upload-Offset")
          .header("Upload-Offset", e.currentOffset())
          .build();
      case UploadBusy e -> problem(409, "Conflict", e, path, null).build();
      // tus checksum extension: 460 is its own status, outside the IANA registry.
      case UploadChecksumMismatch e -> problem(460, "Checksum Mismatch", e, path, "Upload-Checksum").build();
    };
  }

  /** 412 and 416 of a download, with the validators and {@code Content-Range} they carry. */
  @ServerExceptionMapper
  public Response refusedContent(ContentRequestRefused e, UriInfo uri) {
    Response.ResponseBuilder answer =
        build(Problem.of(e.status(), e.title(), e.code(), e.getMessage(), path(uri), e.field()));
    e.headers().forEach(answer::header);
    return answer.build();
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthenticated(RuntimeException e, UriInfo uri) {
    return build(Problem.of(401, "Unauthorized", "unauthenticated",
            "A valid bearer token is required.", path(uri), null))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"satchel\"")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return build(Problem.of(403, "Forbidden", "forbidden", "Not allowed.", path(uri), null)).build();
  }

  // Declared for the subtype too: Quarkus ships its own mapper for it, which answers without a body.
  @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
  public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
    return build(JsonBodyErrors.problem(e, path(uri))).build();
  }

  @ServerExceptionMapper
  public Response framework(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
      return unreadableJson(json, uri);
    }
    Response.ResponseBuilder answer = build(frameworkProblem(status, path(uri)));
    Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
    if (allow != null) {
      answer.header(HttpHeaders.ALLOW, allow);
    }
    return answer.build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (isAccountGone(e)) {
      // A well-signed token whose account is not in this database (restored from a backup, or a
      // signing key shared with another deployment): the token is what is wrong (RFC 6750 §3.1).
      LOG.warnf("token for an account this database does not hold, at %s", path(uri));
      return build(Problem.of(401, "Unauthorized", "unauthenticated",
              "The account this token was issued for does not exist. Log in again.", path(uri), null))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"satchel\", error=\"invalid_token\"")
          .build();
    }
    if (isDatabaseUnavailable(e)) {
      LOG.warnf("database unavailable at %s: %s", path(uri), e.getClass().getSimpleName());
      return build(Problem.of(503, "Service Unavailable", "database-unavailable",
              "The metadata store is temporarily unavailable. Try again shortly.", path(uri), null))
          .header("Retry-After", 5)
          .build();
    }
    LOG.errorf(e, "unexpected failure at %s", path(uri));
    return build(Problem.of(500, "Internal Server Error", "internal-error",
        "An unexpected error occurred.", path(uri), null)).build();
  }

  /**
   * True when a write failed on an {@code owner_id} foreign key (SQLSTATE 23503 naming a
   * {@code *_owner_id_fkey} constraint): the caller's user row does not exist. The constraint
   * name is in the message whatever the server's message language.
   */
  static boolean isAccountGone(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23503".equals(sql.getSQLState())
          && String.valueOf(sql.getMessage()).contains("_owner_id_fkey")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The problem for a status the framework decided (404 no resource, 405, 406, 413, 415...):
   * title the reason phrase, code its kebab-case form ({@code not-found}, {@code method-not-allowed}).
   */
  public static Problem frameworkProblem(int status, String path) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known != null ? known.getReasonPhrase() : "Error";
    String code = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    return Problem.of(status, title, code, detailFor(status), path, null);
  }

  /** True when the failure comes from being unable to reach or talk to PostgreSQL. */
  static boolean isDatabaseUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        String message = String.valueOf(sql.getMessage());
        if ((state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")))
            || message.contains("Acquisition timeout")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String detailFor(int status) {
    return switch (status) {
      case 404 -> "No resource at this path.";
      case 405 -> "This method is not allowed on this resource.";
      case 406 -> "None of the acceptable media types can be produced.";
      case 413 -> "The request body is too large.";
      case 415 -> "This media type is not supported here.";
      default -> "The request could not be processed.";
    };
  }

  private static Response.ResponseBuilder problem(int status, String title, SatchelError e, String path, String field) {
    return build(Problem.of(status, title, e.code(), e.getMessage(), path, field));
  }

  private static Response.ResponseBuilder build(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
