package dev.satchel.adapters.rest.share.page;

import dev.satchel.application.share.OpenShareCommand;
import dev.satchel.application.share.OpenSharedFileUseCase;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.SatchelError;
import dev.satchel.domain.error.ShareGone;
import dev.satchel.domain.error.ShareNotFound;
import dev.satchel.domain.error.SharePasswordRejected;
import dev.satchel.domain.error.TooManyAttempts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * The human side of a share link: the landing page a browser gets instead of the bytes, the
 * password form, and readable pages for the failures API clients get as problem+json (same
 * statuses). All rules stay in {@link OpenSharedFileUseCase}; this class only presents its outcomes.
 */
@ApplicationScoped
public class SharePages {
  /** Nothing inline and nothing foreign: the one stylesheet comes from Satchel, no script runs. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";

  @CheckedTemplate(basePath = "share")
  static class Templates {
    static native TemplateInstance file(SharePageView view);

    static native TemplateInstance password(String action, boolean rejected);

    static native TemplateInstance problem(String title, String message);
  }

  private final OpenSharedFileUseCase openShared;

  public SharePages(OpenSharedFileUseCase openShared) {
    this.openShared = openShared;
  }

  /** The landing page: checks the link exactly as a download would, but counts nothing. */
  public Response landing(String token, OpenShareCommand command) {
    return orPage(token, () -> page(200, Templates.file(SharePageView.of(token, openShared.inspect(command)))).build());
  }

  /** Runs {@code action} (a download) and turns a refusal into the matching page. */
  public Response orPage(String token, Supplier<Response> action) {
    try {
      return action.get();
    } catch (SatchelError refused) {
      return refusal(token, refused, false);
    }
  }

  /**
   * The page for a refusal of the link {@code token}: the form again for a missing or wrong
   * password ({@code rejected}: say the last one was wrong), else a short explanation. Errors that
   * are not about the link (storage down...) go to the problem mapper as usual.
   */
  public Response refusal(String token, SatchelError error, boolean rejected) {
    return switch (error) {
      case ShareNotFound e -> page(404, Templates.problem("Link not found",
          "This share link does not exist. Check that you copied the whole address.")).build();
      case ShareGone e -> page(410, Templates.problem("Link no longer available", goneMessage(e.reason()))).build();
      case SharePasswordRejected e -> page(401, Templates.password("/share/" + token + "/unlock", rejected))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Share-Password realm=\"satchel\"")
          .build();
      case TooManyAttempts e -> page(429, Templates.problem("Too many attempts",
          "Too many wrong passwords were tried for this link. Try again in "
              + Math.max(1, e.retryAfter().toSeconds()) + " seconds."))
          .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
          .build();
      case InvalidInput e -> page(400, Templates.problem("Password too long", "That password cannot be right: "
          + "it is longer than any password a link can have.")).build();
      default -> throw error;
    };
  }

  /** The page for an unlock form whose body is not form-urlencoded (a stray {@code %}, say). */
  public Response malformedForm() {
    return page(400, Templates.problem("Form not understood",
        "The password form arrived garbled. Go back and enter the password again.")).build();
  }

  private static String goneMessage(ShareGone.Reason reason) {
    return switch (reason) {
      case EXPIRED -> "This share link has expired. Ask the person who sent it for a new one.";
      case REVOKED -> "The owner withdrew this share link.";
      case EXHAUSTED -> "This share link has been downloaded as often as its owner allowed.";
      case FILE_DELETED -> "The shared file has been deleted by its owner.";
    };
  }

  private static Response.ResponseBuilder page(int status, TemplateInstance page) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(page.render())
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
  }
}
