package dev.satchel.adapters.storage.local;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Recognises a file system out of room (ENOSPC, or EDQUOT for a quota): the JDK reports both only
 * through the operating system's message, as a plain {@link IOException} from a channel write or a
 * {@link FileSystemException} from a file operation.
 */
final class NoSpace {
  private static final String[] MESSAGES = {"no space left on device", "disk quota exceeded"};

  private NoSpace() {}

  static boolean causes(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException && (matches(t.getMessage())
          || t instanceof FileSystemException fs && matches(fs.getReason()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String message) {
    if (message == null) {
      return false;
    }
    String lower = message.toLowerCase(Locale.ROOT);
    for (String known : MESSAGES) {
      if (lower.contains(known)) {
        return true;
      }
    }
    return false;
  }
}
