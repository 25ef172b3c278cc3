package dev.satchel.adapters.rest.file;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI description of the upload form; the body itself is parsed as a stream. */
@Schema(name = "UploadForm")
public class UploadForm {
  @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "The file; its filename is kept as metadata")
  public String file;
}
