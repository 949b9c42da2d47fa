package id.go.kecamatan.application.web;

import id.go.kecamatan.shared.web.ApiProblems;
import id.go.kecamatan.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/** Errors of the application API as {@code application/problem+json}. */
@RestControllerAdvice(assignableTypes = ApplicationApi.class)
class ApplicationApiErrors {

  private final ApiProblems problems;

  ApplicationApiErrors(ApiProblems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
    return problems.status(
        HttpStatus.NOT_FOUND,
        "Kantor atau layanan daring tidak ditemukan",
        "No such office or online service",
        request);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> notMultipart(HttpServletRequest request) {
    return problems.status(
        HttpStatus.BAD_REQUEST,
        "Permohonan harus dikirim sebagai multipart/form-data",
        "The application must be sent as multipart/form-data",
        request);
  }
}
