package dev.satchel.adapters.rest.file;

import static dev.satchel.adapters.rest.ApiResponses.BEARER;

import dev.satchel.adapters.rest.PublicAddress;
import dev.satchel.adapters.rest.auth.CurrentUser;
import dev.satchel.adapters.rest.content.ContentResponder;
import dev.satchel.adapters.rest.content.OffEventLoop;
import dev.satchel.application.file.DeleteFileUseCase;
import dev.satchel.application.file.GetFileUseCase;
import dev.satchel.application.file.SearchFilesUseCase;
import dev.satchel.application.file.UploadFileCommand;
import dev.satchel.application.file.UploadFileUseCase;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FilePage;
import dev.satchel.domain.file.FileQuery;
import dev.satchel.domain.file.PageCursor;
import dev.satchel.domain.file.SortField;
import dev.satchel.domain.file.SortOrder;
import dev.satchel.domain.file.TypeFilter;
import dev.satchel.domain.user.UserId;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own files: upload, list, search, metadata, bytes and deletion. */
@Path("/")
@Authenticated
@Tag(name = "Files")
@SecurityRequirement(name = BEARER)
public class FileResource {
  /** Room for multipart boundaries and part headers on top of the file itself. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  private final CurrentUser currentUser;
  private final UploadFileUseCase upload;
  private final GetFileUseCase getFile;
  private final SearchFilesUseCase search;
  private final DeleteFileUseCase delete;
  private final ContentResponder content;
  private final UploadLimits limits;
  private final UploadGate gate;
  private final PublicAddress address;

  public FileResource(CurrentUser currentUser, UploadFileUseCase upload, GetFileUseCase getFile,
      SearchFilesUseCase search, DeleteFileUseCase delete, ContentResponder content, UploadLimits limits,
      UploadGate gate, PublicAddress address) {
    this.currentUser = currentUser;
    this.upload = upload;
    this.getFile = getFile;
    this.search = search;
    this.delete = delete;
    this.content = content;
    this.limits = limits;
    this.gate = gate;
    this.address = address;
  }

  @POST
  @Path("upload")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "uploadFile", summary = "Upload a file (streamed to storage)")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
      schema = @Schema(implementation = UploadForm.class)))
  @APIResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location", ref = "Location"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadResponse.class)))
  @APIResponse(responseCode = "400",
      description = "No 'file' part, an unusable filename, or a body that ends before its closing delimiter")
  @APIResponse(responseCode = "408",
      description = "The body arrived too slowly: satchel.upload.read-timeout without a byte, or below min-rate")
  @APIResponse(responseCode = "413", description = "Larger than satchel.upload.max-size")
  @APIResponse(responseCode = "415", description = "Not multipart/form-data")
  @APIResponse(responseCode = "429",
      description = "Rate limit, or too many of the caller's uploads in flight; see Retry-After")
  @APIResponse(responseCode = "503",
      description = "Too many uploads in flight, or the database or storage unavailable; see Retry-After")
  @APIResponse(responseCode = "507", description = "Over the caller's storage quota, or storage full")
  // A virtual thread waits for the client's bytes, so slow uploads hold no worker thread that other
  // requests need; the gate bounds how long and how many wait.
  @RunOnVirtualThread
  public Response upload(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
      InputStream body) {
    long length = contentLength == null ? -1 : contentLength;
    if (length > limits.maxFileBytes() + MULTIPART_OVERHEAD) {
      throw new dev.satchel.domain.error.FileTooLarge(limits.maxFileBytes()); // refuse before reading
    }
    FileMetadata stored = gate.admit(currentUser.id(), body, paced -> {
      MultipartUploadReader.FilePart part = MultipartUploadReader.openFilePart(contentType, paced);
      try {
        return upload.upload(new UploadFileCommand(
            currentUser.id(), part.filename(), part.declaredType(), part.content(), OptionalLong.empty()));
      } catch (dev.satchel.domain.error.UploadIncomplete failure) {
        throw MultipartUploadReader.explain(failure);
      }
    });
    return Response.status(Response.Status.CREATED)
        .type(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.LOCATION, "/files/" + stored.id())
        .entity(UploadResponse.from(stored))
        .build();
  }

  @GET
  @Path("files")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "listFiles", summary = "List the caller's files, newest first")
  @APIResponse(responseCode = "200", description = "One page; a Link header with rel=\"next\" when more remain",
      headers = @Header(name = "Link", ref = "Link"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = FileResponse.class)))
  @APIResponse(responseCode = "400", description = "Bad limit or cursor")
  public Response list(
      @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
          minimum = "1", maximum = "1000", defaultValue = "50")) @QueryParam("limit") String limit,
      @Parameter(description = "Opaque cursor from a previous Link header") @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    FileQuery query = FileQuery.newestFirst(currentUser.id(),
        QueryParameters.limit(limit, FileQuery.DEFAULT_LIMIT), cursor(cursor));
    return page(search.search(query), uri);
  }

  @GET
  @Path("files/search")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "searchFiles", summary = "Search the caller's files; every given filter must match",
      description = "uploaded_after is inclusive and uploaded_before exclusive; a YYYY-MM-DD date means"
          + " the start of that day in UTC. min_size and max_size are inclusive. In name, % and _ are literal.")
  @APIResponse(responseCode = "200", description = "One page; a Link header with rel=\"next\" when more remain",
      headers = @Header(name = "Link", ref = "Link"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = FileResponse.class)))
  @APIResponse(responseCode = "400", description = "An unparsable filter; the problem names it in 'field'")
  public Response search(
      @Parameter(description = "Case-insensitive substring of the filename",
          schema = @Schema(type = SchemaType.STRING, maxLength = 255))
      @QueryParam("name") String name,
      @Parameter(description = "Extension (pdf), MIME type (application/pdf) or family (image/*)",
          schema = @Schema(type = SchemaType.STRING, maxLength = 255)) @QueryParam("type") String type,
      @Parameter(description = "Inclusive; a YYYY-MM-DD date is also accepted and means that day's start in UTC",
          schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("uploaded_after") String after,
      @Parameter(description = "Exclusive; a YYYY-MM-DD date is also accepted and means that day's start in UTC",
          schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("uploaded_before") String before,
      @Parameter(description = "Bytes, inclusive", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
          minimum = "0")) @QueryParam("min_size") String minSize,
      @Parameter(description = "Bytes, inclusive", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
          minimum = "0")) @QueryParam("max_size") String maxSize,
      @Parameter(description = "Sort key (default upload_date)", schema = @Schema(type = SchemaType.STRING,
          enumeration = {"upload_date", "name", "size"})) @QueryParam("sort") String sort,
      @Parameter(description = "Default desc for upload_date, asc otherwise", schema = @Schema(
          type = SchemaType.STRING, enumeration = {"asc", "desc"})) @QueryParam("order") String order,
      @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
          minimum = "1", maximum = "1000", defaultValue = "50")) @QueryParam("limit") String limit,
      @Parameter(description = "Opaque cursor from a previous Link header") @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    SortField sortField = sort == null || sort.isBlank() ? SortField.UPLOAD_DATE : SortField.parse(sort);
    SortOrder sortOrder = order == null || order.isBlank() ? sortField.defaultOrder() : SortOrder.parse(order);
    FileQuery query = new FileQuery(
        currentUser.id(),
        QueryParameters.text("name", name),
        QueryParameters.text("type", type).map(TypeFilter::parse),
        QueryParameters.instant("uploaded_after", after),
        QueryParameters.instant("uploaded_before", before),
        QueryParameters.nonNegativeLong("min_size", minSize),
        QueryParameters.nonNegativeLong("max_size", maxSize),
        sortField,
        sortOrder,
        QueryParameters.limit(limit, FileQuery.DEFAULT_LIMIT),
        cursor(cursor));
    return page(search.search(query), uri);
  }

  @GET
  @Path("files/{file_id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "getFile", summary = "Metadata of one of the caller's files")
  @APIResponse(responseCode = "200", description = "The file's metadata",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileResponse.class)))
  @APIResponse(responseCode = "400", description = "Malformed file id")
  @APIResponse(responseCode = "404", description = "No such file, or not the caller's")
  public FileResponse get(
      @Parameter(description = "The file's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
      @PathParam("file_id") String fileId) {
    return FileResponse.from(getFile.get(currentUser.id(), FileId.parse(fileId)));
  }

  @GET
  @Path("files/{file_id}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(operationId = "downloadFile",
      summary = "Download the file's bytes (Range and conditional requests, RFC 9110 §13 and §14)")
  @APIResponse(responseCode = "200", ref = "FileContent")
  @APIResponse(responseCode = "206", ref = "FileRange")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", description = "Malformed file id")
  @APIResponse(responseCode = "404", description = "No such file, or not the caller's")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "416", ref = "RangeNotSatisfiable")
  public Uni<Response> content(
      @Parameter(description = "The file's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
      @PathParam("file_id") String fileId, @Context HttpHeaders headers) {
    // On the event loop (a Uni): a file this replica holds in memory, stored plainly on its disk,
    // is answered here; anything that may wait goes to a worker (OffEventLoop).
    UserId caller = currentUser.id();
    FileId id = FileId.parse(fileId);
    Optional<Response> now = getFile.getWithoutWaiting(caller, id)
        .flatMap(file -> content.respondWithoutWaiting(file, headers, () -> { }, Map.of()));
    return now.map(answer -> Uni.createFrom().item(answer)).orElseGet(() -> OffEventLoop.answer(
        () -> content.respond(getFile.get(caller, id), headers, false, () -> { }, Map.of())));
  }

  @HEAD
  @Path("files/{file_id}/content")
  @Operation(operationId = "headFileContent", summary = "Headers of a download, without the bytes")
  @APIResponse(responseCode = "200", ref = "FileHeaders")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", description = "No such file, or not the caller's")
  @APIResponse(responseCode = "412", description = "If-Match or If-Unmodified-Since failed")
  public Response contentHead(
      @Parameter(description = "The file's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
      @PathParam("file_id") String fileId, @Context HttpHeaders headers) {
    FileMetadata file = getFile.get(currentUser.id(), FileId.parse(fileId));
    return content.respond(file, headers, true, () -> { }, Map.of());
  }

  @DELETE
  @Path("files/{file_id}")
  @Operation(operationId = "deleteFile", summary = "Delete a file; its share links then answer 410")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", description = "Malformed file id")
  @APIResponse(responseCode = "404", description = "No such file, or not the caller's")
  public Response delete(
      @Parameter(description = "The file's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
      @PathParam("file_id") String fileId) {
    delete.delete(currentUser.id(), FileId.parse(fileId));
    return Response.noContent().build();
  }

  private static Optional<PageCursor> cursor(String raw) {
    return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(PageCursor.decode(raw));
  }

  /**
   * One page, with the next page's address as a path-absolute reference (RFC 8288 §3 takes a
   * URI-reference): built from the Host header it echoed whatever host a client sent, and behind a
   * proxy it lost the client's scheme and port. The path of PUBLIC_BASE_URL prefixes it.
   */
  private Response page(FilePage page, UriInfo uri) {
    List<FileResponse> body = page.items().stream().map(FileResponse::from).toList();
    Response.ResponseBuilder answer = Response.ok(body, MediaType.APPLICATION_JSON);
    page.next().ifPresent(next -> {
      URI target = uri.getRequestUriBuilder().replaceQueryParam("cursor", next.encode()).build();
      answer.header("Link", "<" + address.pathOf(target.getRawPath()) + "?" + target.getRawQuery()
          + ">; rel=\"next\"");
    });
    return answer.build();
  }
}
