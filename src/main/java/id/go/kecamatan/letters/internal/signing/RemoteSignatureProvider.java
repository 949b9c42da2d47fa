package id.go.kecamatan.letters.internal.signing;

import id.go.kecamatan.letters.internal.render.SignatureBox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A remote signing service in the national practice (BSrE-style, {@code
 * layanan.letters.signer.kind=remote}): the PDF is posted as multipart/form-data with the signer's
 * NIK and passphrase and the visible signature's place, with HTTP Basic authentication of this
 * system; the answer is the signed PDF. The service keeps the signer's key; a wrong passphrase it
 * reports counts towards the lock-out here too.
 */
@Component
@ConditionalOnProperty(name = "layanan.letters.signer.kind", havingValue = "remote")
public class RemoteSignatureProvider implements SignatureProvider {

  /** What a service's refusal of the passphrase says (Indonesian or English). */
  private static final Pattern WRONG_PASSPHRASE =
      Pattern.compile(
          "passphrase.{0,40}(salah|tidak sesuai|tidak valid|wrong|invalid|incorrect)"
              + "|(salah|wrong|invalid|incorrect).{0,40}passphrase",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final URI url;
  private final String authorization;
  private final Duration timeout;
  private final HttpClient http;
  private final SigningLockout lockout;

  RemoteSignatureProvider(
      @Value("${layanan.letters.signer.remote.url}") String url,
      @Value("${layanan.letters.signer.remote.username}") String username,
      @Value("${layanan.letters.signer.remote.password}") String password,
      @Value("${layanan.letters.signer.remote.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${layanan.letters.signer.remote.timeout:PT60S}") Duration timeout,
      SigningLockout lockout) {
    this.url = URI.create(url.strip());
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.lockout = lockout;
  }

  @Override
  public SigningSession open(SignerIdentity signer, char[] passphrase) {
    lockout.check(signer.staffId());
    if (signer.nik() == null || signer.nik().isBlank()) {
      throw new SigningUnavailableException(
          "The signer's NIK for the remote signing service is not recorded");
    }
    return new Session(signer, passphrase == null ? new char[0] : passphrase.clone());
  }

  /** Keeps the passphrase for the letters of one batch; wiped on close. */
  private final class Session implements SigningSession {

    private final SignerIdentity signer;
    private final char[] passphrase;
    private volatile boolean closed;

    Session(SignerIdentity signer, char[] passphrase) {
      this.signer = signer;
      this.passphrase = passphrase;
    }

    @Override
    public byte[] sign(byte[] pdf, SignatureBox box, SignatureDetails details) {
      if (closed) {
        throw new IllegalStateException("The signing session is closed");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("nik", signer.nik());
      fields.put("passphrase", new String(passphrase));
      fields.put("tampilan", "visible");
      fields.put("halaman", String.valueOf(box.page() + 1));
      fields.put("xAxis", number(box.x()));
      fields.put("yAxis", number(box.y()));
      fields.put("width", number(box.width()));
      fields.put("height", number(box.height()));
      String boundary = "----layanan" + UUID.randomUUID();
      // counted before the passphrase leaves, so parallel tries cannot pass the lock-out together
      SigningLockout.Attempt attempt = lockout.reserve(signer.officeId(), signer.staffId());
      try {
        byte[] signed = signedPdf(post(boundary, fields, pdf), attempt);
        lockout.succeeded(attempt);
        return signed;
      } catch (WrongPassphraseException | SigningLockedException e) {
        throw e;
      } catch (RuntimeException e) {
        lockout.release(attempt);
        throw e;
      }
    }

    private HttpResponse<byte[]> post(String boundary, Map<String, String> fields, byte[] pdf) {
      try {
        return http.send(
            HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, pdf)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
      } catch (HttpTimeoutException e) {
        throw new SigningUnavailableException(
            "The signing service did not answer within " + timeout.toSeconds() + " s", e);
      } catch (IOException e) {
        throw new SigningUnavailableException(
            "The signing service cannot be reached: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SigningUnavailableException(
            "Interrupted while waiting for the signing service", e);
      }
    }

    private byte[] signedPdf(HttpResponse<byte[]> answer, SigningLockout.Attempt attempt) {
      int status = answer.statusCode();
      byte[] body = answer.body();
      if (status == 400 || status == 401) {
        String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        if (WRONG_PASSPHRASE.matcher(text).find()) {
          throw lockout.wrongPassphrase(attempt);
        }
        throw new SigningUnavailableException(
            status == 401
                ? "The signing service refused this system's credentials (HTTP 401)"
                : "The signing service refused the request (HTTP 400): " + excerpt(text));
      }
      if (status != 200) {
        throw new SigningUnavailableException("The signing service failed (HTTP " + status + ")");
      }
      String type = answer.headers().firstValue("Content-Type").orElse("");
      if (!type.toLowerCase(Locale.ROOT).startsWith("application/pdf")
          || body.length < 5
          || !new String(body, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
        throw new SigningUnavailableException(
            "The signing service did not answer with a PDF (" + type + ")");
      }
      return body;
    }

    @Override
    public void close() {
      closed = true;
      Arrays.fill(passphrase, '\0');
    }
  }

  private static String number(float value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static String excerpt(String text) {
    String plain = text.replaceAll("[\\p{Cntrl}]", " ").strip();
    return plain.length() > 200 ? plain.substring(0, 200) + "…" : plain;
  }

  private static byte[] multipart(String boundary, Map<String, String> fields, byte[] pdf) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(pdf.length + 2048);
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"surat.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }
}
