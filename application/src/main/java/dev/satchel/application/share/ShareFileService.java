package dev.satchel.application.share;

import dev.satchel.application.event.EventRecorder;
import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.share.ShareToken;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.Password;
import dev.satchel.domain.user.PasswordHasher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Creates a link with a fresh random token, storing only the token's hash. Whether the file is
 * live and the caller's is read from the database, never from a cache another replica may not
 * have cleared yet, and the file stays locked against deletion until the link is stored.
 */
public final class ShareFileService implements ShareFileUseCase {
  private final FileMetadataRepository files;
  private final ShareLinkRepository shares;
  private final PasswordHasher hasher;
  private final IdGenerator ids;
  private final SecureRandom random;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final SharePolicy policy;
  private final EventRecorder events;

  public ShareFileService(
      FileMetadataRepository files,
      ShareLinkRepository shares,
      PasswordHasher hasher,
      IdGenerator ids,
      SecureRandom random,
      Clock clock,
      TransactionBoundary tx,
      SharePolicy policy,
      EventRecorder events) {
    this.files = files;
    this.shares = shares;
    this.hasher = hasher;
    this.ids = ids;
    this.random = random;
    this.clock = clock;
    this.tx = tx;
    this.policy = policy;
    this.events = events;
  }

  @Override
  public CreatedShare share(ShareFileCommand command) {
    Duration ttl = lifetime(command);
    OptionalInt maxDownloads = command.maxDownloads();
    if (maxDownloads.isPresent() && maxDownloads.getAsInt() < 1) {
      throw new InvalidInput("max_downloads", "max_downloads must be at least 1.");
    }
    var passwordHash = command.password().map(p -> hasher.hash(Password.forHeader(p)));
    ShareToken token = ShareToken.random(random);
    Instant now = clock.instant();
    ShareLink link = new ShareLink(
        new ShareId(ids.newId()), command.fileId(), command.caller(), token.hash(),
        now, now.plus(ttl), maxDownloads, 0, passwordHash, Optional.empty());
    tx.inTransaction(() -> {
      files.findLiveLocked(command.fileId())
          .filter(file -> file.isOwnedBy(command.caller()))
          .orElseThrow(FileNotFound::new);
      shares.add(link);
      events.shareCreated(link);
    });
    return new CreatedShare(link, token);
  }

  private Duration lifetime(ShareFileCommand command) {
    if (command.expiresInSeconds().isEmpty()) {
      return policy.defaultTtl();
    }
    long seconds = command.expiresInSeconds().getAsLong();
    if (seconds <= 0 || seconds > policy.maxTtl().toSeconds()) {
      throw new InvalidInput(
          "expires_in", "expires_in must be between 1 and " + policy.maxTtl().toSeconds() + " seconds.");
    }
    return Duration.ofSeconds(seconds);
  }
}
