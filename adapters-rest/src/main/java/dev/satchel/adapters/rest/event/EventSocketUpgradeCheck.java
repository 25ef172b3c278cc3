package dev.satchel.adapters.rest.event;

import dev.satchel.adapters.rest.ClientAddress;
import dev.satchel.application.event.RedeemEventTicketUseCase;
import dev.satchel.application.event.StreamEventsUseCase;
import dev.satchel.application.security.AdmitRequestCommand;
import dev.satchel.application.security.AdmitRequestUseCase;
import dev.satchel.domain.error.RateLimited;
import dev.satchel.domain.event.EventId;
import dev.satchel.domain.user.UserId;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Decides the {@code /events/ws} upgrade before it happens (RFC 6455 section 4.2.2 lets the
 * server answer the opening handshake with an HTTP error): a verified Bearer token, or else a
 * single-use {@code ?ticket=}, names the user; without either the answer is 401. The upgrade then
 * passes the rate limits like any request, once per connection (429 when refused), and the
 * connection will get every event committed from this moment on; or, resuming with
 * {@code ?last_event_id=} (browsers cannot set headers) or a {@code Last-Event-ID} header, every
 * event of the user's after that one, as {@code GET /events} replays them. A resume point that is
 * not an event id is refused with 400 before the upgrade.
 */
@ApplicationScoped
public class EventSocketUpgradeCheck implements HttpUpgradeCheck {
  private static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate", List.of("Bearer"));

  private static final String BEARER = "Bearer ";

  private final RedeemEventTicketUseCase tickets;
  private final AdmitRequestUseCase admission;
  private final StreamEventsUseCase streams;
  private final JWTParser tokens;

  public EventSocketUpgradeCheck(RedeemEventTicketUseCase tickets, AdmitRequestUseCase admission,
      StreamEventsUseCase streams, JWTParser tokens) {
    this.tickets = tickets;
    this.admission = admission;
    this.streams = streams;
    this.tokens = tokens;
  }

  @Override
  public boolean appliesTo(String endpointId) {
    return EventSocket.ID.equals(endpointId);
  }

  /** The query parameter that resumes a connection after an event; the header's browser form. */
  static final String RESUME_PARAMETER = "last_event_id";

  @Override
  public Uni<CheckResult> perform(HttpUpgradeContext context) {
    String ticket = context.httpRequest().getParam("ticket");
    String authorization = context.httpRequest().getHeader("Authorization");
    String resume = resumePoint(context);
    Uni<Optional<UserId>> caller = authorization != null || ticket == null
        ? Uni.createFrom().item(() -> bearer(authorization))
        : blocking(() -> tickets.redeem(ticket));
    String client = ClientAddress.of(context.httpRequest());
    return caller.flatMap(owner -> {
      if (owner.isEmpty()) {
        return CheckResult.rejectUpgrade(401, CHALLENGE);
      }
      Optional<EventId> after;
      try {
        after = ResumePoint.parse(resume);
      } catch (IllegalArgumentException notAnEventId) {
        return CheckResult.rejectUpgrade(400);
      }
      return admitted(owner.get(), client).flatMap(refusal -> {
        if (refusal.isPresent()) {
          return CheckResult.rejectUpgrade(429, Map.of("Retry-After",
              List.of(Long.toString(Math.max(1, refusal.get().retryAfter().toSeconds())))));
        }
        context.userData().put(EventSocket.OWNER, owner.get().toString());
        if (after.isPresent()) {
          // Replaying from that event covers whatever commits before the connection opens.
          context.userData().put(EventSocket.AFTER, after.get().toString());
          return CheckResult.permitUpgrade();
        }
        return blocking(streams::now).flatMap(now -> {
          context.userData().put(EventSocket.FROM, now.transaction() + ":" + now.sequence());
          return CheckResult.permitUpgrade();
        });
      });
    });
  }

  // The query parameter first: a browser's WebSocket cannot send the header.
  private static String resumePoint(HttpUpgradeContext context) {
    String parameter = context.httpRequest().getParam(RESUME_PARAMETER);
    return parameter != null ? parameter : context.httpRequest().getHeader("Last-Event-ID");
  }

  // The limiter answers asynchronously (local buckets at once, Redis without a waiting thread).
  private Uni<Optional<RateLimited>> admitted(UserId owner, String client) {
    AdmitRequestCommand command =
        new AdmitRequestCommand(Optional.of(owner.toString()), client, AdmitRequestCommand.Action.OTHER);
    return Uni.createFrom().completionStage(() -> admission.admit(command))
        .map(admittedWith -> Optional.<RateLimited>empty())
        .onFailure(EventSocketUpgradeCheck::isRefusal)
        .recoverWithItem(failure -> Optional.of(refusal(failure)));
  }

  private static boolean isRefusal(Throwable failure) {
    return refusal(failure) != null;
  }

  private static RateLimited refusal(Throwable failure) {
    Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
    return cause instanceof RateLimited refused ? refused : null;
  }

  // Ticket redemption talks to PostgreSQL: never on the event loop.
  private static <T> Uni<T> blocking(Supplier<T> work) {
    return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  // Verified with the parser bean (and its cache) that authenticates every REST request. Asking
  // for the upgrade's security identity instead lets Quarkus answer a bad token with its own 401
  // first; this check's 401 then meets a head already sent, and Mutiny logged that as an ERROR
  // with a 170-line stack trace for every such attempt, which anyone could repeat.
  private Optional<UserId> bearer(String authorization) {
    if (authorization == null || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    try {
      String subject = tokens.parse(authorization.substring(BEARER.length()).strip()).getSubject();
      return subject == null ? Optional.empty() : Optional.of(new UserId(UUID.fromString(subject)));
    } catch (ParseException | RuntimeException notAUsersToken) {
      return Optional.empty();
    }
  }
}
