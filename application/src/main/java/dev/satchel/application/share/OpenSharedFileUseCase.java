package dev.satchel.application.share;

/**
 * In-port: the public side of a link. {@link #inspect} checks without counting (for HEAD and
 * conditional requests); {@link #claimDownload} counts one download atomically.
 */
public interface OpenSharedFileUseCase {
  SharedFile inspect(OpenShareCommand command);

  /** @throws dev.satchel.domain.error.ShareGone when the link ran out or died meanwhile */
  SharedFile claimDownload(SharedFile inspected);
}
