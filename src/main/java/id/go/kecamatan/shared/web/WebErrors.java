package id.go.kecamatan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns malformed requests into the answers a user understands. */
@ControllerAdvice
class WebErrors {

  /**
   * A malformed id in a URL is a page that does not exist, not a server error. {@code sendError}
   * lets the container answer with the error page (a bare status would send an empty body).
   */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  void malformedId(HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.NOT_FOUND.value());
  }

  /**
   * A request parameter sent in a form no conversion can read, such as a file where text is
   * expected: the client's mistake (400), not a server error (Spring answers 500 by default, as it
   * would for a missing converter).
   */
  @ExceptionHandler(MethodArgumentConversionNotSupportedException.class)
  void unconvertibleParameter(HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.BAD_REQUEST.value());
  }

  /**
   * The safety net behind {@link ControlCharacterFilter} and the forms: a NUL that still reached
   * the database (PostgreSQL refuses it with SQL state 22021, and the transaction rolls back) is
   * the client's input, answered 400 with the page that says why. Anything else is rethrown.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  void characterNotStorable(
      DataIntegrityViolationException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
        request.setAttribute(ControlCharacterFilter.REJECTED, Boolean.TRUE);
        response.sendError(HttpStatus.BAD_REQUEST.value());
        return;
      }
    }
    throw e;
  }

  /**
   * Every database connection of the node stayed busy for the pool's whole wait ({@code
   * spring.datasource.hikari.connection-timeout}, 3 s): the node is overloaded. The visitor is told
   * so at once with 503 and {@code Retry-After} (a load balancer may try another node), rather than
   * waiting for a longer queue. Any other failure to reach the database is rethrown.
   */
  @ExceptionHandler({
    CannotGetJdbcConnectionException.class,
    CannotCreateTransactionException.class
  })
  void busy(RuntimeException e, HttpServletResponse response) throws IOException {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        return;
      }
    }
    throw e;
  }

  /** How long an overloaded node asks a client to wait before trying again. */
  static final int RETRY_AFTER_SECONDS = 5;
}
