package dev.satchel.application.share;

import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.user.UserId;

/** In-port: revokes one of the caller's links at once. */
public interface RevokeShareUseCase {
  void revoke(UserId caller, ShareId id);
}
