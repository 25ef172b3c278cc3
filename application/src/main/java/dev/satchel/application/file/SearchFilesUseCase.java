package dev.satchel.application.file;

import dev.satchel.domain.file.FilePage;
import dev.satchel.domain.file.FileQuery;

/** In-port: one page of the caller's files matching a query (a plain listing is a query too). */
public interface SearchFilesUseCase {
  FilePage search(FileQuery query);
}
