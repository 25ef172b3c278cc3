package dev.satchel.adapters.persistence;

import java.sql.SQLException;
import java.util.Locale;

/** Recognizes which database constraint a failed write broke, to turn it into a domain error. */
public final class ConstraintViolations {
  private static final String UNIQUE_VIOLATION = "23505";

  private ConstraintViolations() {}

  public static boolean isViolationOf(Throwable failure, String constraintName) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && UNIQUE_VIOLATION.equals(sql.getSQLState())
          && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(constraintName)) {
        return true;
      }
    }
    return false;
  }
}
