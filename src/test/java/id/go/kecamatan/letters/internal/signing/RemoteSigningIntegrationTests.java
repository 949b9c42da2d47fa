package id.go.kecamatan.letters.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.letters.internal.render.SignatureBox;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The remote signing adapter against a stand-in of a BSrE-style service: the request (Basic
 * authentication, multipart fields, the PDF), a signed PDF back, a refused passphrase, a failing, a
 * confused and a slow service.
 */
@IntegrationTest
class RemoteSigningIntegrationTests {

  static final SignatureBox BOX = new SignatureBox(0, 340, 120, 200, 90);
  static final SignatureDetails DETAILS =
      new SignatureDetails("Surat Keterangan", "Jetis", Instant.parse("2026-11-23T03:15:00Z"));
  static final String NIK = "3516160101800001";

  @Autowired SigningLockout lockout;
  @Autowired CertificateAuthority authority;
  @Autowired StaffAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  HttpServer server;
  final AtomicReference<String> mode = new AtomicReference<>("sign");
  final Map<String, String> fields = new ConcurrentHashMap<>();
  final AtomicReference<byte[]> received = new AtomicReference<>();
  final AtomicReference<String> authorization = new AtomicReference<>();
  final CountDownLatch release = new CountDownLatch(1);
  PadesSigner serviceKey;
  SignerIdentity signer;

