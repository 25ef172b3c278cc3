package dev.satchel.bootstrap.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.satchel.adapters.rest.event.EventJson;
import dev.satchel.adapters.rest.event.EventStreamSettings;
import dev.satchel.adapters.rest.file.UploadLimits;
import dev.satchel.adapters.rest.PublicAddress;
import dev.satchel.application.event.EventFanOut;
import dev.satchel.application.event.EventRecorder;
import dev.satchel.application.event.EventTicketService;
import dev.satchel.application.file.DeleteFileService;
import dev.satchel.application.file.FileIntake;
import dev.satchel.application.file.DeleteFileUseCase;
import dev.satchel.application.file.GetFileService;
import dev.satchel.application.file.GetFileUseCase;
import dev.satchel.application.file.LiveFileLookup;
import dev.satchel.application.file.ReadFileContentService;
import dev.satchel.application.file.ReadFileContentUseCase;
import dev.satchel.application.file.SearchFilesService;
import dev.satchel.application.file.SearchFilesUseCase;
import dev.satchel.application.file.UploadFileService;
import dev.satchel.application.file.UploadFileUseCase;
import dev.satchel.application.file.UploadPolicy;
import dev.satchel.application.job.PurgeDeadSharesService;
import dev.satchel.application.upload.CreateUploadService;
import dev.satchel.application.upload.CreateUploadUseCase;
import dev.satchel.application.upload.ExpireUploadsService;
import dev.satchel.application.upload.ExpireUploadsUseCase;
import dev.satchel.application.upload.GetUploadService;
import dev.satchel.application.upload.GetUploadUseCase;
import dev.satchel.application.upload.PatchUploadService;
import dev.satchel.application.upload.PatchUploadUseCase;
import dev.satchel.application.upload.ResumablePolicy;
import dev.satchel.application.upload.TerminateUploadService;
import dev.satchel.application.upload.UploadLeases;
import dev.satchel.application.upload.TerminateUploadUseCase;
import dev.satchel.application.job.PurgeDeadSharesUseCase;
import dev.satchel.application.job.PurgeOldEventsService;
import dev.satchel.application.job.PurgeOldEventsUseCase;
import dev.satchel.application.job.SweepOrphanBlobsService;
import dev.satchel.application.job.SweepOrphanBlobsUseCase;
import dev.satchel.application.security.AdmitRequestService;
import dev.satchel.application.security.AdmitRequestUseCase;
import dev.satchel.application.security.AttemptLimiter;
import dev.satchel.application.security.RateLimits;
import dev.satchel.application.share.DownloadTally;
import dev.satchel.application.share.FlushDownloadCountsService;
import dev.satchel.application.share.FlushDownloadCountsUseCase;
import dev.satchel.application.share.ListSharesService;
import dev.satchel.application.share.ListSharesUseCase;
import dev.satchel.application.share.OpenSharedFileService;
import dev.satchel.application.share.OpenSharedFileUseCase;
import dev.satchel.application.share.RevokeShareService;
import dev.satchel.application.share.RevokeShareUseCase;
import dev.satchel.application.share.ShareFileService;
import dev.satchel.application.share.ShareFileUseCase;
import dev.satchel.application.share.SharePolicy;
import dev.satchel.application.user.LogInService;
import dev.satchel.application.user.LogInUseCase;
import dev.satchel.application.user.RegisterUserService;
import dev.satchel.application.user.RegisterUserUseCase;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.bootstrap.metrics.MeteredDownloads;
import dev.satchel.bootstrap.metrics.MeteredResumableUploads;
import dev.satchel.bootstrap.metrics.MeteredUploads;
import dev.satchel.bootstrap.metrics.RateLimitMetrics;
import dev.satchel.domain.auth.AttemptCounter;
import dev.satchel.domain.auth.TokenIssuer;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.EventTickets;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.file.MediaTypeDetector;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.share.ShareGrants;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.ratelimit.RateLimiter;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.UploadStaging;
import dev.satchel.domain.user.PasswordHasher;
import dev.satchel.domain.user.UserRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds every use-case service from its ports; the services themselves know nothing of CDI. */
public class UseCaseProducers {

