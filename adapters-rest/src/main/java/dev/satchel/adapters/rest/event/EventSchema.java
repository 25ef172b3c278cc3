package dev.satchel.adapters.rest.event;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The documented shape of one event, as {@link EventJson} writes it; never instantiated. */
@Schema(name = "Event", description = "One change of the caller's files or links; the data: field of each SSE"
    + " event and each WebSocket text frame")
record EventSchema(
    @Schema(required = true, format = "uuid", description = "Event id (UUIDv7); the SSE id and Last-Event-ID")
    String id,
    @Schema(required = true, enumeration = {"file.uploaded", "file.deleted", "share.created", "share.revoked",
        "share.downloaded", "share.exhausted"}) String type,
    @Schema(required = true, description = "When the change committed, RFC 3339 UTC") Instant occurredAt,
    @Schema(required = true, type = SchemaType.OBJECT, description = "file.uploaded, file.deleted: file_id, filename,"
        + " size, content_type. share.created: share_id, file_id, expires_at, max_downloads (when set)."
        + " share.revoked: share_id, file_id. share.downloaded, share.exhausted: share_id, file_id,"
        + " download_count (downloads of unlimited links are reported in batches about once a second).")
    Map<String, Object> data) {}
