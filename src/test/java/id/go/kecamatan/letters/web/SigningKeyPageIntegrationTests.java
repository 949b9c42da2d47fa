package id.go.kecamatan.letters.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.StaffForm;
import id.go.kecamatan.letters.SignerCertificate;
import id.go.kecamatan.letters.SigningKeys;
import id.go.kecamatan.shared.security.Role;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The signer's key page over HTTP: create, replace, bad and hostile passphrases, who may. */
@IntegrationTest
class SigningKeyPageIntegrationTests {

  static final String PAGE = "/admin/surat/kunci";

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired SigningKeys keys;
  @Autowired JdbcClient jdbc;

  UUID jetis;
  UUID staffId;
  WebClient signer;

  @BeforeEach
  void setUp() {
    jetis = accounts.byUsername("camat.jetis").orElseThrow().officeId();
    String username = "ttd" + UUID.randomUUID().toString().substring(0, 8);
    staffId =
        accounts
            .create(
                jetis,
                new StaffForm(
                    username,
                    "Sri Rahayu, S.Sos.",
                    "197811232005012003",
                    null,
                    Set.of(Role.SIGNER),
                    null,
                    WebClient.PASSWORD))
            .value()
            .id();
    signer = WebClient.signedIn(port, username);
  }

  int audits(String action) {
    return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ?")
        .params(action, staffId.toString())
        .query(Integer.class)
        .single();
  }

  @Test
  void aSignerCreatesAndReplacesTheKey() {
    HttpResponse<String> page = signer.get(PAGE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Anda belum memiliki kunci tanda tangan")
        .contains("href=\"/admin/bagian/surat\" aria-current=\"page\"")
        .contains("autocomplete=\"new-password\"");

    HttpResponse<String> created =
        signer.post(
            PAGE,
            "password",
            WebClient.PASSWORD,
            "passphrase",
            "<script>alert(1)</script> rahasia",
            "repeat",
            "<script>alert(1)</script> rahasia");
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith(PAGE));
    SignerCertificate first = keys.certificate(jetis, staffId).orElseThrow();
    assertThat(first.subject())
        .contains("CN=Sri Rahayu\\, S.Sos.")
        .contains("SERIALNUMBER=197811232005012003")
        .contains("O=Kecamatan Jetis");
    page = signer.get(PAGE);
    assertThat(page.body())
        .contains("Kunci tanda tangan sudah dibuat.")
        .contains(first.sha256Fingerprint())
        .contains(first.serialNumber())
        .contains("Layanan Kecamatan CA Test")
        .doesNotContain("alert(1)");
    assertThat(audits("signing-key.created")).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select details::text from audit_event where action = 'signing-key.created' and entity_id = ?")
                .param(staffId.toString())
                .query(String.class)
                .single())
        .doesNotContain("rahasia")
        .contains(first.sha256Fingerprint());

