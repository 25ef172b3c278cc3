package dev.satchel.application.share;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.user.UserId;
import java.util.List;

/** In-port: the caller's links to one of their files. */
public interface ListSharesUseCase {
  List<ShareLink> list(UserId caller, FileId fileId);
}
