package id.go.kecamatan.shared.startup;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start that fails because the database cannot be reached, refuses the login or does not exist
 * (SQL states 08..., 28..., 3D000) is reported as that, in one message naming the server (never the
 * password), instead of the stack of the first bean that needed a connection.
 */
class DatabaseUnreachableAnalyzer extends AbstractFailureAnalyzer<SQLException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
    SQLException sql = cause;
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SQLException e && e.getSQLState() != null) {
        sql = e;
        break;
      }
    }
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    String what;
    if (state.startsWith("08")) {
      what = "The database server cannot be reached";
    } else if (state.startsWith("28")) {
      what = "The database refused the user name or password";
    } else if (state.equals("3D000")) {
      what = "The database does not exist on the server";
    } else {
      return null;
    }
    return new FailureAnalysis(
        "Layanan Kecamatan cannot start: " + what + ": " + sql.getMessage(),
        "Check spring.datasource.url (SPRING_DATASOURCE_URL, e.g."
            + " jdbc:postgresql://db.internal:5432/layanan), spring.datasource.username and"
            + " spring.datasource.password, and that the server accepts connections from this"
            + " node; or leave them unset to run the embedded PostgreSQL.",
        null);
  }
}
