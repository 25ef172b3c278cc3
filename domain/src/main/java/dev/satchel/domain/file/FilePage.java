package dev.satchel.domain.file;

import java.util.List;
import java.util.Optional;

/** One page of files and, when more remain, the cursor of the next one. */
public record FilePage(List<FileMetadata> items, Optional<PageCursor> next) {
  public FilePage {
    items = List.copyOf(items);
  }
}