    HttpResponse<String> replaced =
        signer.post(
            PAGE,
            "password",
            WebClient.PASSWORD,
            "passphrase",
            "kalimat rahasia baru",
            "repeat",
            "kalimat rahasia baru");
    assertThat(replaced.statusCode()).isEqualTo(302);
    SignerCertificate second = keys.certificate(jetis, staffId).orElseThrow();
    assertThat(second.serialNumber()).isNotEqualTo(first.serialNumber());
    assertThat(second.replacedAt()).isNotNull();
    assertThat(signer.get(PAGE).body()).contains("Kunci tanda tangan sudah diganti");
    assertThat(audits("signing-key.replaced")).isEqualTo(1);
  }

  @Test
  void badPassphrasesGetClearMessagesAndReplaceNothing() {
    assertThat(
            signer
                .post(
                    PAGE,
                    "password",
                    WebClient.PASSWORD,
                    "passphrase",
                    "kalimat rahasia",
                    "repeat",
                    "kalimat rahasia")
                .statusCode())
        .isEqualTo(302);
    SignerCertificate kept = keys.certificate(jetis, staffId).orElseThrow();

    HttpResponse<String> mismatch =
        signer.post(
            PAGE,
            "password",
            WebClient.PASSWORD,
            "passphrase",
            "kalimat rahasia satu",
            "repeat",
            "kalimat rahasia dua");
    assertThat(mismatch.statusCode()).isEqualTo(200);
    assertThat(mismatch.body())
        .contains("Kedua passphrase tidak sama")
        .contains("aria-describedby=\"repeat-error\"")
        .contains("class=\"error-summary\"")
        .doesNotContain("kalimat rahasia satu");

    HttpResponse<String> tooShort =
        signer.post(
            PAGE, "password", WebClient.PASSWORD, "passphrase", "pendek", "repeat", "pendek");
    assertThat(tooShort.body()).contains("Passphrase terlalu pendek: paling sedikit 8 karakter.");

    String huge = "a".repeat(100_000);
    HttpResponse<String> tooLong =
        signer.post(PAGE, "password", WebClient.PASSWORD, "passphrase", huge, "repeat", huge);
    assertThat(tooLong.statusCode()).isEqualTo(200);
    assertThat(tooLong.body()).contains("Passphrase terlalu panjang: paling banyak 200 karakter.");

    HttpResponse<String> nul =
        signer.post(
            PAGE,
            "password",
            WebClient.PASSWORD,
            "passphrase",
            "kalimat\u0000rahasia",
            "repeat",
            "kalimat\u0000rahasia");
    assertThat(nul.body()).contains("Berisi karakter yang tidak diperbolehkan.");

    HttpResponse<String> empty =
        signer.post(PAGE, "password", WebClient.PASSWORD, "passphrase", "", "repeat", "");
    assertThat(empty.body()).contains("Wajib diisi.");

    assertThat(keys.certificate(jetis, staffId).orElseThrow().serialNumber())
        .isEqualTo(kept.serialNumber());
    assertThat(audits("signing-key.replaced")).isZero();
  }

  @Test
  void inEnglishToo() {
    HttpResponse<String> tooShort =
        signer.post(
            PAGE + "?lang=en",
            "password",
            WebClient.PASSWORD,
            "passphrase",
            "short",
            "repeat",
            "short");
    assertThat(tooShort.body()).contains("The passphrase is too short: at least 8 characters.");
  }

  @Test
  void onlySignersHaveAKeyPage() {
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    assertThat(verifier.get(PAGE).statusCode()).isEqualTo(403);
    assertThat(
            verifier
                .post(
                    PAGE,
                    "password",
                    WebClient.PASSWORD,
                    "passphrase",
                    "kalimat rahasia",
                    "repeat",
                    "kalimat rahasia")
                .statusCode())
        .isEqualTo(403);
    assertThat(verifier.get("/admin").body()).doesNotContain("href=\"/admin/surat/kunci\"");
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get(PAGE).statusCode()).isEqualTo(403);
    assertThat(new WebClient(port).get(PAGE).statusCode()).isEqualTo(302);
    // without the CSRF token nothing is made
    assertThat(
            signer
                .postRaw(
                    PAGE,
                    "password",
                    WebClient.PASSWORD,
                    "passphrase",
                    "kalimat rahasia",
                    "repeat",
                    "kalimat rahasia")
                .statusCode())
        .isEqualTo(403);
    assertThat(keys.hasKey(jetis, staffId)).isFalse();
  }

  HttpResponse<String> replace(String password, String passphrase) {
    return signer.post(PAGE, "password", password, "passphrase", passphrase, "repeat", passphrase);
  }

  int wrongAttempts() {
    return jdbc.sql("select wrong_attempts from signing_lockout where staff_id = ?")
        .param(staffId)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  @Test
  void creatingOrReplacingTheKeyTakesTheAccountPassword() {
    HttpResponse<String> form = signer.get(PAGE);
    assertThat(form.body())
        .contains("name=\"password\"")
        .contains("autocomplete=\"current-password\"")
        .contains("maxlength=\"" + SigningKeys.MAX_PASSPHRASE + "\"");

    HttpResponse<String> noPassword = replace("", "kalimat rahasia");
    assertThat(noPassword.statusCode()).isEqualTo(200);
    assertThat(noPassword.body()).contains("aria-describedby=\"password-hint password-error\"");
    assertThat(keys.hasKey(jetis, staffId)).isFalse();

    HttpResponse<String> wrongOnCreate = replace("bukan-kata-sandinya", "kalimat rahasia");
    assertThat(wrongOnCreate.statusCode()).isEqualTo(200);
    assertThat(wrongOnCreate.body())
        .contains("Kata sandi salah. Tidak ada yang diubah.")
        .doesNotContain("bukan-kata-sandinya");
    assertThat(keys.hasKey(jetis, staffId)).isFalse();
    assertThat(wrongAttempts()).isEqualTo(1);

    assertThat(replace(WebClient.PASSWORD, "kalimat rahasia").statusCode()).isEqualTo(302);
    SignerCertificate kept = keys.certificate(jetis, staffId).orElseThrow();
    assertThat(wrongAttempts()).as("a right password neither counts nor lifts").isEqualTo(1);

    for (String hostile :
        new String[] {"<script>alert(1)</script>", "a".repeat(100_000), "sandi\u0000../"}) {
      HttpResponse<String> wrong = replace(hostile, "kalimat rahasia baru");
      assertThat(wrong.statusCode()).isEqualTo(200);
      assertThat(wrong.body()).contains("Kata sandi salah.").doesNotContain("alert(1)");
    }
    assertThat(wrongAttempts()).isEqualTo(4);
    assertThat(keys.certificate(jetis, staffId).orElseThrow().serialNumber())
        .isEqualTo(kept.serialNumber());
    assertThat(audits("signing-key.replaced")).isZero();
    assertThat(audits("signing-key.password-refused")).isEqualTo(4);

    HttpResponse<String> english =
        signer.post(
            PAGE + "?lang=en",
            "password",
            "wrong again",
            "passphrase",
            "kalimat rahasia baru",
            "repeat",
            "kalimat rahasia baru");
    assertThat(english.body()).contains("Signing is locked").contains("Try again after");
  }

  @Test
  void fiveWrongPasswordsLockAndReplacingIsRefusedUntilTheLockEnds() {
    assertThat(replace(WebClient.PASSWORD, "kalimat rahasia").statusCode()).isEqualTo(302);
    SignerCertificate kept = keys.certificate(jetis, staffId).orElseThrow();
    for (int i = 1; i < 5; i++) {
      assertThat(replace("salah " + i, "kalimat rahasia baru").body())
          .contains("Kata sandi salah.");
    }
    HttpResponse<String> fifth = replace("salah 5", "kalimat rahasia baru");
    assertThat(fifth.body())
        .contains("Penandatanganan dikunci")
        .containsPattern("Coba lagi setelah pukul \\d\\d:\\d\\d\\.");
    // now even the right password replaces nothing, nor does the service path
    HttpResponse<String> locked = replace(WebClient.PASSWORD, "kalimat rahasia baru");
    assertThat(locked.statusCode()).isEqualTo(200);
    assertThat(locked.body()).contains("Penandatanganan dikunci");
    assertThat(
            keys.create(staffId, jetis, "Sri Rahayu", null, "kalimat rahasia baru".toCharArray())
                .errors()
                .get("passphrase")
                .key())
        .isEqualTo("signing.locked");
    assertThat(keys.certificate(jetis, staffId).orElseThrow().serialNumber())
        .isEqualTo(kept.serialNumber());
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'signing.locked' and entity_id = ?")
                .param(staffId.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void savingTheNikTakesTheAccountPassword() {
    HttpResponse<String> wrong =
        signer.post(PAGE + "/nik", "nik", "3516160101800001", "password", "bukan sandinya");
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body()).contains("Kata sandi salah.");
    assertThat(keys.nik(jetis, staffId)).isEmpty();
    HttpResponse<String> missing = signer.post(PAGE + "/nik", "nik", "3516160101800001");
    assertThat(missing.body()).contains("Wajib diisi.");
    assertThat(keys.nik(jetis, staffId)).isEmpty();

    assertThat(
            signer
                .post(PAGE + "/nik", "nik", "3516160101800001", "password", WebClient.PASSWORD)
                .statusCode())
        .isEqualTo(302);
    assertThat(keys.nik(jetis, staffId)).contains("3516160101800001");
    assertThat(audits("signing-key.nik-saved")).isEqualTo(1);
  }
}
