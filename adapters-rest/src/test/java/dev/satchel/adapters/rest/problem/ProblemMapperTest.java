package dev.satchel.adapters.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How database failures read as HTTP answers. */
class ProblemMapperTest {
  @Test
  void aWriteRefusedOnTheOwnerKeyMeansTheTokensAccountIsGone() {
    SQLException english = new SQLException(
        "ERROR: insert or update on table \"files\" violates foreign key constraint \"files_owner_id_fkey\"", "23503");
    SQLException german = new SQLException(
        "FEHLER: Einfügen oder Aktualisieren in Tabelle »resumable_uploads« verletzt Fremdschlüssel-Constraint "
            + "»resumable_uploads_owner_id_fkey«", "23503");

    assertThat(ProblemMapper.isAccountGone(new IllegalStateException("wrapped", new RuntimeException(english))))
        .isTrue();
    assertThat(ProblemMapper.isAccountGone(german)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // another foreign key: not about the caller's account
      "23503 | insert or update on table \"shares\" violates foreign key constraint \"shares_file_id_fkey\"",
      // the owner key named, but another failure
      "23505 | duplicate key value violates unique constraint \"files_owner_id_fkey\"",
      "08006 | connection to \"files_owner_id_fkey\" lost"})
  void otherDatabaseFailuresAreNot(String state, String message) {
    assertThat(ProblemMapper.isAccountGone(new SQLException(message, state))).isFalse();
    assertThat(ProblemMapper.isAccountGone(new RuntimeException("no SQL at all"))).isFalse();
  }
}
