package id.go.kecamatan.complaints.web;

import id.go.kecamatan.shared.web.ApiProblems;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of the complaints API as {@code application/problem+json}, in Indonesian or English: the
 * exceptions of its controllers, and the refusals they answer with (field errors, too many
 * requests).
 */
@RestControllerAdvice(assignableTypes = {ComplaintApi.class, ComplaintFollowingApi.class})
class ComplaintApiErrors {

  private static final String INVALID = "urn:layanan-kecamatan:problem:invalid-complaint";

  private final ApiProblems problems;

  ComplaintApiErrors(ApiProblems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
    return problems.status(
        HttpStatus.NOT_FOUND, "Kecamatan tidak ditemukan", "No such office", request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
    return problems.status(
        HttpStatus.BAD_REQUEST,
        "Isi permintaan harus berupa objek JSON yang benar",
        "The request body must be a well-formed JSON object",
        request);
  }

  /**
   * A multipart body the servlet cannot read. (A request of a content type no operation consumes
   * never reaches this advice, no handler being chosen: the error handling answers it, 415 with the
   * accepted types in {@code Accept}.)
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> wrongType(HttpServletRequest request) {
    return problems.status(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Jenis isi permintaan tidak didukung: pengaduan sebagai multipart/form-data, tanggapan"
            + " dan umpan balik sebagai application/json",
        "Unsupported content type: a complaint as multipart/form-data, a reply and feedback as"
            + " application/json",
        request);
  }

  /** Field errors (422) of a complaint, a reply or feedback; nothing stored. */
  ResponseEntity<?> invalid(FieldErrors errors, HttpServletRequest request) {
    return problems.invalid(
        errors, request, INVALID, "Pengaduan belum benar", "The complaint has errors");
  }

  /** Too many requests (429), with Retry-After: the seconds to wait. */
  ResponseEntity<?> tooMany(
      long wait, String indonesian, String english, HttpServletRequest request) {
    return problems.tooMany(wait, indonesian, english, request);
  }
}
