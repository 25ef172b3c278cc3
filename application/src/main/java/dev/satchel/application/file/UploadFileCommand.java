package dev.satchel.application.file;

import dev.satchel.domain.user.UserId;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/** An upload as it arrives: the owner, the client's name and type, and the unread body. */
public record UploadFileCommand(
    UserId owner,
    String filename,
    Optional<String> declaredType,
    InputStream content,
    OptionalLong declaredLength) {}