  @Produces
  @Singleton
  RegisterUserUseCase registerUser(
      UserRepository users, PasswordHasher hasher, IdGenerator ids, Clock clock, TransactionBoundary tx) {
    return new RegisterUserService(users, hasher, ids, clock, tx);
  }

  @Produces
  @Singleton
  LogInUseCase logIn(UserRepository users, PasswordHasher hasher, TokenIssuer tokens, AttemptCounter counter,
      SatchelConfig config, TransactionBoundary tx, MeterRegistry metrics) {
    SatchelConfig.Login login = config.login();
    var perNetwork = limiter(counter, login, login.freeAttempts());
    var perAccount = limiter(counter, login, login.accountFreeAttempts());
    return new RateLimitMetrics(metrics).logIn(new LogInService(users, hasher, tokens, perNetwork, perAccount, tx));
  }

  @Produces
  @Singleton
  RateLimits rateLimits(SatchelConfig config) {
    SatchelConfig.RateLimit limits = config.rateLimit();
    return new RateLimits(
        policy("SATCHEL_RATE_LIMIT_AUTHENTICATED", limits.authenticated()),
        policy("SATCHEL_RATE_LIMIT_ANONYMOUS", limits.anonymous()),
        policy("SATCHEL_RATE_LIMIT_UPLOAD", limits.upload()),
        policy("SATCHEL_RATE_LIMIT_REGISTER", limits.register()));
  }

  private static Optional<RateLimitPolicy> policy(String variable, String value) {
    try {
      return RateLimitPolicy.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(variable + ": " + e.getMessage());
    }
  }

  @Produces
  @Singleton
  AdmitRequestUseCase admitRequest(RateLimiter limiter, RateLimits limits, MeterRegistry metrics) {
    return new RateLimitMetrics(metrics).admit(new AdmitRequestService(limiter, limits));
  }

  private static AttemptLimiter limiter(AttemptCounter counter, SatchelConfig.Login login, int freeAttempts) {
    return new AttemptLimiter(counter,
        new AttemptLimiter.Policy(freeAttempts, login.baseDelay(), login.maxDelay(), login.window()));
  }

  @Produces
  @Singleton
  LiveFileLookup liveFileLookup(FileMetadataRepository files, MetadataCache cache, TransactionBoundary tx) {
    return new LiveFileLookup(files, cache, tx);
  }

  /** The one path by which bytes become a file: POST /upload and finished resumable uploads. */
  @Produces
  @Singleton
  FileIntake fileIntake(BlobStorage blobs, FileMetadataRepository files, MediaTypeDetector detector,
      IdGenerator ids, Clock clock, TransactionBoundary tx, SatchelConfig config, EventRecorder events) {
    return new FileIntake(blobs, files, detector, ids, clock, tx, uploadPolicy(config), events);
  }

  @Produces
  @Singleton
  UploadFileUseCase uploadFile(FileIntake intake, MeterRegistry metrics) {
    return new MeteredUploads(new UploadFileService(intake), metrics);
  }

  @Produces
  @Singleton
  CreateUploadUseCase createUpload(ResumableUploadRepository uploads, UploadStaging staging, FileIntake intake,
      IdGenerator ids, Clock clock, TransactionBoundary tx, SatchelConfig config) {
    return new CreateUploadService(uploads, staging, intake, ids, clock, tx, resumablePolicy(config));
  }

  @Produces
  @Singleton
  PatchUploadUseCase patchUpload(ResumableUploadRepository uploads, UploadStaging staging, FileIntake intake,
      IdGenerator ids, Clock clock, TransactionBoundary tx, UploadLeases leases, MeterRegistry metrics) {
    return new MeteredResumableUploads(
        new PatchUploadService(uploads, staging, intake, ids, clock, tx, leases), metrics);
  }

