package dev.satchel.application.share;

import dev.satchel.application.event.EventRecorder;
import dev.satchel.application.file.LiveFileLookup;
import dev.satchel.application.security.AttemptLimiter;
import dev.satchel.application.security.ClientNetwork;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.ShareGone;
import dev.satchel.domain.error.ShareNotFound;
import dev.satchel.domain.error.SharePasswordRejected;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.share.ShareGrant;
import dev.satchel.domain.share.ShareGrants;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.share.ShareToken;
import dev.satchel.domain.share.ShareTokenHash;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.Password;
import dev.satchel.domain.user.PasswordHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves a public token to its file: unknown tokens are 404s; expired, revoked, exhausted links
 * and deleted files are gone; protected links need their password, with guessing throttled per
 * link and client network, or a grant sealed by an earlier right password for the same link.
 */
public final class OpenSharedFileService implements OpenSharedFileUseCase {
  /** How long a right password is remembered for one visitor (API.md, "Share links in a browser"). */
  static final Duration GRANT_LIFETIME = Duration.ofMinutes(15);

  private final ShareLinkRepository shares;
  private final FileMetadataRepository files;
  private final LiveFileLookup fileLookup;
  private final MetadataCache cache;
  private final PasswordHasher hasher;
  private final AttemptLimiter passwordLimiter;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final ShareGrants grants;
  private final DownloadTally tally;
  private final EventRecorder events;

  public OpenSharedFileService(
      ShareLinkRepository shares,
      FileMetadataRepository files,
      LiveFileLookup fileLookup,
      MetadataCache cache,
      PasswordHasher hasher,
      AttemptLimiter passwordLimiter,
      Clock clock,
      TransactionBoundary tx,
      ShareGrants grants,
      DownloadTally tally,
      EventRecorder events) {
    this.shares = shares;
    this.files = files;
    this.fileLookup = fileLookup;
    this.cache = cache;
    this.hasher = hasher;
    this.passwordLimiter = passwordLimiter;
    this.clock = clock;
    this.tx = tx;
    this.grants = grants;
    this.tally = tally;
    this.events = events;
  }

  @Override
  public SharedFile inspect(OpenShareCommand command) {
    ShareLink link = findLink(command.token()).orElseThrow(ShareNotFound::new);
    // A protected link tells nothing about its state or its file before the password is right.
    if (link.isPasswordProtected() && !granted(link, command)) {
      checkPassword(link, command);
    }
    link.unusableReason(clock.instant()).ifPresent(reason -> {
      throw new ShareGone(reason);
    });
    FileMetadata file = fileLookup.find(link.fileId()).orElseThrow(() -> new ShareGone(ShareGone.Reason.FILE_DELETED));
    return new SharedFile(link, file);
  }

  @Override
  public Optional<SharedFile> inspectWithoutWaiting(OpenShareCommand command) {
    Optional<ShareLink> link = hashOf(command.token()).flatMap(cache::shareInMemory)
        .filter(l -> !l.isPasswordProtected() && l.maxDownloads().isEmpty())
        .filter(l -> l.unusableReason(clock.instant()).isEmpty());
    return link.flatMap(l -> fileLookup.findInMemory(l.fileId()).map(file -> new SharedFile(l, file)));
  }

  @Override
  public UnlockedShare unlock(OpenShareCommand command) {
    SharedFile opened = inspect(new OpenShareCommand(command.token(), command.password(), command.clientAddress()));
    ShareGrant grant = new ShareGrant(opened.link().id(), clock.instant().plus(GRANT_LIFETIME));
    return new UnlockedShare(grants.seal(grant), GRANT_LIFETIME);
  }

  // A grant proves an earlier right password, so it also passes while the network is throttled.
  private boolean granted(ShareLink link, OpenShareCommand command) {
    Instant now = clock.instant();
    return command.grant().flatMap(grants::open).filter(grant -> grant.admits(link, now)).isPresent();
  }

  /**
   * Counts one download. A link with {@code max_downloads} is counted in the database, exactly,
   * with its {@code share.downloaded} (and last {@code share.exhausted}) event, before the bytes go out (its last download is granted once, cluster-wide). A link without a
   * limit takes no write here: {@link #inspect} already decided it is live (from the coherent
   * cache or the database), expiry is checked again at this instant, and the download is counted
   * in memory for {@link FlushDownloadCountsService}; a revocation that lands between the two
   * does not stop this one download, like one landing while the bytes stream.
   *
   * @throws ShareGone when the link ran out, expired, was revoked or its file was deleted
   */
  @Override
  public SharedFile claimDownload(SharedFile inspected) {
    ShareLink link = inspected.link();
    Instant now = clock.instant();
    if (link.maxDownloads().isEmpty()) {
      link.unusableReason(now).ifPresent(reason -> {
        throw new ShareGone(reason);
      });
      tally.record(link.id());
      return inspected;
    }
    Optional<ShareLink> claimed = tx.inTransaction(() -> {
      Optional<ShareLink> counted = shares.claimDownload(link.id(), now).filter(c -> !files.isDeleted(c.fileId()));
      counted.ifPresent(events::shareDownloaded);
      return counted;
    });
    if (claimed.isEmpty()) {
      cache.evictShare(link.tokenHash());
      throw new ShareGone(goneReason(link, now));
    }
    // Every count changes what the link shows (the page's downloads left), and the last one ends
    // it: no cache, on any replica, keeps the count it had before this download.
    cache.evictShare(link.tokenHash());
    return new SharedFile(claimed.get(), inspected.file());
  }

  private ShareGone.Reason goneReason(ShareLink known, Instant now) {
    if (tx.inTransaction(() -> files.isDeleted(known.fileId()))) {
      return ShareGone.Reason.FILE_DELETED;
    }
    return tx.inTransaction(() -> shares.findByTokenHash(known.tokenHash()))
        .flatMap(current -> current.unusableReason(now))
        .orElse(ShareGone.Reason.EXHAUSTED);
  }

  private static Optional<ShareTokenHash> hashOf(String rawToken) {
    try {
      return Optional.of(new ShareToken(rawToken).hash());
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private Optional<ShareLink> findLink(String rawToken) {
    return hashOf(rawToken).flatMap(this::findLink);
  }

  private Optional<ShareLink> findLink(ShareTokenHash hash) {
    Optional<ShareLink> cached = cache.share(hash);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<ShareLink> stored = tx.inTransaction(() -> shares.findByTokenHash(hash));
    stored.ifPresent(cache::putShare);
    return stored;
  }

  private void checkPassword(ShareLink link, OpenShareCommand command) {
    String key = "share:" + link.id() + "|" + ClientNetwork.of(command.clientAddress());
    String candidate = command.password().orElse("");
    if (candidate.length() > 4096) {
      throw new InvalidInput("X-Share-Password", "password is too long.");
    }
    if (candidate.isEmpty()) {
      throw SharePasswordRejected.missing(); // a first visit without the header is no guess
    }
    // Count first, then verify: parallel guesses cannot all see the same old count.
    passwordLimiter.acquire(key);
    boolean valid;
    try {
      valid = hasher.verify(Password.comparable(candidate), link.passwordHash().orElseThrow());
    } catch (RuntimeException noVerdict) {
      passwordLimiter.release(key);
      throw noVerdict;
    }
    if (!valid) {
      throw SharePasswordRejected.incorrect(); // the attempt stays counted as a failure
    }
    passwordLimiter.succeeded(key);
  }
}
