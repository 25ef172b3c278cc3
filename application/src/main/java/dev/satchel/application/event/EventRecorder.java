package dev.satchel.application.event;

import dev.satchel.domain.event.Event;
import dev.satchel.domain.event.EventId;
import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.EventType;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the events of the use cases to the outbox, in the caller's transaction, with the payload
 * each type carries (API.md, "Events"): the ids of the resource and its fields clients show.
 * Times are kept to the millisecond, the precision every reader of the outbox gets back.
 */
public final class EventRecorder {
  private final EventOutbox outbox;
  private final IdGenerator ids;
  private final Clock clock;

  public EventRecorder(EventOutbox outbox, IdGenerator ids, Clock clock) {
    this.outbox = outbox;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code file.uploaded}: {@code file_id, filename, size, content_type}. */
  public void fileUploaded(FileMetadata file) {
    outbox.append(List.of(event(file.owner(), EventType.FILE_UPLOADED, fileData(file))));
  }

  /** {@code file.deleted}: {@code file_id, filename, size, content_type}. */
  public void fileDeleted(FileMetadata file) {
    outbox.append(List.of(event(file.owner(), EventType.FILE_DELETED, fileData(file))));
  }

  /** {@code share.created}: {@code share_id, file_id, expires_at}, and {@code max_downloads} when set. */
  public void shareCreated(ShareLink link) {
    Map<String, Object> data = shareData(link);
    data.put("expires_at", link.expiresAt().toString());
    link.maxDownloads().ifPresent(max -> data.put("max_downloads", max));
    outbox.append(List.of(event(link.owner(), EventType.SHARE_CREATED, data)));
  }

  /** {@code share.revoked}: {@code share_id, file_id}. */
  public void shareRevoked(ShareLink link) {
    outbox.append(List.of(event(link.owner(), EventType.SHARE_REVOKED, shareData(link))));
  }

  /**
   * One counted download of a limited link: {@code share.downloaded}, followed by
   * {@code share.exhausted} when it was the last one; both carry {@code share_id, file_id,
   * download_count}.
   *
   * @param counted the link with its count after this download
   */
  public void shareDownloaded(ShareLink counted) {
    List<Event> events = new ArrayList<>(2);
    events.add(event(counted.owner(), EventType.SHARE_DOWNLOADED, downloadData(counted, counted.downloadCount())));
    if (counted.maxDownloads().isPresent() && counted.downloadCount() >= counted.maxDownloads().getAsInt()) {
      events.add(event(counted.owner(), EventType.SHARE_EXHAUSTED, downloadData(counted, counted.downloadCount())));
    }
    outbox.append(events);
  }

  /**
   * Downloads of unlimited links stored in one batch: one {@code share.downloaded} per download,
   * numbered up to each link's stored count.
   *
   * @param counted the links with their counts after the batch
   * @param added how many downloads the batch added to each link
   */
  public void sharesDownloaded(List<ShareLink> counted, Map<ShareId, Long> added) {
    List<Event> events = new ArrayList<>();
    for (ShareLink link : counted) {
      long n = added.getOrDefault(link.id(), 0L);
      for (long i = n - 1; i >= 0; i--) {
        // A saturated count repeats its maximum rather than going below what was stored before.
        long count = Math.max(link.downloadCount() - i, 1);
        events.add(event(link.owner(), EventType.SHARE_DOWNLOADED, downloadData(link, count)));
      }
    }
    if (!events.isEmpty()) {
      outbox.append(events);
    }
  }

  private Event event(UserId owner, EventType type, Map<String, Object> data) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return new Event(new EventId(ids.newId()), owner, type, now, data);
  }

  private static Map<String, Object> fileData(FileMetadata file) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file_id", file.id().toString());
    data.put("filename", file.filename().value());
    data.put("size", file.size());
    data.put("content_type", file.contentType().value());
    return data;
  }

  private static Map<String, Object> shareData(ShareLink link) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("share_id", link.id().toString());
    data.put("file_id", link.fileId().toString());
    return data;
  }

  private static Map<String, Object> downloadData(ShareLink link, long count) {
    Map<String, Object> data = shareData(link);
    data.put("download_count", count);
    return data;
  }
}
