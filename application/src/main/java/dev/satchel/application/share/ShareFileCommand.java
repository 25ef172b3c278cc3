package dev.satchel.application.share;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.user.UserId;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A request for a public link to one of the caller's files; absent options take the defaults. */
public record ShareFileCommand(
    UserId caller,
    FileId fileId,
    OptionalLong expiresInSeconds,
    OptionalInt maxDownloads,
    Optional<String> password) {
  @Override
  public String toString() {
    return "ShareFileCommand[caller=" + caller + ", fileId=" + fileId + ", expiresInSeconds="
        + expiresInSeconds + ", maxDownloads=" + maxDownloads + ", password=" + (password.isPresent() ? "***" : "none") + "]";
  }
}