  @Produces
  @Singleton
  GetUploadUseCase getUpload(ResumableUploadRepository uploads, Clock clock, TransactionBoundary tx) {
    return new GetUploadService(uploads, clock, tx);
  }

  @Produces
  @Singleton
  TerminateUploadUseCase terminateUpload(ResumableUploadRepository uploads, UploadStaging staging, IdGenerator ids,
      Clock clock, TransactionBoundary tx, UploadLeases leases) {
    return new TerminateUploadService(uploads, staging, ids, clock, tx, leases);
  }

  @Produces
  @Singleton
  ExpireUploadsUseCase expireUploads(ResumableUploadRepository uploads, UploadStaging staging, IdGenerator ids,
      Clock clock, TransactionBoundary tx, UploadLeases leases) {
    return new ExpireUploadsService(uploads, staging, ids, clock, tx, leases);
  }

  /** This replica's upload leases; {@code UploadLeaseKeeper} renews them. */
  @Produces
  @Singleton
  UploadLeases uploadLeases(ResumableUploadRepository uploads, TransactionBoundary tx, Clock clock, SatchelConfig config) {
    return new UploadLeases(uploads, tx, clock, config.upload().lease());
  }

  private static ResumablePolicy resumablePolicy(SatchelConfig config) {
    return new ResumablePolicy(config.upload().expiry());
  }

  @Produces
  @Singleton
  UploadLimits uploadLimits(SatchelConfig config) {
    return new UploadLimits(uploadPolicy(config).maxFileBytes());
  }

  private static UploadPolicy uploadPolicy(SatchelConfig config) {
    OptionalLong quota = config.upload().quota()
        .map(size -> OptionalLong.of(size.asLongValue()))
        .orElse(OptionalLong.empty());
    return new UploadPolicy(config.upload().maxSize().asLongValue(), quota);
  }

  @Produces
  @Singleton
  GetFileUseCase getFile(LiveFileLookup lookup) {
    return new GetFileService(lookup);
  }

  @Produces
  @Singleton
  ReadFileContentUseCase readFileContent(BlobStorage blobs, FileMetadataRepository files, MetadataCache cache,
      TransactionBoundary tx, MeterRegistry metrics) {
    return new MeteredDownloads(new ReadFileContentService(blobs, files, cache, tx), metrics);
  }

  @Produces
  @Singleton
  SearchFilesUseCase searchFiles(FileMetadataRepository files, TransactionBoundary tx) {
    return new SearchFilesService(files, tx);
  }

  @Produces
  @Singleton
  DeleteFileUseCase deleteFile(FileMetadataRepository files, ShareLinkRepository shares, BlobStorage blobs,
      MetadataCache cache, Clock clock, TransactionBoundary tx, EventRecorder events) {
    return new DeleteFileService(files, shares, blobs, cache, clock, tx, events);
  }

  @Produces
  @Singleton
  ShareFileUseCase shareFile(FileMetadataRepository files, ShareLinkRepository shares, PasswordHasher hasher,
      IdGenerator ids, SecureRandom random, Clock clock, TransactionBoundary tx, SatchelConfig config,
      EventRecorder events) {
    return new ShareFileService(files, shares, hasher, ids, random, clock, tx,
        new SharePolicy(config.share().defaultTtl(), config.share().maxTtl()), events);
  }

  @Produces
  @Singleton
  ListSharesUseCase listShares(LiveFileLookup lookup, ShareLinkRepository shares, TransactionBoundary tx) {
    return new ListSharesService(lookup, shares, tx);
  }

  @Produces
  @Singleton
  RevokeShareUseCase revokeShare(ShareLinkRepository shares, MetadataCache cache, Clock clock, TransactionBoundary tx,
      EventRecorder events) {
    return new RevokeShareService(shares, cache, clock, tx, events);
  }

