package dev.satchel.adapters.rest.file;

import static dev.satchel.adapters.rest.ApiResponses.BEARER;
import static dev.satchel.adapters.rest.ApiResponses.PROBLEM;

import dev.satchel.adapters.rest.auth.CurrentUser;
import dev.satchel.adapters.rest.content.ContentResponder;
import dev.satchel.adapters.rest.problem.Problem;
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
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
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
@APIResponse(responseCode = "401", description = "Missing, malformed, expired or invalid bearer token",
    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Metadata store or blob store temporarily unavailable",
    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
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

  public FileResource(CurrentUser currentUser, UploadFileUseCase upload, GetFileUseCase getFile,
      SearchFilesUseCase search, DeleteFileUseCase delete, ContentResponder content, UploadLimits limits,
      UploadGate gate) {
    this.currentUser = currentUser;
    this.upload = upload;
    this.getFile = getFile;
    this.search = search;
    this.delete = delete;
    this.content = content;
    this.limits = limits;
    this.gate = gate;
  }

  @POST
  @Path("upload")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Upload a file (streamed to storage)")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
      schema = @Schema(implementation = UploadForm.class)))
  @APIResponse(responseCode = "201", description = "Stored",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadResponse.class)))
  @APIResponse(responseCode = "400", description = "No 'file' part, unusable filename, or a broken body",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "413", description = "Larger than satchel.upload.max-size",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "415", description = "Not multipart/form-data",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "507", description = "Over the caller's storage quota, or the storage is full",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "408", description = "The body arrived too slowly (satchel.upload.read-timeout, min-rate)",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "429", description = "The caller already runs satchel.upload.max-concurrent-per-user uploads",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"),
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
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
      return upload.upload(new UploadFileCommand(
          currentUser.id(), part.filename(), part.declaredType(), part.content(), OptionalLong.empty()));
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
  @Operation(summary = "List the caller's files, newest first")
  @APIResponse(responseCode = "200", description = "One page; a Link header with rel=\"next\" when more remain",
      headers = @Header(name = "Link", description = "RFC 8288 link to the next page"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = FileResponse.class)))
  @APIResponse(responseCode = "400", description = "Bad limit or cursor",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  public Response list(
      @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
      @Parameter(description = "Opaque cursor from a previous Link header") @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    FileQuery query = FileQuery.newestFirst(currentUser.id(),
        QueryParameters.limit(limit, FileQuery.DEFAULT_LIMIT), cursor(cursor));
    return page(search.search(query), uri);
  }

  @GET
  @Path("files/search")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Search the caller's files; every given filter must match",
      description = "uploaded_after is inclusive and uploaded_before exclusive; a YYYY-MM-DD date means"
          + " the start of that day in UTC. min_size and max_size are inclusive. In name, % and _ are literal.")
  @APIResponse(responseCode = "200", description = "One page; a Link header with rel=\"next\" when more remain",
      headers = @Header(name = "Link", description = "RFC 8288 link to the next page"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = FileResponse.class)))
  @APIResponse(responseCode = "400", description = "An unparsable filter; the problem names it in 'field'",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  public Response search(
      @Parameter(description = "Case-insensitive substring of the filename") @QueryParam("name") String name,
      @Parameter(description = "Extension (pdf), MIME type (application/pdf) or family (image/*)") @QueryParam("type") String type,
      @Parameter(description = "RFC 3339 timestamp or YYYY-MM-DD, inclusive") @QueryParam("uploaded_after") String after,
      @Parameter(description = "RFC 3339 timestamp or YYYY-MM-DD, exclusive") @QueryParam("uploaded_before") String before,
      @Parameter(description = "Bytes, inclusive") @QueryParam("min_size") String minSize,
      @Parameter(description = "Bytes, inclusive") @QueryParam("max_size") String maxSize,
      @Parameter(description = "upload_date (default), name or size") @QueryParam("sort") String sort,
      @Parameter(description = "asc or desc; default desc for upload_date, asc otherwise") @QueryParam("order") String order,
      @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
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
  @Operation(summary = "Metadata of one of the caller's files")
  @APIResponse(responseCode = "200", description = "The file's metadata",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileResponse.class)))
  @APIResponse(responseCode = "400", description = "Malformed file id",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such file, or not the caller's",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  public FileResponse get(@PathParam("file_id") String fileId) {
    return FileResponse.from(getFile.get(currentUser.id(), FileId.parse(fileId)));
  }

  @GET
  @Path("files/{file_id}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download the file's bytes (Range and If-None-Match supported)")
  @APIResponse(responseCode = "200", description = "The whole file")
  @APIResponse(responseCode = "206", description = "The requested byte range")
  @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag")
  @APIResponse(responseCode = "400", description = "Malformed file id",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such file, or not the caller's",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "416", description = "The range lies beyond the end of the file")
  public Response content(@PathParam("file_id") String fileId, @Context HttpHeaders headers) {
    FileMetadata file = getFile.get(currentUser.id(), FileId.parse(fileId));
    return content.respond(file, headers, false, () -> { }, Map.of());
  }

  @HEAD
  @Path("files/{file_id}/content")
  @Operation(summary = "Headers of a download, without the bytes")
  @APIResponse(responseCode = "200", description = "Headers as for GET")
  @APIResponse(responseCode = "404", description = "No such file, or not the caller's")
  public Response contentHead(@PathParam("file_id") String fileId, @Context HttpHeaders headers) {
    FileMetadata file = getFile.get(currentUser.id(), FileId.parse(fileId));
    return content.respond(file, headers, true, () -> { }, Map.of());
  }

  @DELETE
  @Path("files/{file_id}")
  @Operation(summary = "Delete a file; its share links then answer 410")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", description = "Malformed file id",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such file, or not the caller's",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
  public Response delete(@PathParam("file_id") String fileId) {
    delete.delete(currentUser.id(), FileId.parse(fileId));
    return Response.noContent().build();
  }

  private static Optional<PageCursor> cursor(String raw) {
    return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(PageCursor.decode(raw));
  }

  private static Response page(FilePage page, UriInfo uri) {
    List<FileResponse> body = page.items().stream().map(FileResponse::from).toList();
    Response.ResponseBuilder answer = Response.ok(body, MediaType.APPLICATION_JSON);
    page.next().ifPresent(next -> answer.header("Link",
        "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next.encode()).build() + ">; rel=\"next\""));
    return answer.build();
  }
}
