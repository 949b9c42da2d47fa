package id.go.kecamatan.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
}
