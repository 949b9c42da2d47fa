package id.go.kecamatan.letters.web;

import id.go.kecamatan.letters.IssuedLetter;
import id.go.kecamatan.letters.VerificationCode;
import id.go.kecamatan.letters.internal.NameMask;
import id.go.kecamatan.letters.internal.VerificationLimiter;
import id.go.kecamatan.letters.internal.Verifications;
import id.go.kecamatan.letters.internal.Verifications.Comparison;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public verification of a letter (verifikasi surat), where the QR code on every letter leads:
 * {@code /v/{code}} says whether the letter is authentic, revoked or unknown, with its main facts
 * and the resident's name partly masked, and compares an uploaded PDF with the issued one; {@code
 * /v} takes a code typed from paper. Unknown and malformed codes get the same 404 page, so the page
 * never tells whether a code ever existed. Look-ups and uploads are limited per client address.
 */
@Controller
class VerificationController {

  private final Verifications verifications;
  private final VerificationLimiter limiter;
  private final Offices offices;

  VerificationController(
      Verifications verifications, VerificationLimiter limiter, Offices offices) {
    this.verifications = verifications;
    this.limiter = limiter;
    this.offices = offices;
  }

  @GetMapping("/v")
  String form(
      @RequestParam(name = "kode", required = false) String typed,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    FieldErrors errors = new FieldErrors();
    if (typed == null) {
      return formPage(model, "", errors);
    }
    long wait = limiter.lookup(request.getRemoteAddr());
    if (wait > 0) {
      tooMany(response, wait);
      errors.reject("kode", "verification.error.limited", wait);
      return formPage(model, shorten(typed), errors);
    }
    if (typed.isBlank()) {
      errors.reject("kode", "verification.error.codeRequired");
      return formPage(model, "", errors);
    }
    Optional<VerificationCode> code = VerificationCode.parse(typed);
    if (code.isEmpty()) {
      errors.reject("kode", "verification.error.codeMalformed", VerificationCode.LENGTH);
      return formPage(model, shorten(typed), errors);
    }
    return "redirect:/v/" + code.get().value();
  }

  private static String formPage(Model model, String code, FieldErrors errors) {
    model.addAttribute("code", code);
    model.addAttribute("errors", errors);
    model.addAttribute("codeLength", VerificationCode.LENGTH);
    return "letters/verify/lookup";
  }

  /** The page of a code; a GET counts as a scan, a HEAD (link checkers, previews) does not. */
  @GetMapping("/v/{code}")
  String show(
      @PathVariable String code,
      @RequestParam(name = "terlalu-besar", required = false) String tooLarge,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    FieldErrors errors = new FieldErrors();
    long wait = limiter.lookup(request.getRemoteAddr());
    if (wait > 0) {
      tooMany(response, wait);
      model.addAttribute("limited", wait);
      return page(model, response, null, null, errors);
    }
    // coming back from an upload over the servlet's limit is not a new scan
    boolean count = "GET".equals(request.getMethod()) && tooLarge == null;
    Optional<VerificationCode> parsed = VerificationCode.parse(code);
    IssuedLetter letter = parsed.flatMap(c -> verifications.find(c, count)).orElse(null);
    if (letter != null && tooLarge != null) {
      errors.reject(
          "berkas", "verification.upload.tooLarge", Verifications.MAX_UPLOAD_BYTES / (1024 * 1024));
    }
    return page(model, response, letter, null, errors);
  }

  @PostMapping("/v/{code}")
  String compare(
      @PathVariable String code,
      @RequestParam(name = "berkas", required = false) MultipartFile file,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    FieldErrors errors = new FieldErrors();
    long wait = limiter.upload(request.getRemoteAddr());
    if (wait > 0) {
      tooMany(response, wait);
      model.addAttribute("limited", wait);
      return page(model, response, null, null, errors);
    }
    IssuedLetter letter =
        VerificationCode.parse(code).flatMap(c -> verifications.find(c, false)).orElse(null);
    if (letter == null) {
      return page(model, response, null, null, errors);
    }
    if (file == null || (file.isEmpty() && blank(file.getOriginalFilename()))) {
      errors.reject("berkas", "verification.upload.none");
      return badRequest(model, response, letter, errors);
    }
    Comparison result;
    try (InputStream in = file.getInputStream()) {
      result = verifications.compare(letter, in);
    }
    switch (result) {
      case EMPTY -> errors.reject("berkas", "verification.upload.empty");
      case NOT_PDF -> errors.reject("berkas", "verification.upload.notPdf");
      case TOO_LARGE ->
          errors.reject(
              "berkas",
              "verification.upload.tooLarge",
              Verifications.MAX_UPLOAD_BYTES / (1024 * 1024));
      default -> {
        return page(model, response, letter, result, errors);
      }
    }
    return badRequest(model, response, letter, errors);
  }

  private String badRequest(
      Model model, HttpServletResponse response, IssuedLetter letter, FieldErrors errors) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return page(model, response, letter, null, errors);
  }

  private String page(
      Model model,
      HttpServletResponse response,
      IssuedLetter letter,
      Comparison result,
      FieldErrors errors) {
    if (letter == null && !model.containsAttribute("limited")) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
    }
    model.addAttribute("letter", letter);
    Office office = letter == null ? null : offices.get(letter.officeId());
    model.addAttribute("officeName", office == null ? null : office.displayName());
    // the survey's walk-in form of the office, reached by the QR code under the letter's data
    model.addAttribute("officeSlug", office == null ? null : office.slug());
    model.addAttribute("maskedName", letter == null ? null : NameMask.mask(letter.applicantName()));
    model.addAttribute(
        "action",
        letter == null
            ? null
            : UriComponentsBuilder.fromPath("/v/{code}")
                .buildAndExpand(letter.verificationCode())
                .encode()
                .toUriString());
    model.addAttribute("result", result == null ? null : result.name());
    model.addAttribute("errors", errors);
    if (!model.containsAttribute("limited")) {
      model.addAttribute("limited", 0L);
    }
    return "letters/verify/show";
  }

  private static void tooMany(HttpServletResponse response, long wait) {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** A code as typed, cut to a length no real code exceeds, to be shown in the form again. */
  private static String shorten(String code) {
    String stripped = code.strip();
    return stripped.length() > 40 ? stripped.substring(0, 40) : stripped;
  }
}