  @BeforeEach
  void setUp() throws IOException {
    KeyPair pair = CertificateAuthority.newKeyPair();
    Instant now = clock.instant();
    serviceKey =
        new PadesSigner(
            pair.getPrivate(),
            List.of(
                authority.issue(
                    pair.getPublic(),
                    new X500Name("CN=Penanda Tangan BSrE,C=ID"),
                    now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofDays(30))),
                authority.certificate()),
            null);
    UUID jetis = accounts.byUsername("camat.jetis").orElseThrow().officeId();
    Staff staff = SigningFixtures.newSigner(accounts, jetis);
    signer = new SignerIdentity(staff.id(), jetis, staff.fullName(), null, NIK);
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/api/sign/pdf", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
    server.start();
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    server.stop(0);
  }

  RemoteSignatureProvider provider(Duration timeout) {
    return new RemoteSignatureProvider(
        "http://localhost:" + server.getAddress().getPort() + "/api/sign/pdf",
        "layanan",
        "rahasia-layanan",
        Duration.ofSeconds(2),
        timeout,
        lockout);
  }

  byte[] sign(String passphrase) {
    try (SigningSession session =
        provider(Duration.ofSeconds(10)).open(signer, passphrase.toCharArray())) {
      return session.sign(SigningFixtures.pdfA("Surat jarak jauh"), BOX, DETAILS);
    }
  }

  int wrongAttempts() {
    return jdbc.sql("select wrong_attempts from signing_lockout where staff_id = ?")
        .param(signer.staffId())
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  @Test
  void postsThePdfWithTheSignersNikAndPassphraseAndReturnsTheSignedPdf() {
    byte[] pdf = SigningFixtures.pdfA("Surat jarak jauh");
    byte[] signed;
    try (SigningSession session =
        provider(Duration.ofSeconds(10)).open(signer, "passphrase bsre".toCharArray())) {
      signed = session.sign(pdf, BOX, DETAILS);
    }
    assertThat(authorization.get())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("layanan:rahasia-layanan".getBytes(StandardCharsets.UTF_8)));
    assertThat(fields)
        .containsEntry("nik", NIK)
        .containsEntry("passphrase", "passphrase bsre")
        .containsEntry("tampilan", "visible")
        .containsEntry("halaman", "1")
        .containsEntry("xAxis", "340")
        .containsEntry("yAxis", "120")
        .containsEntry("width", "200")
        .containsEntry("height", "90");
    assertThat(received.get()).isEqualTo(pdf);
    assertThat(new String(signed, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(PdfChecks.pdfsig(signed)).contains("Signature is Valid");
  }

  @Test
  void aRefusedPassphraseIsAWrongPassphraseAndCounts() {
    mode.set("wrong401");
    assertThatThrownBy(() -> sign("passphrase keliru"))
        .isInstanceOf(WrongPassphraseException.class);
    mode.set("wrong400");
    assertThatThrownBy(() -> sign("passphrase keliru"))
        .isInstanceOf(WrongPassphraseException.class);
    assertThat(wrongAttempts()).isEqualTo(2);
    for (int i = 3; i < SigningLockout.MAX_WRONG; i++) {
      assertThatThrownBy(() -> sign("passphrase keliru"))
          .isInstanceOf(WrongPassphraseException.class);
    }
    assertThatThrownBy(() -> sign("passphrase keliru")).isInstanceOf(SigningLockedException.class);
    // locked: not even asked
    mode.set("sign");
    fields.clear();
    assertThatThrownBy(
            () -> provider(Duration.ofSeconds(10)).open(signer, "passphrase bsre".toCharArray()))
        .isInstanceOf(SigningLockedException.class);
    assertThat(fields).isEmpty();
  }

  @Test
  void refusedCredentialsOfTheSystemAreNotAWrongPassphrase() {
    mode.set("unauthorized");
    assertThatThrownBy(() -> sign("passphrase bsre"))
        .isInstanceOf(SigningUnavailableException.class)
        .hasMessageContaining("credentials");
    assertThat(wrongAttempts()).isZero();
  }

  @Test
  void aFailingServiceIsUnavailable() {
    mode.set("error");
    assertThatThrownBy(() -> sign("passphrase bsre"))
        .isInstanceOf(SigningUnavailableException.class)
        .hasMessageContaining("500");
    assertThat(wrongAttempts()).isZero();
  }

  @Test
  void anAnswerThatIsNoPdfIsUnavailable() {
    mode.set("html");
    assertThatThrownBy(() -> sign("passphrase bsre"))
        .isInstanceOf(SigningUnavailableException.class)
        .hasMessageContaining("PDF");
    mode.set("fakepdf");
    assertThatThrownBy(() -> sign("passphrase bsre"))
        .isInstanceOf(SigningUnavailableException.class)
        .hasMessageContaining("PDF");
  }

  @Test
  void aSlowServiceTimesOut() {
    mode.set("slow");
    try (SigningSession session =
        provider(Duration.ofMillis(500)).open(signer, "passphrase bsre".toCharArray())) {
      assertThatThrownBy(() -> session.sign(SigningFixtures.pdfA("Surat"), BOX, DETAILS))
          .isInstanceOf(SigningUnavailableException.class)
          .hasMessageContaining("did not answer");
    }
  }

  @Test
  void aSignerWithoutNikCannotUseTheService() {
    SignerIdentity noNik =
        new SignerIdentity(signer.staffId(), signer.officeId(), signer.name(), null, null);
    assertThatThrownBy(() -> provider(Duration.ofSeconds(5)).open(noNik, "x".toCharArray()))
        .isInstanceOf(SigningUnavailableException.class);
  }

  @Test
  void closingTheSessionForgetsThePassphrase() {
    SigningSession session =
        provider(Duration.ofSeconds(10)).open(signer, "passphrase bsre".toCharArray());
    session.close();
    assertThatThrownBy(() -> session.sign(SigningFixtures.pdfA("Surat"), BOX, DETAILS))
        .isInstanceOf(IllegalStateException.class);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!("Basic "
                  + Base64.getEncoder()
                      .encodeToString("layanan:rahasia-layanan".getBytes(StandardCharsets.UTF_8)))
              .equals(authorization.get())
          || "unauthorized".equals(mode.get())) {
        answer(exchange, 401, "application/json", "{\"error\":\"Unauthorized\"}");
        return;
      }
      Map<String, byte[]> parts = multipart(type, body);
      parts.forEach(
          (name, value) -> {
            if (!name.equals("file")) {
              fields.put(name, new String(value, StandardCharsets.UTF_8));
            }
          });
      received.set(parts.get("file"));
      switch (mode.get()) {
        case "wrong401" ->
            answer(
                exchange,
                401,
                "application/json",
                "{\"error\":\"Passphrase anda salah\",\"status_code\":2031}");
        case "wrong400" ->
            answer(exchange, 400, "application/json", "{\"error\":\"Gagal: passphrase salah\"}");
        case "error" -> answer(exchange, 500, "text/plain", "Internal Server Error");
        case "html" -> answer(exchange, 200, "text/html", "<html>maintenance</html>");
        case "fakepdf" -> answer(exchange, 200, "application/pdf", "<html>not a pdf</html>");
        case "slow" -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          answer(exchange, 500, "text/plain", "late");
        }
        default -> {
          int page = Integer.parseInt(fields.get("halaman")) - 1;
          byte[] signed =
              serviceKey.sign(
                  parts.get("file"),
                  new SignatureBox(
                      page,
                      Float.parseFloat(fields.get("xAxis")),
                      Float.parseFloat(fields.get("yAxis")),
                      Float.parseFloat(fields.get("width")),
                      Float.parseFloat(fields.get("height"))),
                  DETAILS);
          exchange.getResponseHeaders().add("Content-Type", "application/pdf");
          exchange.sendResponseHeaders(200, signed.length);
          exchange.getResponseBody().write(signed);
        }
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** The parts of a multipart/form-data body by name. */
  static Map<String, byte[]> multipart(String contentType, byte[] body) {
    String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9);
    String text = new String(body, StandardCharsets.ISO_8859_1);
    Map<String, byte[]> parts = new HashMap<>();
    for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headerEnd);
      var name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
      if (!name.find()) {
        continue;
      }
      String value =
          part.substring(headerEnd + 4, part.length() - 2); // the CRLF before the boundary
      parts.put(name.group(1), value.getBytes(StandardCharsets.ISO_8859_1));
    }
    return parts;
  }
}
