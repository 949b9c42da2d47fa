package id.go.kecamatan.content;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enabling and revoking kiosks: a code works once and only while it is valid, only its hash is
 * stored, wrong or hostile input is refused and saves nothing, and another office can neither see
 * nor revoke the device.
 */
@IntegrationTest
class KiosksIntegrationTests {

  static final String ADMIN = "/admin/sosialisasi/kios";
  private static final Pattern CODE =
      Pattern.compile("id=\"kiosk-code\">([A-Z0-9]{4}-[A-Z0-9]{4})<");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired id.go.kecamatan.shared.web.RateLimits limits;

  @Test
  void aCodeEnablesOneDeviceOnceWhileItIsValid() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String code = code(admin, "Tablet uji satu kali");
    assertThat(
            jdbc.sql("select count(*) from kiosk_device where code_hash = ? or token_hash = ?")
                .params(code, code)
                .query(Long.class)
                .single())
        .as("only hashes are stored")
        .isZero();
    limits.perMinute("kiosk-codes-per-address", 5).reset();

    WebClient tablet = new WebClient(port);
    tablet.get("/kios");
    HttpResponse<String> enabled = tablet.post("/kios/aktifkan", "code", code.toLowerCase());
    assertThat(enabled.statusCode()).isEqualTo(302);
    assertThat(String.join(";", enabled.headers().allValues("Set-Cookie")))
        .contains("KIOS=")
        .contains("HttpOnly");
    assertThat(tablet.get("/kios").body()).contains("Anjungan mandiri Kecamatan Jetis");
    assertThat(tablet.get("/kecamatan/jetis").headers().firstValue("Cache-Control"))
        .hasValue("no-store");

    // the same code on another browser: used
    WebClient other = new WebClient(port);
    other.get("/kios");
    assertThat(other.post("/kios/aktifkan", "code", code).body())
        .contains("Kode tidak dikenal, sudah dipakai atau sudah kedaluwarsa");
    // an expired code
    String late = code(admin, "Tablet terlambat");
    jdbc.sql(
            "update kiosk_device set code_expires_at = now() - interval '1 minute' where label = ?")
        .param("Tablet terlambat")
        .update();
    assertThat(other.post("/kios/aktifkan", "code", late).body())
        .contains("Kode tidak dikenal, sudah dipakai atau sudah kedaluwarsa");
    // guessing is limited per address
    for (int i = 0; i < 6; i++) {
      other.post("/kios/aktifkan", "code", "AAAA-AAAA");
    }
    assertThat(other.post("/kios/aktifkan", "code", "AAAA-AAAA").body())
        .contains("Terlalu banyak percobaan");
    limits.perMinute("kiosk-codes-per-address", 5).reset();

    // another office neither sees nor revokes the device
    String id =
        jdbc.sql("select id::text from kiosk_device where label = ?")
            .param("Tablet uji satu kali")
            .query(String.class)
            .single();
    WebClient purwokerto = WebClient.signedIn(port, "admin.purwokertoutara");
    assertThat(purwokerto.get(ADMIN).body()).doesNotContain("Tablet uji satu kali");
    assertThat(purwokerto.post(ADMIN + "/" + id + "/cabut").statusCode()).isEqualTo(404);
    assertThat(purwokerto.post(ADMIN + "/bukan-id/cabut").statusCode()).isEqualTo(404);
    assertThat(WebClient.signedIn(port, "verifikator.jetis").get(ADMIN).statusCode())
        .isEqualTo(403);

    // revoked: the tablet is an ordinary browser and loses its cookie
    assertThat(admin.post(ADMIN + "/" + id + "/cabut").statusCode()).isEqualTo(302);
    assertThat(admin.get(ADMIN).body()).contains("Dicabut");
    HttpResponse<String> after = tablet.get("/kios");
    assertThat(after.body()).contains("Aktifkan anjungan mandiri");
    assertThat(String.join(";", after.headers().allValues("Set-Cookie"))).contains("KIOS=;");
    jdbc.sql("update kiosk_device set revoked_at = now() where revoked_at is null").update();
  }

  @Test
  void wrongOrHostileInputIsRefusedWithAMessageAndSavesNothing() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get(ADMIN);
    long before = jdbc.sql("select count(*) from kiosk_device").query(Long.class).single();
    String[][] cases = {
      {"<script>alert(1)</script>", "3", "Tidak boleh berisi tag HTML"},
      {"Tablet\u0000", "3", "karakter yang tidak diperbolehkan"},
      {"x".repeat(81), "3", "paling banyak 80"},
      {"", "3", "Wajib diisi."},
      {"Tablet", "0", "antara 1 dan 30"},
      {"Tablet", "31", "antara 1 dan 30"},
      {"Tablet", "tiga", "angka"},
    };
    for (String[] c : cases) {
      HttpResponse<String> refused = admin.post(ADMIN, "label", c[0], "idleMinutes", c[1]);
      assertThat(refused.statusCode()).as(c[2]).isEqualTo(200);
      assertThat(refused.body()).as(c[2]).contains("error-summary").contains(c[2]);
      assertThat(refused.body()).as(c[2]).doesNotContain("kiosk-code");
      assertThat(refused.body()).doesNotContain("<script>alert(1)");
    }
    assertThat(jdbc.sql("select count(*) from kiosk_device").query(Long.class).single())
        .isEqualTo(before);
    WebClient tablet = new WebClient(port);
    tablet.get("/kios");
    assertThat(tablet.post("/kios/aktifkan", "code", "<script>alert(1)</script>").body())
        .doesNotContain("<script>alert(1)")
        .contains("Kode tidak dikenal");
    limits.perMinute("kiosk-codes-per-address", 5).reset();
  }

  private static String code(WebClient admin, String label) {
    admin.get(ADMIN);
    String page = admin.post(ADMIN, "label", label, "idleMinutes", "3").body();
    Matcher m = CODE.matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }
}
