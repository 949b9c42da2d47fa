package id.go.kecamatan.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.WebClient;
import id.go.kecamatan.demo.DemoAuthenticator;
import id.go.kecamatan.shared.security.Role;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The second factor of staff sign-in with the production roles (signers and administrators), in a
 * context of its own (its own embedded PostgreSQL under {@code target/test-pg-2fa}), because the
 * shared test context signs in with passwords alone. Each test signs in as accounts no other test
 * here uses, since a code works once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class SecondFactorIntegrationTests {

  static final Pattern KEY = Pattern.compile("<code class=\"secret-key\">([A-Z2-7 ]+)</code>");
  static final Pattern RECOVERY =
      Pattern.compile("<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>");

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) {
    registry.add("layanan.accounts.second-factor.roles", () -> "SIGNER,OFFICE_ADMIN,REGENCY_ADMIN");
    registry.add("layanan.database.embedded.data-dir", () -> "target/test-pg-2fa");
    registry.add("layanan.documents.dir", () -> "target/test-documents-2fa");
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccounts accounts;

  @Test
  void aSignerTypesTheAppsCodeAfterThePasswordAndNothingOpensBefore() {
    WebClient camat = new WebClient(port);
    HttpResponse<String> password = camat.login("camat.jetis", WebClient.PASSWORD);
    assertThat(WebClient.location(password)).endsWith("/admin");
    camat.get("/masuk/kode");
    String before = camat.sessionId();

    // nothing of the console opens, and no write is carried out
    for (String path :
        List.of("/admin", "/admin/surat/tanda-tangan", "/admin/permohonan", "/akun/kata-sandi")) {
      HttpResponse<String> page = camat.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(303);
      assertThat(WebClient.location(page)).as(path).endsWith("/masuk/kode");
    }
    assertThat(WebClient.location(camat.get("/masuk/dua-langkah"))).endsWith("/masuk/kode");
    String email = accounts.byUsername("camat.jetis").orElseThrow().email();
    HttpResponse<String> write = camat.post("/akun/email", "email", "lain@contoh.example");
    assertThat(write.statusCode()).isEqualTo(303);
    assertThat(accounts.byUsername("camat.jetis").orElseThrow().email()).isEqualTo(email);

    HttpResponse<String> form = camat.get("/masuk/kode");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("Verifikasi dua langkah", "Kata sandi camat.jetis benar")
        .contains("autocomplete=\"one-time-code\"", "inputmode=\"numeric\"")
        .contains("Lihat kode akun Anda di halaman khusus demo");
    // the demo's page of codes opens between the two steps, from the link on this page
    assertThat(camat.get("/demo/kode-masuk").body()).contains("camat.jetis");

    String right = DemoAuthenticator.codeOf("camat.jetis", Instant.now());
    HttpResponse<String> wrong = camat.post("/masuk/kode", "code", wrongFor(right));
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body()).contains("Kode salah atau sudah dipakai");
    assertThat(camat.get("/admin").statusCode()).isEqualTo(303);

    // as the app shows it, with a space in the middle
    HttpResponse<String> done =
        camat.post("/masuk/kode", "code", right.substring(0, 3) + " " + right.substring(3));
    assertThat(WebClient.location(done)).endsWith("/admin");
    assertThat(camat.sessionId()).isNotEqualTo(before);
    assertThat(camat.get("/admin").statusCode()).isEqualTo(200);
    assertThat(camat.get("/admin/surat/tanda-tangan").statusCode()).isEqualTo(200);
    // the code page has nothing more to ask
    assertThat(WebClient.location(camat.get("/masuk/kode"))).endsWith("/admin");
  }

  @Test
  void aCodeSignsInOnceAndWrongCodesAreLimitedPerAccount() {
    String code = DemoAuthenticator.codeOf("sekcam.jetis", Instant.now());
    WebClient first = new WebClient(port);
    first.login("sekcam.jetis", WebClient.PASSWORD);
    first.get("/masuk/kode");
    assertThat(WebClient.location(first.post("/masuk/kode", "code", code))).endsWith("/admin");

    // someone who saw the code over the shoulder, with the password
    WebClient second = new WebClient(port);
    second.login("sekcam.jetis", WebClient.PASSWORD);
    second.get("/masuk/kode");
    assertThat(second.post("/masuk/kode", "code", code).body())
        .contains("Kode salah atau sudah dipakai");

    WebClient guesser = new WebClient(port);
    guesser.login("admin.purwokertoutara", WebClient.PASSWORD);
    guesser.get("/masuk/kode");
    String right = DemoAuthenticator.codeOf("admin.purwokertoutara", Instant.now());
    for (int i = 0; i < SecondFactors.ATTEMPTS - 1; i++) {
      assertThat(guesser.post("/masuk/kode", "code", wrongFor(right)).body())
          .contains("Kode salah atau sudah dipakai");
    }
    assertThat(guesser.post("/masuk/kode", "code", "abcdef").body())
        .contains("Kode salah atau sudah dipakai");
    HttpResponse<String> limited = guesser.post("/masuk/kode", "code", right);
    assertThat(limited.body()).contains("Terlalu banyak kode salah. Tunggu", "menit");
    assertThat(guesser.get("/admin").statusCode()).isEqualTo(303);
    // also from another address
    WebClient elsewhere = WebClient.overIpv6(port);
    elsewhere.login("admin.purwokertoutara", WebClient.PASSWORD);
    elsewhere.get("/masuk/kode");
    assertThat(elsewhere.post("/masuk/kode", "code", right).body())
        .contains("Terlalu banyak kode salah");
  }

  @Test
  void hostileCodesAreAnsweredWithAMessageAndNeverAnError() {
    WebClient client = new WebClient(port);
    client.login("camat.purwokertoutara", WebClient.PASSWORD);
    client.get("/masuk/kode");
    for (String hostile :
        List.of(
            "",
            " ",
            "1".repeat(100_000),
            "12345\u202e6",
            "<script>",
            "١٢٣٤٥٦",
            "' or 1=1",
            "12\u000034")) {
      HttpResponse<String> answer = client.post("/masuk/kode", "code", hostile);
      assertThat(answer.statusCode()).as(hostile).isEqualTo(200);
      assertThat(answer.body()).containsAnyOf("Kode salah atau sudah dipakai", "Terlalu banyak");
      HttpResponse<String> recovery = client.post("/masuk/kode/pemulihan", "recoveryCode", hostile);
      assertThat(recovery.statusCode()).as(hostile).isEqualTo(200);
      assertThat(recovery.body())
          .containsAnyOf("Kode pemulihan salah atau sudah dipakai", "Terlalu banyak");
    }
    assertThat(client.get("/admin").statusCode()).isEqualTo(303);
  }

  @Test
  void aNewSignerSetsUpTheAppKeepsRecoveryCodesAndIsResetByTheRegency() {
    UUID office =
        jdbc.sql("select office_id from staff where username = 'admin.jetis'")
            .query(UUID.class)
            .single();
    String username = "ttd." + UUID.randomUUID().toString().substring(0, 8);
    Staff signer =
        accounts
            .create(
                office,
                new StaffForm(
                    username,
                    "Penanda Tangan Baru",
                    null,
                    null,
                    Set.of(Role.SIGNER),
                    null,
                    WebClient.PASSWORD))
            .value();

    // the first sign-in asks to set up the app, and nothing else opens
    WebClient officer = new WebClient(port);
    officer.login(username, WebClient.PASSWORD);
    officer.get("/masuk/kode");
    assertThat(WebClient.location(officer.get("/admin"))).endsWith("/masuk/dua-langkah");
    assertThat(WebClient.location(officer.get("/masuk/kode"))).endsWith("/masuk/dua-langkah");
    HttpResponse<String> setUp = officer.get("/masuk/dua-langkah");
    assertThat(setUp.body())
        .contains("Atur verifikasi dua langkah", "wajib", "<svg", "role=\"img\"")
        .doesNotContain("<script");
    byte[] secret = secretOn(setUp.body());
    // a reload shows the same key
    assertThat(secretOn(officer.get("/masuk/dua-langkah").body())).isEqualTo(secret);

    assertThat(officer.post("/masuk/dua-langkah", "code", "000000x").body())
        .contains("Kode salah atau sudah dipakai");
    HttpResponse<String> enrolled =
        officer.post("/masuk/dua-langkah", "code", Totp.code(secret, Totp.step(Instant.now())));
    assertThat(enrolled.statusCode()).isEqualTo(200);
    assertThat(enrolled.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(enrolled.body())
        .contains("Verifikasi dua langkah sudah aktif", "hanya ditampilkan sekali");
    List<String> codes = recoveryCodesOn(enrolled.body());
    assertThat(codes).hasSize(SecondFactors.RECOVERY_CODES).doesNotHaveDuplicates();
    assertThat(officer.get("/admin").statusCode()).isEqualTo(200);
    assertThat(officer.get("/akun/kata-sandi").body())
        .contains("Aktif sejak", "Tersisa 10 kode pemulihan");
    assertThat(audited(signer.id(), "staff.secondFactorEnrolled")).isOne();
    // stored sealed, never as the key
    byte[] stored =
        jdbc.sql("select secret from staff_second_factor where staff_id = ?")
            .param(signer.id())
            .query(byte[].class)
            .single();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1));

    // a lost phone: a recovery code signs in once
    WebClient withoutPhone = new WebClient(port);
    withoutPhone.login(username, WebClient.PASSWORD);
    withoutPhone.get("/masuk/kode");
    HttpResponse<String> recovered =
        withoutPhone.post("/masuk/kode/pemulihan", "recoveryCode", codes.get(0).toUpperCase());
    assertThat(WebClient.location(recovered)).endsWith("/akun/kata-sandi");
    assertThat(withoutPhone.get("/akun/kata-sandi").body())
        .contains("Anda masuk dengan kode pemulihan. Tersisa 9 kode pemulihan");
    assertThat(audited(signer.id(), "staff.recoveryCodeUsed")).isOne();
    WebClient again = new WebClient(port);
    again.login(username, WebClient.PASSWORD);
    again.get("/masuk/kode");
    assertThat(again.post("/masuk/kode/pemulihan", "recoveryCode", codes.get(0)).body())
        .contains("Kode pemulihan salah atau sudah dipakai");

    // new recovery codes need a current code; the old ones stop working
    assertThat(withoutPhone.post("/akun/dua-langkah/kode-pemulihan", "code", "123").body())
        .contains("Kode salah atau sudah dipakai");
    HttpResponse<String> renewed =
        withoutPhone.post(
            "/akun/dua-langkah/kode-pemulihan",
            "code",
            Totp.code(secret, Totp.step(Instant.now()) + 1));
    List<String> newCodes = recoveryCodesOn(renewed.body());
    assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(codes);
    assertThat(again.post("/masuk/kode/pemulihan", "recoveryCode", codes.get(1)).body())
        .contains("Kode pemulihan salah atau sudah dipakai");

    // the regency administrator, with the second factor too, resets it
    WebClient regency = new WebClient(port);
    regency.login("kab.3516", WebClient.PASSWORD);
    regency.get("/masuk/kode");
    assertThat(
            WebClient.location(
                regency.post(
                    "/masuk/kode", "code", DemoAuthenticator.codeOf("kab.3516", Instant.now()))))
        .endsWith("/admin");
    HttpResponse<String> list = regency.get("/admin/kabupaten/dua-langkah");
    assertThat(list.body())
        .contains("Penanda Tangan Baru", username, "Aktif sejak", "Tidak wajib", "Atur ulang");
    HttpResponse<String> reset =
        regency.post("/admin/kabupaten/dua-langkah/" + signer.id() + "/atur-ulang");
    assertThat(WebClient.location(reset)).endsWith("/admin/kabupaten/dua-langkah");
    assertThat(regency.get("/admin/kabupaten/dua-langkah").body())
        .contains("Verifikasi dua langkah Penanda Tangan Baru sudah diatur ulang");
    assertThat(audited(signer.id(), "staff.secondFactorReset")).isOne();
    // the officer's sessions ended; the next sign-in sets up a new app
    assertThat(WebClient.location(officer.get("/admin"))).contains("/masuk");
    WebClient next = new WebClient(port);
    next.login(username, WebClient.PASSWORD);
    next.get("/masuk/kode");
    assertThat(WebClient.location(next.get("/admin"))).endsWith("/masuk/dua-langkah");
    assertThat(secretOn(next.get("/masuk/dua-langkah").body())).isNotEqualTo(secret);

    // not one's own, not another regency's, and not for an office administrator
    UUID self =
        jdbc.sql("select id from staff where username = 'kab.3516'").query(UUID.class).single();
    regency.post("/admin/kabupaten/dua-langkah/" + self + "/atur-ulang");
    assertThat(regency.get("/admin/kabupaten/dua-langkah").body())
        .contains("tidak dapat Anda atur ulang");
    assertThat(audited(self, "staff.secondFactorReset")).isZero();
    UUID elsewhere =
        jdbc.sql("select id from staff where username = 'camat.purwokertoutara'")
            .query(UUID.class)
            .single();
    assertThat(
            regency.post("/admin/kabupaten/dua-langkah/" + elsewhere + "/atur-ulang").statusCode())
        .isEqualTo(404);
    assertThat(regency.post("/admin/kabupaten/dua-langkah/not-a-uuid/atur-ulang").statusCode())
        .isIn(400, 404);
    WebClient officeAdmin = new WebClient(port);
    officeAdmin.login("admin.jetis", WebClient.PASSWORD);
    officeAdmin.get("/masuk/kode");
    officeAdmin.post("/masuk/kode", "code", DemoAuthenticator.codeOf("admin.jetis", Instant.now()));
    assertThat(officeAdmin.get("/admin/kabupaten/dua-langkah").statusCode()).isEqualTo(403);
  }

  @Test
  void aVerifierSignsInWithThePasswordAloneAndMayTurnItOn() {
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    assertThat(verifier.get("/admin").statusCode()).isEqualTo(200);
    assertThat(verifier.get("/akun/kata-sandi").body())
        .contains("Belum aktif. Anda dapat mengaktifkannya");
    assertThat(verifier.get("/masuk/dua-langkah").body())
        .contains("Atur verifikasi dua langkah", "Selain kata sandi")
        .doesNotContain("Akun dengan hak tanda tangan atau admin wajib");
  }

  @Test
  void theDemoPageListsEveryDemoAccountWithThePasswordAndTheCodesOfThoseWithASecondStep() {
    // the sign-in page of the demo says where the accounts are
    assertThat(new WebClient(port).get("/masuk").body())
        .contains("Demo: nama pengguna petugas demo", "href=\"/demo/kode-masuk#petugas\"");
    String body = new WebClient(port).get("/demo/kode-masuk").body();
    assertThat(body)
        .contains("Akun petugas demo", "Semua akun petugas demo memakai kata sandi")
        .contains("<strong class=\"demo-code\">Demo-Kecamatan-2026</strong>");
    // a signer: its roles and the code its demo app shows (one of two steps, if one just ended)
    Instant now = Instant.now();
    assertThat(row(body, "camat.jetis"))
        .contains("Penandatangan")
        .containsAnyOf(
            DemoAuthenticator.codeOf("camat.jetis", now),
            DemoAuthenticator.codeOf("camat.jetis", now.plusSeconds(30)));
    assertThat(row(body, "kab.3516")).contains("Admin kabupaten", "demo-code");
    // a verifier and a front office sign in with the password alone
    assertThat(row(body, "verifikator.jetis"))
        .contains("Verifikator", "Tanpa kode (kata sandi saja)")
        .doesNotContain("demo-code");
    assertThat(row(body, "loket.jetis")).contains("Petugas loket", "Tanpa kode");
    assertThat(row(body, "desa.batunadua")).contains("Operator desa");
  }

  /** The table row of the demo page that starts with this user name. */
  private static String row(String page, String username) {
    int at = page.indexOf("<tr><td>" + username + "<br>");
    assertThat(at).as(username + "'s row").isNotNegative();
    return page.substring(at, page.indexOf("</tr>", at));
  }

  private int audited(UUID staffId, String action) {
    return jdbc.sql("select count(*) from audit_event where entity_id = ? and action = ?")
        .params(staffId.toString(), action)
        .query(Integer.class)
        .single();
  }

  private static String wrongFor(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  private static byte[] secretOn(String page) {
    Matcher matcher = KEY.matcher(page);
    assertThat(matcher.find()).as("the key on the page").isTrue();
    return base32(matcher.group(1).replace(" ", ""));
  }

  private static List<String> recoveryCodesOn(String page) {
    List<String> codes = new ArrayList<>();
    Matcher matcher = RECOVERY.matcher(page);
    while (matcher.find()) {
      codes.add(matcher.group(1));
    }
    return codes;
  }

  private static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
