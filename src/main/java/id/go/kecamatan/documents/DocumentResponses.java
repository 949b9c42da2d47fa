package id.go.kecamatan.documents;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * HTTP answers that serve a stored document safely. Uploads come from outside: a browser must never
 * run them as a page of this site, so every answer carries {@code X-Content-Type-Options: nosniff},
 * the stored type (decided at upload by content, not by name), a sandboxing Content Security
 * Policy, and is not cached by shared caches (it holds personal data).
 */
public final class DocumentResponses {

  private DocumentResponses() {}

  /**
   * The document as a download ({@code Content-Disposition: attachment}) under its cleaned name,
   * for staff: a PDF opens in the reader of their choice, never inside the application's origin.
   */
  public static ResponseEntity<InputStreamResource> attachment(
      Document document, InputStream content) {
    return ResponseEntity.ok()
        .headers(safe(document, ContentDisposition.attachment()))
        .contentLength(document.size())
        .body(new InputStreamResource(content));
  }

  /**
   * A photo's thumbnail shown inline (an {@code <img>} in a staff page). Only our own re-encoded
   * images are served this way, so inline is safe.
   */
  public static ResponseEntity<InputStreamResource> thumbnail(
      Document document, InputStream content) {
    if (!document.image()) {
      throw new IllegalArgumentException("only photos have thumbnails");
    }
    return ResponseEntity.ok()
        .headers(safe(document, ContentDisposition.inline()))
        .body(new InputStreamResource(content));
  }

  private static HttpHeaders safe(Document document, ContentDisposition.Builder disposition) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(document.contentType()));
    headers.setContentDisposition(
        disposition.filename(document.name(), StandardCharsets.UTF_8).build());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
    headers.setCacheControl(CacheControl.noStore().cachePrivate());
    return headers;
  }
}
