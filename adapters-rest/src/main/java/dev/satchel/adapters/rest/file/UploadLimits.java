package dev.satchel.adapters.rest.file;

/** The configured upload size limit, which the resource uses to refuse oversized bodies early. */
public record UploadLimits(long maxFileBytes) {}
