package id.go.kecamatan.letters.web;

import id.go.kecamatan.letters.IssuedLetter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer that serves a signed letter: {@code application/pdf} under a safe file name, never
 * sniffed as anything else, never kept by a shared cache (it carries personal data).
 */
final class LetterPdfs {

  private LetterPdfs() {}

  /**
   * @param inline for the browser's own viewer (to print it), otherwise a download
   */
  static ResponseEntity<byte[]> of(IssuedLetter letter, byte[] pdf, boolean inline) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(
        (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(letter.fileName(), StandardCharsets.UTF_8)
            .build());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.setCacheControl(CacheControl.noStore().cachePrivate());
    return ResponseEntity.ok().headers(headers).contentLength(pdf.length).body(pdf);
  }
}
