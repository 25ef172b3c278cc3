package dev.satchel.application.file;

import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FilePage;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.file.FileQuery;
import dev.satchel.domain.file.PageCursor;
import dev.satchel.domain.tx.TransactionBoundary;
import java.util.List;
import java.util.Optional;

/** Runs a keyset-paged query and tells whether a next page exists by asking for one extra row. */
public final class SearchFilesService implements SearchFilesUseCase {
  private final FileMetadataRepository files;
  private final TransactionBoundary tx;

  public SearchFilesService(FileMetadataRepository files, TransactionBoundary tx) {
    this.files = files;
    this.tx = tx;
  }

  @Override
  public FilePage search(FileQuery query) {
    List<FileMetadata> rows = tx.inTransaction(() -> files.find(query));
    if (rows.size() <= query.limit()) {
      return new FilePage(rows, Optional.empty());
    }
    List<FileMetadata> page = rows.subList(0, query.limit());
    FileMetadata last = page.get(page.size() - 1);
    return new FilePage(page, Optional.of(PageCursor.after(last, query.sort(), query.order())));
  }
}
