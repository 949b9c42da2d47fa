package id.go.kecamatan.catalog.web;

import id.go.kecamatan.shared.web.ApiProblems;
import id.go.kecamatan.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the catalogue API as {@code application/problem+json} titled in Indonesian or English,
 * like the errors of the application and complaint APIs.
 */
@RestControllerAdvice(assignableTypes = CatalogApi.class)
class CatalogApiErrors {

  private final ApiProblems problems;

  CatalogApiErrors(ApiProblems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
    return problems.status(
        HttpStatus.NOT_FOUND,
        "Kecamatan atau layanan tidak ditemukan",
        "No such office or service",
        request);
  }
}
