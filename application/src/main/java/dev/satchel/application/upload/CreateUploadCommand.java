package dev.satchel.application.upload;

import dev.satchel.domain.user.UserId;
import java.util.Optional;

/** A new resumable upload: its owner, its announced length in bytes, and the client's name and type. */
public record CreateUploadCommand(UserId owner, long length, Optional<String> filename, Optional<String> filetype) {}
