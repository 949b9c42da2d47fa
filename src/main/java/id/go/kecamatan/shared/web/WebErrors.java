package id.go.kecamatan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
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
}
