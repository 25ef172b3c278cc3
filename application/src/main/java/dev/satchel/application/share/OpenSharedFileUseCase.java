package dev.satchel.application.share;

import java.util.Optional;

/**
 * In-port: the public side of a link. {@link #inspect} checks without counting (for HEAD,
 * conditional requests and the browser landing page); {@link #claimDownload} counts one download
 * (atomically for a link with a limit, in memory for one without); {@link #unlock} trades a right password for a grant that stands in for it.
 */
public interface OpenSharedFileUseCase {
  SharedFile inspect(OpenShareCommand command);

  /**
   * {@link #inspect} for the links that need nothing but memory, for answers given on an event
   * loop: the link and its file held in this process's memory, no password, no
   * {@code max_downloads} (so {@link #claimDownload} only counts in memory), usable now. Empty for
   * anything else, unknown and dead links included: {@link #inspect} then gives the answer.
   */
  Optional<SharedFile> inspectWithoutWaiting(OpenShareCommand command);

  /**
   * @return the link (with its new count when it has a limit; as inspected otherwise) and the file
   * @throws dev.satchel.domain.error.ShareGone when the link ran out or died meanwhile
   */
  SharedFile claimDownload(SharedFile inspected);

  /**
   * Checks the password exactly as {@link #inspect} does (throttled, the link must still work) and
   * seals a grant for this link, valid for 15 minutes. A grant in the command is ignored here.
   */
  UnlockedShare unlock(OpenShareCommand command);
}
