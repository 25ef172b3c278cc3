package dev.satchel.adapters.rest.upload;

import static dev.satchel.adapters.rest.ApiResponses.BEARER;

import dev.satchel.adapters.rest.PublicAddress;
import dev.satchel.adapters.rest.auth.CurrentUser;
import dev.satchel.adapters.rest.content.HttpDate;
import dev.satchel.adapters.rest.file.UploadGate;
import dev.satchel.adapters.rest.file.UploadLimits;
import dev.satchel.application.upload.CreateUploadCommand;
import dev.satchel.application.upload.CreateUploadUseCase;
import dev.satchel.application.upload.GetUploadUseCase;
import dev.satchel.application.upload.PatchUploadCommand;
import dev.satchel.application.upload.PatchUploadUseCase;
import dev.satchel.application.upload.TerminateUploadUseCase;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.user.UserId;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Resumable uploads over tus 1.0.0 (https://tus.io/protocols/resumable-upload) with the creation,
 * creation-with-upload, expiration, checksum (sha256) and termination extensions. PATCH bodies pass
 * the same gate as {@code POST /upload} (slots per user and overall, pacing, virtual threads).
 */
@Path("/uploads")
@Authenticated
@Tag(name = "Resumable uploads", description = "tus 1.0.0: create, HEAD for the offset, PATCH the bytes from there")
@SecurityRequirement(name = BEARER)
public class UploadResource {
  static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
  static final String EXTENSIONS = "creation,creation-with-upload,expiration,checksum,termination";
  static final String SATCHEL_FILE_ID = "Satchel-File-Id";
  static final String UPLOAD_EXPIRES = "Upload-Expires";
  private static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

  private final CurrentUser currentUser;
  private final CreateUploadUseCase create;
  private final PatchUploadUseCase patch;
  private final GetUploadUseCase get;
  private final TerminateUploadUseCase terminate;
  private final UploadGate gate;
  private final UploadLimits limits;
  private final PublicAddress address;

  public UploadResource(CurrentUser currentUser, CreateUploadUseCase create, PatchUploadUseCase patch,
      GetUploadUseCase get, TerminateUploadUseCase terminate, UploadGate gate, UploadLimits limits,
      PublicAddress address) {
    this.currentUser = currentUser;
    this.create = create;
    this.patch = patch;
    this.get = get;
    this.terminate = terminate;
    this.gate = gate;
    this.limits = limits;
    this.address = address;
  }

  @OPTIONS
  @PermitAll
  @SecurityRequirements // none: tus clients ask before they have a token
  @Operation(operationId = "uploadCapabilities", summary = "What this tus server supports (no authentication)")
  @APIResponse(responseCode = "204", description = "The capabilities, in headers", headers = {
      @Header(name = "Tus-Version", description = "Protocol versions spoken", schema = @Schema(type = SchemaType.STRING,
          example = "1.0.0")),
      @Header(name = "Tus-Extension", description = "Extensions supported", schema = @Schema(type = SchemaType.STRING,
          example = EXTENSIONS)),
      @Header(name = "Tus-Max-Size", description = "Largest Upload-Length accepted, in bytes (satchel.upload.max-size)",
          schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
      @Header(name = "Tus-Checksum-Algorithm", description = "Algorithms for Upload-Checksum",
          schema = @Schema(type = SchemaType.STRING, example = "sha256")),
      @Header(name = "Tus-Resumable", ref = "Tus-Resumable")})
  public Response capabilities() {
    return Response.noContent()
        .header(TusProtocolFilter.TUS_VERSION, TusProtocolFilter.VERSION)
        .header("Tus-Extension", EXTENSIONS)
        .header("Tus-Max-Size", limits.maxFileBytes())
        .header("Tus-Checksum-Algorithm", "sha256")
        .build();
  }

  @OPTIONS
  @Path("{upload_id}")
  @PermitAll
  @SecurityRequirements
  @Operation(operationId = "uploadCapabilitiesAtUpload", summary = "The same capabilities, asked at an upload's URL")
  @APIResponse(responseCode = "204", description = "The capabilities, in headers (as for OPTIONS /uploads)",
      headers = @Header(name = "Tus-Resumable", ref = "Tus-Resumable"))
  public Response capabilitiesAtUpload(@PathParam("upload_id") String uploadId) {
    return capabilities();
  }

  @POST
  @Operation(operationId = "createUpload", summary = "Start a resumable upload (tus creation, creation-with-upload)",
      description = "Size and quota are checked here, before any byte is sent. A body with Content-Type "
          + "application/offset+octet-stream is the upload's first bytes; an empty upload (Upload-Length: 0) "
          + "is a file at once.")
  @RequestBody(required = false, content = @Content(mediaType = OFFSET_OCTET_STREAM,
      schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "201", description = "Created; Location is the upload's URL", headers = {
      @Header(name = "Location", description = "The upload's URL as a path-absolute reference (RFC 3986 §4.2, "
          + "allowed by tus 1.0.0 and RFC 9110 §10.2.2): /uploads/{upload_id}, under the path of PUBLIC_BASE_URL "
          + "when it has one. The client resolves it against the URL it posted to, so scheme, host and port are "
          + "the ones it used, behind any proxy", schema = @Schema(type = SchemaType.STRING, format = "uri-reference",
          example = "/uploads/0b6c3f8e-3f0a-4c51-9d0e-6f1f5b0c2a11")),
      @Header(name = "Upload-Offset", ref = "Upload-Offset"),
      @Header(name = UPLOAD_EXPIRES, ref = UPLOAD_EXPIRES),
      @Header(name = SATCHEL_FILE_ID, ref = SATCHEL_FILE_ID),
      @Header(name = "Tus-Resumable", ref = "Tus-Resumable")})
  @APIResponse(responseCode = "400", description = "Missing or malformed Upload-Length, Upload-Metadata or Upload-Checksum,"
      + " or Upload-Concat (concatenation is not supported: tus-extension-unsupported)")
  @APIResponse(responseCode = "412", description = "Tus-Resumable missing or not 1.0.0; Tus-Version lists what is spoken")
  @APIResponse(responseCode = "413", description = "Upload-Length over satchel.upload.max-size (Tus-Max-Size)")
  @APIResponse(responseCode = "415", description = "A body whose Content-Type is not application/offset+octet-stream; "
      + "no upload is created")
  @APIResponse(responseCode = "460", description = "The first bytes do not match Upload-Checksum")
  @APIResponse(responseCode = "507", description = "Over the caller's storage quota, or storage full")
  @RunOnVirtualThread
  public Response create(
      @Parameter(description = "tus protocol version; must be 1.0.0", required = true)
      @HeaderParam(TusProtocolFilter.TUS_RESUMABLE) String tusResumable,
      @Parameter(description = "The upload's total size in bytes", required = true,
          schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
      @HeaderParam(TusHeaders.UPLOAD_LENGTH) String uploadLength,
      @Parameter(description = "Comma-separated 'key base64(value)' pairs; filename and filetype are used")
      @HeaderParam(TusHeaders.UPLOAD_METADATA) String uploadMetadata,
      @Parameter(description = "sha256 <base64 digest> of the first bytes sent with the creation")
      @HeaderParam(TusHeaders.UPLOAD_CHECKSUM) String uploadChecksum,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      @HeaderParam("Transfer-Encoding") String transferEncoding,
      InputStream body) {
    if (carriesBody(contentLength, transferEncoding) && !isOffsetStream(contentType)) {
      // Bytes of any other type are no upload data (tus 1.0.0 creation-with-upload): dropping them
      // would leave the client believing they were stored, so nothing is created.
      throw new NotSupportedException();
    }
    long length = TusHeaders.uploadLength(uploadLength);
    Map<String, String> metadata = TusHeaders.metadata(uploadMetadata);
    Optional<byte[]> checksum = TusHeaders.sha256(uploadChecksum);
    UserId user = currentUser.id();
    ResumableUpload upload = create.create(new CreateUploadCommand(user, length,
        first(metadata, "filename", "name"), TusHeaders.filetype(first(metadata, "filetype", "type"))));
    if (isOffsetStream(contentType) && !upload.isComplete()) {
      upload = appendOrTerminate(user, upload.id(), checksum, body);
    }
    // Relative on purpose: a URL built from the request's Host loses the client's scheme and port
    // behind a proxy, and one built from PUBLIC_BASE_URL is wrong for clients that reach a replica
    // directly. Set as a raw header because Response.created() would make it absolute again.
    Response.ResponseBuilder created = Response.status(Response.Status.CREATED)
        .header(HttpHeaders.LOCATION, address.pathOf("/uploads/" + upload.id()));
    if (isOffsetStream(contentType)) {
      created.header(TusHeaders.UPLOAD_OFFSET, upload.offset());
    }
    return progress(created, upload).build();
  }

  @HEAD
  @Path("{upload_id}")
  @Operation(operationId = "getUploadOffset", summary = "How many bytes of the upload are durably stored")
  @APIResponse(responseCode = "200", description = "The upload's state, in headers", headers = {
      @Header(name = "Upload-Offset", ref = "Upload-Offset"),
      @Header(name = "Upload-Length", description = "The upload's total size in bytes",
          schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
      @Header(name = "Upload-Metadata", description = "filename and filetype as received, base64"),
      @Header(name = UPLOAD_EXPIRES, ref = UPLOAD_EXPIRES),
      @Header(name = SATCHEL_FILE_ID, ref = SATCHEL_FILE_ID),
      @Header(name = "Tus-Resumable", ref = "Tus-Resumable")})
  @APIResponse(responseCode = "404", description = "No such upload of the caller: unknown, another user's, expired or terminated")
  @APIResponse(responseCode = "412", description = "Tus-Resumable missing or not 1.0.0")
  public Response status(
      @Parameter(description = "tus protocol version; must be 1.0.0", required = true)
      @HeaderParam(TusProtocolFilter.TUS_RESUMABLE) String tusResumable,
      @PathParam("upload_id") String uploadId) {
    ResumableUpload upload = get.get(currentUser.id(), UploadId.parse(uploadId));
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("filename", upload.filename().value());
    upload.filetype().ifPresent(type -> metadata.put("filetype", type));
    return progress(Response.ok(), upload)
        .header(TusHeaders.UPLOAD_OFFSET, upload.offset())
        .header("Upload-Length", upload.length())
        .header(TusHeaders.UPLOAD_METADATA, TusHeaders.encodeMetadata(metadata))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @PATCH
  @Path("{upload_id}")
  @Consumes(OFFSET_OCTET_STREAM)
  @Operation(operationId = "appendToUpload", summary = "Send bytes from the upload's current offset",
      description = "The answer's Upload-Offset counts only durably stored bytes. The last byte makes the upload a "
          + "file, exactly as POST /upload does, and the answer carries Satchel-File-Id. Only one PATCH of an upload "
          + "runs at a time: another one at the same time answers 409.")
  @RequestBody(required = true, content = @Content(mediaType = OFFSET_OCTET_STREAM,
      schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "204", description = "Stored", headers = {
      @Header(name = "Upload-Offset", ref = "Upload-Offset"),
      @Header(name = UPLOAD_EXPIRES, ref = UPLOAD_EXPIRES),
      @Header(name = SATCHEL_FILE_ID, ref = SATCHEL_FILE_ID),
      @Header(name = "Tus-Resumable", ref = "Tus-Resumable")})
  @APIResponse(responseCode = "400", description = "Missing or malformed Upload-Offset or Upload-Checksum, "
      + "a body past Upload-Length, a body that ended early (the bytes before are kept), or Upload-Concat")
  @APIResponse(responseCode = "404", description = "No such upload of the caller: unknown, another user's, expired or terminated")
  @APIResponse(responseCode = "408", description = "The body arrived too slowly; the bytes before are kept")
  @APIResponse(responseCode = "409", description = "Upload-Offset is not the upload's offset (the answer's "
      + "Upload-Offset is), or another request is writing to the upload")
  @APIResponse(responseCode = "412", description = "Tus-Resumable missing or not 1.0.0")
  @APIResponse(responseCode = "460", description = "The body does not match Upload-Checksum; the offset is unchanged")
  @APIResponse(responseCode = "507", description = "The finished file is over the caller's quota (the upload is "
      + "removed), or storage full")
  @RunOnVirtualThread
  public Response append(
      @Parameter(description = "tus protocol version; must be 1.0.0", required = true)
      @HeaderParam(TusProtocolFilter.TUS_RESUMABLE) String tusResumable,
      @PathParam("upload_id") String uploadId,
      @Parameter(description = "Where the body starts; must be the upload's current offset", required = true,
          schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
      @HeaderParam(TusHeaders.UPLOAD_OFFSET) String uploadOffset,
      @Parameter(description = "sha256 <base64 digest> of this body (tus checksum extension)")
      @HeaderParam(TusHeaders.UPLOAD_CHECKSUM) String uploadChecksum,
      InputStream body) {
    UploadId id = UploadId.parse(uploadId);
    long offset = TusHeaders.uploadOffset(uploadOffset);
    Optional<byte[]> checksum = TusHeaders.sha256(uploadChecksum);
    ResumableUpload upload = append(currentUser.id(), id, offset, checksum, body);
    return progress(Response.noContent(), upload).header(TusHeaders.UPLOAD_OFFSET, upload.offset()).build();
  }

  @DELETE
  @Path("{upload_id}")
  @Operation(operationId = "terminateUpload", summary = "Stop an upload and remove its stored bytes (tus termination)",
      description = "A finished upload's file stays; only the upload is forgotten.")
  @APIResponse(responseCode = "204", description = "Terminated",
      headers = @Header(name = "Tus-Resumable", ref = "Tus-Resumable"))
  @APIResponse(responseCode = "404", description = "No such upload of the caller")
  @APIResponse(responseCode = "409", description = "A PATCH is writing to the upload right now")
  @APIResponse(responseCode = "412", description = "Tus-Resumable missing or not 1.0.0")
  public Response terminate(
      @Parameter(description = "tus protocol version; must be 1.0.0", required = true)
      @HeaderParam(TusProtocolFilter.TUS_RESUMABLE) String tusResumable,
      @PathParam("upload_id") String uploadId) {
    terminate.terminate(currentUser.id(), UploadId.parse(uploadId));
    return Response.noContent().build();
  }

  @POST
  @Path("{upload_id}")
  @Operation(operationId = "overrideUploadMethod", summary = "PATCH or DELETE for clients that cannot send them",
      description = "tus 1.0.0 core: X-HTTP-Method-Override names the method meant (PATCH or DELETE), which is then "
          + "answered exactly as that method is.")
  @RequestBody(required = false, content = @Content(mediaType = OFFSET_OCTET_STREAM,
      schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "204", description = "As for PATCH or DELETE", headers = {
      @Header(name = "Upload-Offset", ref = "Upload-Offset"),
      @Header(name = UPLOAD_EXPIRES, ref = UPLOAD_EXPIRES),
      @Header(name = SATCHEL_FILE_ID, ref = SATCHEL_FILE_ID),
      @Header(name = "Tus-Resumable", ref = "Tus-Resumable")})
  @APIResponse(responseCode = "404", description = "No such upload of the caller")
  @APIResponse(responseCode = "409", description = "As for PATCH or DELETE")
  @APIResponse(responseCode = "412", description = "Tus-Resumable missing or not 1.0.0")
  @APIResponse(responseCode = "460", description = "As for PATCH")
  @RunOnVirtualThread
  public Response override(
      @Parameter(description = "tus protocol version; must be 1.0.0", required = true)
      @HeaderParam(TusProtocolFilter.TUS_RESUMABLE) String tusResumable,
      @Parameter(description = "PATCH or DELETE", required = true,
          schema = @Schema(type = SchemaType.STRING, enumeration = {"PATCH", "DELETE"}))
      @HeaderParam(METHOD_OVERRIDE) String method,
      @PathParam("upload_id") String uploadId,
      @Parameter(description = "As for PATCH") @HeaderParam(TusHeaders.UPLOAD_OFFSET) String uploadOffset,
      @Parameter(description = "As for PATCH") @HeaderParam(TusHeaders.UPLOAD_CHECKSUM) String uploadChecksum,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    String meant = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
    return switch (meant) {
      case "PATCH" -> {
        if (!isOffsetStream(contentType)) {
          throw new NotSupportedException();
        }
        yield append(tusResumable, uploadId, uploadOffset, uploadChecksum, body);
      }
      case "DELETE" -> terminate(tusResumable, uploadId);
      default -> throw new InvalidInput(METHOD_OVERRIDE, "X-HTTP-Method-Override must be PATCH or DELETE.");
    };
  }

  /**
   * The first bytes of a creation-with-upload. When they are refused (a checksum mismatch, more
   * bytes than announced, a broken body) the answer carries no Location, so the client could never
   * resume or terminate the upload: it is terminated here rather than left counting against the
   * caller's quota until it expires.
   */
  private ResumableUpload appendOrTerminate(UserId user, UploadId id, Optional<byte[]> checksum, InputStream body) {
    try {
      return append(user, id, 0, checksum, body);
    } catch (RuntimeException refused) {
      try {
        terminate.terminate(user, id);
      } catch (RuntimeException alsoFailed) {
        refused.addSuppressed(alsoFailed); // it expires with the others
      }
      throw refused;
    }
  }

  private ResumableUpload append(UserId user, UploadId id, long offset, Optional<byte[]> checksum, InputStream body) {
    return gate.admit(user, body, paced -> patch.patch(new PatchUploadCommand(user, id, offset, paced, checksum)));
  }

  /** Upload-Expires while the upload is unfinished (tus expiration), Satchel-File-Id once it is a file. */
  private static Response.ResponseBuilder progress(Response.ResponseBuilder answer, ResumableUpload upload) {
    if (upload.isComplete()) {
      return answer.header(SATCHEL_FILE_ID, upload.file().get().toString());
    }
    return answer.header(UPLOAD_EXPIRES, HttpDate.format(upload.expiresAt()));
  }

  /** True when the request has content (RFC 9112 §6.3): chunked, or a Content-Length above zero. */
  private static boolean carriesBody(String contentLength, String transferEncoding) {
    if (transferEncoding != null) {
      return true;
    }
    try {
      return contentLength != null && Long.parseLong(contentLength.strip()) > 0;
    } catch (NumberFormatException unreadable) {
      return true; // Vert.x refuses malformed lengths first; were one to pass, assume content
    }
  }

  private static boolean isOffsetStream(String contentType) {
    return contentType != null
        && contentType.split(";", 2)[0].strip().equalsIgnoreCase(OFFSET_OCTET_STREAM);
  }

  private static Optional<String> first(Map<String, String> metadata, String key, String fallback) {
    return Optional.ofNullable(metadata.get(key)).or(() -> Optional.ofNullable(metadata.get(fallback)))
        .filter(value -> !value.isBlank());
  }
}
