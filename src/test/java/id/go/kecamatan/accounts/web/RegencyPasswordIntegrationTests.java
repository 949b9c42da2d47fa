package id.go.kecamatan.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.StaffAccounts;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The regency administrator resets the password of an office administrator who cannot sign in (an
 * office with one administrator had nobody who could), refused for one's own, for other staff
 * (their office administrator resets them), and for another regency's account.
 */
@IntegrationTest
class RegencyPasswordIntegrationTests {

  static final String LIST = "/admin/kabupaten/dua-langkah";

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder encoder;

  @Test
  void theRegencyAdministratorGivesAnOfficeAdministratorANewPasswordAndNothingElse() {
    UUID admin = accounts.byUsername("admin.purwokertoutara").orElseThrow().id();
    UUID verifier = accounts.byUsername("verifikator.purwokertoutara").orElseThrow().id();
    UUID self = accounts.byUsername("kab.3302").orElseThrow().id();
    String path = LIST + "/" + admin + "/kata-sandi";
    WebClient regency = WebClient.signedIn(port, "kab.3302");
    WebClient officeAdmin = WebClient.signedIn(port, "admin.purwokertoutara");
    try {
      // the list of the regency's accounts links the reset for administrators only
      String list = regency.get(LIST).body();
      assertThat(list)
          .contains("href=\"" + path + "\"")
          .doesNotContain(LIST + "/" + verifier + "/kata-sandi")
          .doesNotContain(LIST + "/" + self + "/kata-sandi");
      assertThat(regency.get(path).body())
          .contains("Atur ulang kata sandi", "admin.purwokertoutara", "Kecamatan Purwokerto Utara");

      // a weak password, two that differ, one's own, a verifier: refused, nothing changed
      HttpResponse<String> weak =
          regency.post(path, "password", "rahasia", "confirmation", "rahasia");
      assertThat(weak.statusCode()).isEqualTo(422);
      assertThat(weak.body()).contains("Kata sandi paling sedikit 10 karakter");
      HttpResponse<String> differ =
          regency.post(
              path, "password", "Purwokerto-Baru-2027", "confirmation", "Purwokerto-Baru-2028");
      assertThat(differ.statusCode()).isEqualTo(422);
      assertThat(differ.body()).contains("Kedua kata sandi baru tidak sama");
      assertThat(
              regency
                  .post(
                      LIST + "/" + self + "/kata-sandi",
                      "password",
                      "Kabupaten-Banyumas-2027",
                      "confirmation",
                      "Kabupaten-Banyumas-2027")
                  .body())
          .contains("Kata sandi Anda sendiri diubah di halaman Akun saya");
      assertThat(
              regency
                  .post(
                      LIST + "/" + verifier + "/kata-sandi",
                      "password",
                      "Verifikator-Baru-2027",
                      "confirmation",
                      "Verifikator-Baru-2027")
                  .body())
          .contains("diatur ulang oleh admin kecamatannya");
      // another regency does not find the account
      assertThat(
              WebClient.signedIn(port, "kab.3516")
                  .post(
                      path,
                      "password",
                      "Purwokerto-Baru-2027",
                      "confirmation",
                      "Purwokerto-Baru-2027")
                  .statusCode())
          .isEqualTo(404);
      assertThat(officeAdmin.get("/admin").statusCode()).isEqualTo(200);
      assertThat(
              new WebClient(port).login("admin.purwokertoutara", WebClient.PASSWORD).statusCode())
          .isEqualTo(302);

      // the reset: the list says so, the old password and the open session are gone
      HttpResponse<String> done =
          regency.post(
              path, "password", "Purwokerto-Baru-2027", "confirmation", "Purwokerto-Baru-2027");
      assertThat(done.statusCode()).isEqualTo(302);
      assertThat(WebClient.location(done)).endsWith(LIST);
      assertThat(regency.get(LIST).body())
          .contains("Kata sandi Admin Kecamatan Purwokerto Utara sudah diatur ulang");
      assertThat(officeAdmin.get("/admin").statusCode()).as("the session ended").isEqualTo(302);
      assertThat(
              WebClient.location(
                  new WebClient(port).login("admin.purwokertoutara", WebClient.PASSWORD)))
          .as("the old password")
          .doesNotEndWith("/admin");
      WebClient.signedIn(port, "admin.purwokertoutara", "Purwokerto-Baru-2027");
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_event where entity_id = ? and action ="
                          + " 'staff.password.reset'")
                  .param(admin.toString())
                  .query(Long.class)
                  .single())
          .isOne();
    } finally {
      jdbc.sql("update staff set password_hash = ? where id = ?")
          .params(encoder.encode(WebClient.PASSWORD), admin)
          .update();
    }
  }
}