  @Produces
  @Singleton
  OpenSharedFileUseCase openSharedFile(ShareLinkRepository shares, FileMetadataRepository files,
      LiveFileLookup lookup, MetadataCache cache, PasswordHasher hasher, AttemptCounter counter, Clock clock,
      TransactionBoundary tx, SatchelConfig config, MeterRegistry metrics, ShareGrants grants, DownloadTally tally,
      EventRecorder events) {
    SatchelConfig.Login login = config.login();
    // Link passwords are guessed like account passwords: the same delays, per link and network.
    var limiter = limiter(counter, login, login.freeAttempts());
    return new RateLimitMetrics(metrics).openShared(
        new OpenSharedFileService(shares, files, lookup, cache, hasher, limiter, clock, tx, grants, tally, events));
  }

  /** This replica's unstored downloads of unlimited links (one per replica, flushed by DownloadCountFlush). */
  @Produces
  @Singleton
  DownloadTally downloadTally(SatchelConfig config) {
    return new DownloadTally(config.jobs().downloadTallyMaxLinks());
  }

  @Produces
  @Singleton
  FlushDownloadCountsUseCase flushDownloadCounts(DownloadTally tally, ShareLinkRepository shares,
      TransactionBoundary tx, EventRecorder events) {
    return new FlushDownloadCountsService(tally, shares, tx, events);
  }

  @Produces
  @Singleton
  PublicAddress publicAddress(SatchelConfig config) {
    try {
      return PublicAddress.of(config.publicBaseUrl());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  @Produces
  @Singleton
  PurgeDeadSharesUseCase purgeDeadShares(ShareLinkRepository shares, FileMetadataRepository files, Clock clock,
      SatchelConfig config, TransactionBoundary tx) {
    return new PurgeDeadSharesService(shares, files, clock, config.share().purgeGrace(), tx);
  }

  @Produces
  @Singleton
  EventRecorder eventRecorder(EventOutbox outbox, IdGenerator ids, Clock clock) {
    return new EventRecorder(outbox, ids, clock);
  }

  @Produces
  @Singleton
  PurgeOldEventsUseCase purgeOldEvents(EventOutbox outbox, EventTickets tickets, Clock clock, SatchelConfig config,
      TransactionBoundary tx) {
    return new PurgeOldEventsService(outbox, tickets, clock, config.events().retention(), tx);
  }

  /** This replica's live event consumers (also the StreamEventsUseCase); EventRelay wakes it. */
  @Produces
  @Singleton
  EventFanOut eventFanOut(EventOutbox outbox, SatchelConfig config) {
    return new EventFanOut(outbox, config.events().buffer(), config.events().replayPatience());
  }

  @Produces
  @Singleton
  EventTicketService eventTickets(EventTickets tickets, SecureRandom random, Clock clock, TransactionBoundary tx) {
    return new EventTicketService(tickets, random, clock, tx);
  }

  @Produces
  @Singleton
  EventStreamSettings eventStreamSettings(SatchelConfig config) {
    return new EventStreamSettings(config.events().heartbeat(), config.events().buffer());
  }

  @Produces
  @Singleton
  EventJson eventJson(ObjectMapper mapper) {
    return new EventJson(mapper);
  }

  @Produces
  @Singleton
  SweepOrphanBlobsUseCase sweepOrphanBlobs(BlobStorage blobs, FileMetadataRepository files, Clock clock,
      SatchelConfig config, TransactionBoundary tx) {
    // A live upload touches its temp file at least once per read timeout; a minute more covers
    // the final sync of a large file.
    Duration abandonedWriteAge = config.upload().readTimeout().plus(Duration.ofMinutes(1));
    return new SweepOrphanBlobsService(blobs, files, clock, config.jobs().sweepSafetyWindow(), tx, abandonedWriteAge);
  }
}
