package dev.satchel.bootstrap.cluster;

import dev.satchel.application.event.EventRecorder;
import dev.satchel.application.file.DeleteFileService;
import dev.satchel.application.file.GetFileService;
import dev.satchel.application.file.LiveFileLookup;
import dev.satchel.application.file.ReadFileContentService;
import dev.satchel.application.security.AttemptLimiter;
import dev.satchel.application.share.ListSharesService;
import dev.satchel.application.share.DownloadTally;
import dev.satchel.application.share.OpenShareCommand;
import dev.satchel.application.share.OpenSharedFileService;
import dev.satchel.application.share.RevokeShareService;
import dev.satchel.application.share.ShareFileService;
import dev.satchel.application.share.SharePolicy;
import dev.satchel.domain.auth.AttemptCounter;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.share.ShareGrants;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.PasswordHasher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A second Satchel replica inside the test: the real use-case services over the real PostgreSQL
 * repositories and the same blob directory as the application under test, but with a metadata
 * cache of its own, so it holds its own (possibly stale) copies exactly as another pod would.
 */
final class SecondReplica {
  final MetadataCache cache;
  final GetFileService getFile;
  final ReadFileContentService readContent;
  final ShareFileService shareFile;
  final ListSharesService listShares;
  final DeleteFileService deleteFile;
  final RevokeShareService revokeShare;
  final OpenSharedFileService openShared;

  record Ports(FileMetadataRepository files, ShareLinkRepository shares, BlobStorage blobs, TransactionBoundary tx,
      PasswordHasher hasher, IdGenerator ids, Clock clock, AttemptCounter attempts, ShareGrants grants,
      EventRecorder events) {}

  SecondReplica(Ports ports, MetadataCache cache) {
    this.cache = cache;
    LiveFileLookup lookup = new LiveFileLookup(ports.files(), cache, ports.tx());
    getFile = new GetFileService(lookup);
    readContent = new ReadFileContentService(ports.blobs(), ports.files(), cache, ports.tx());
    shareFile = new ShareFileService(ports.files(), ports.shares(), ports.hasher(), ports.ids(), new SecureRandom(),
        ports.clock(), ports.tx(), new SharePolicy(Duration.ofDays(7), Duration.ofDays(30)), ports.events());
    listShares = new ListSharesService(lookup, ports.shares(), ports.tx());
    deleteFile = new DeleteFileService(ports.files(), ports.shares(), ports.blobs(), cache, ports.clock(), ports.tx(),
        ports.events());
    revokeShare = new RevokeShareService(ports.shares(), cache, ports.clock(), ports.tx(), ports.events());
    openShared = new OpenSharedFileService(ports.shares(), ports.files(), lookup, cache, ports.hasher(),
        new AttemptLimiter(ports.attempts(),
            new AttemptLimiter.Policy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(15))),
        ports.clock(), ports.tx(), ports.grants(), new DownloadTally(1_000), ports.events());
  }

  static OpenShareCommand visit(String token) {
    return new OpenShareCommand(token, Optional.empty(), "203.0.113.20");
  }
}
