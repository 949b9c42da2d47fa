package id.go.kecamatan.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code application/problem+json} answers of the JSON APIs (applications, complaints), in
 * Indonesian, or English when the client asks for it with {@code Accept-Language: en}; field errors
 * carry the field, the message key and the message, the same messages as the pages.
 */
@Component
public class ApiProblems {

  public static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final MessageSource messages;

  ApiProblems(MessageSource messages) {
    this.messages = messages;
  }

  public static Locale locale(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    if (header != null && !header.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
          String tag = range.getRange();
          if (tag.startsWith("en")) {
            return Locale.ENGLISH;
          }
          if (tag.startsWith("id") || tag.startsWith("in")) {
            return INDONESIAN;
          }
        }
      } catch (IllegalArgumentException malformed) {
        return INDONESIAN;
      }
    }
    return INDONESIAN;
  }

  private boolean english(Locale locale) {
    return "en".equals(locale.getLanguage());
  }

  /** The field errors of an application. */
  public ResponseEntity<ProblemDetail> invalid(FieldErrors errors, HttpServletRequest request) {
    return invalid(
        errors,
        request,
        "urn:layanan-kecamatan:problem:invalid-application",
        "Permohonan belum benar",
        "The application has errors");
  }

  /** Field errors (422) with the problem type and title given, in both languages. */
  public ResponseEntity<ProblemDetail> invalid(
      FieldErrors errors,
      HttpServletRequest request,
      String type,
      String indonesianTitle,
      String englishTitle) {
    Locale locale = locale(request);
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    problem.setType(URI.create(type));
    problem.setTitle(english(locale) ? englishTitle : indonesianTitle);
    List<Map<String, String>> fields = new ArrayList<>();
    for (Map.Entry<String, FieldErrors.Error> e : errors.entries()) {
      Object[] args = e.getValue().args();
      Object[] localized = new Object[args == null ? 0 : args.length];
      for (int i = 0; i < localized.length; i++) {
        localized[i] = args[i] instanceof Localizable l ? l.message(locale) : args[i];
      }
      fields.add(
          Map.of(
              "field",
              e.getKey(),
              "code",
              e.getValue().key(),
              "message",
              messages.getMessage(e.getValue().key(), localized, e.getValue().key(), locale)));
    }
    problem.setProperty("errors", fields);
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
        .contentType(PROBLEM)
        .body(problem);
  }

  public ResponseEntity<ProblemDetail> status(
      HttpStatus status, String indonesian, String english, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(english(locale(request)) ? english : indonesian);
    return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
  }

  /** Too many requests (429), with {@code Retry-After}: the seconds to wait. */
  public ResponseEntity<ProblemDetail> tooMany(
      long wait, String indonesian, String english, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait))
        .contentType(PROBLEM)
        .body(status(HttpStatus.TOO_MANY_REQUESTS, indonesian, english, request).getBody());
  }
}
