package dev.satchel.application.share;

import dev.satchel.application.file.LiveFileLookup;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.UserId;
import java.util.List;

/** Lists links only for a live file the caller owns; anything else is a missing file. */
public final class ListSharesService implements ListSharesUseCase {
  private final LiveFileLookup fileLookup;
  private final ShareLinkRepository shares;
  private final TransactionBoundary tx;

  public ListSharesService(LiveFileLookup fileLookup, ShareLinkRepository shares, TransactionBoundary tx) {
    this.fileLookup = fileLookup;
    this.shares = shares;
    this.tx = tx;
  }

  @Override
  public List<ShareLink> list(UserId caller, FileId fileId) {
    fileLookup.findOwned(fileId, caller);
    return tx.inTransaction(() -> shares.listForFile(fileId, caller));
  }
}
