package dev.satchel.adapters.rest.share;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of {@code POST /files/{file_id}/share}. */
@Schema(name = "ShareRequest")
public record ShareRequest(
    @Schema(description = "Lifetime in seconds; default satchel.share.default-ttl, at most satchel.share.max-ttl",
        minimum = "1")
    Long expiresIn,
    @Schema(description = "How many downloads the link allows; unlimited when absent", minimum = "1")
    Integer maxDownloads,
    @Schema(description = "Password that downloaders must send in X-Share-Password", format = "password")
    String password) {
  @Override
  public String toString() {
    return "ShareRequest[expiresIn=" + expiresIn + ", maxDownloads=" + maxDownloads + ", password=***]";
  }
}
