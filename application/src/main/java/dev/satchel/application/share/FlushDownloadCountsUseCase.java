package dev.satchel.application.share;

/** In-port: stores the downloads of unlimited links counted in memory since the last flush. */
public interface FlushDownloadCountsUseCase {
  /**
   * Adds every pending count to its link in one database statement.
   *
   * @return how many downloads were stored (0 when none were pending)
   * @throws RuntimeException when the database refuses; the counts stay pending for the next flush
   */
  long flush();
}
