package dev.satchel.application.share;

import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;

/** A link that passed every check, and the live file it points to. */
public record SharedFile(ShareLink link, FileMetadata file) {}
