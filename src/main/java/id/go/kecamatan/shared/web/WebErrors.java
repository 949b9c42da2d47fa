package id.go.kecamatan.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
}
