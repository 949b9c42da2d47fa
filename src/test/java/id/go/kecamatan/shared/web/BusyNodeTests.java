package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A node whose every database connection stayed busy for the pool's whole wait answers at once that
 * it is busy (503, try again in a few seconds), instead of queueing the visitor longer.
 */
class BusyNodeTests {

  final WebErrors errors = new WebErrors();

  static SQLTransientConnectionException poolTimedOut() {
    return new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 3000ms");
  }

  @Test
  void aRequestThatGotNoConnectionIsToldToComeBack() throws Exception {
    for (RuntimeException timeout :
        new RuntimeException[] {
          new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimedOut()),
          new CannotCreateTransactionException("Could not open JDBC Connection", poolTimedOut())
        }) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      errors.busy(timeout, response);
      assertThat(response.getStatus()).isEqualTo(503);
      assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    }
  }

  @Test
  void anyOtherDatabaseFailureStaysAServerError() {
    RuntimeException down =
        new CannotGetJdbcConnectionException(
            "Failed to obtain JDBC Connection", new SQLException("Connection refused"));
    assertThatThrownBy(() -> errors.busy(down, new MockHttpServletResponse())).isSameAs(down);
  }
}
