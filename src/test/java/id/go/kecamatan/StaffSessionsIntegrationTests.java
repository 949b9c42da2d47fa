package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.StaffForm;
import id.go.kecamatan.shared.security.Role;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Changes to an account take effect at once for an officer who is signed in. */
@IntegrationTest
class StaffSessionsIntegrationTests {

  private static final String PASSWORD = "Petugas-Sesi-2026";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccounts accounts;

  private Staff newOfficer(String username) {
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    return accounts
        .create(
            jetis,
            new StaffForm(
                username, "Petugas Sesi", null, null, Set.of(Role.OFFICE_ADMIN), null, PASSWORD))
        .value();
  }

  @Test
  void aDeactivatedOfficerIsSignedOutAtOnce() {
    Staff officer = newOfficer("sesi.nonaktif");
    WebClient session = WebClient.signedIn(port, "sesi.nonaktif", PASSWORD);
    assertThat(session.get("/admin/kantor").statusCode()).isEqualTo(200);

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get("/admin/staf");
    assertThat(admin.post("/admin/staf/" + officer.id() + "/aktif", "active", "false").statusCode())
        .isEqualTo(302);

    assertThat(session.get("/admin/kantor").headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/masuk"));
  }

  @Test
  void aChangedRoleTakesEffectAtTheNextRequest() {
    Staff officer = newOfficer("sesi.peran");
    WebClient session = WebClient.signedIn(port, "sesi.peran", PASSWORD);
    assertThat(session.get("/admin/layanan").statusCode()).isEqualTo(200);

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get("/admin/staf/" + officer.id());
    assertThat(
            admin
                .post(
                    "/admin/staf/" + officer.id(),
                    "username",
                    "sesi.peran",
                    "fullName",
                    "Petugas Sesi",
                    "roles",
                    "FRONT_OFFICE")
                .statusCode())
        .isEqualTo(302);

    assertThat(session.get("/admin/layanan").statusCode()).isEqualTo(302);
    WebClient again = WebClient.signedIn(port, "sesi.peran", PASSWORD);
    assertThat(again.get("/admin/layanan").statusCode()).isEqualTo(403);
  }

  @Test
  void changingOnesPasswordEndsTheOtherSessionsButKeepsThisOne() {
    newOfficer("sesi.sandi");
    WebClient phone = WebClient.signedIn(port, "sesi.sandi", PASSWORD);
    WebClient desk = WebClient.signedIn(port, "sesi.sandi", PASSWORD);

    desk.get("/akun/kata-sandi");
    assertThat(
            desk.post(
                    "/akun/kata-sandi",
                    "current",
                    PASSWORD,
                    "password",
                    "Sandi-Baru-Sesi-2026",
                    "confirmation",
                    "Sandi-Baru-Sesi-2026")
                .statusCode())
        .isEqualTo(302);

    assertThat(desk.get("/admin").statusCode()).isEqualTo(200);
    assertThat(phone.get("/admin").statusCode()).isEqualTo(302);
  }
}
