package id.go.kecamatan.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.startup.InvalidSettingsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A real deployment (no demo data) gets its regency and first regency administrator from the
 * settings, once; before this nothing made them and nobody could sign in.
 */
@IntegrationTest
class RegencySetupIntegrationTests {

  @Autowired RegencySetup setup;
  @Autowired StaffAccounts accounts;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder encoder;

  @Test
  void theFirstStartMakesTheRegencyAndItsAdministratorOnce() {
    assertThat(offices.regencyByCode("35.15")).isEmpty();
    try {
      Staff admin = setup.setUp("35.15", "", "Kabupaten-Sidoarjo-2027").orElseThrow();

      assertThat(admin.username()).isEqualTo("kab.3515");
      assertThat(admin.roles()).containsExactly(Role.REGENCY_ADMIN);
      assertThat(admin.officeId()).isNull();
      assertThat(admin.regencyId()).isEqualTo(offices.regencyByCode("35.15").orElseThrow().id());
      assertThat(
              encoder.matches(
                  "Kabupaten-Sidoarjo-2027",
                  jdbc.sql("select password_hash from staff where id = ?")
                      .param(admin.id())
                      .query(String.class)
                      .single()))
          .isTrue();
      // every later start (and the other node) finds it and changes nothing
      assertThat(setup.setUp("35.15", "kab.3515", "Another-Password-2028")).isEmpty();
      assertThat(
              jdbc.sql("select count(*) from staff where username = 'kab.3515'")
                  .query(Long.class)
                  .single())
          .isOne();
      // a second regency administrator: another user name at a later start, the first unchanged
      Staff second =
          setup.setUp("35.15", "kab.3515.dua", "Kabupaten-Sidoarjo-Dua-2027").orElseThrow();
      assertThat(second.roles()).containsExactly(Role.REGENCY_ADMIN);
      assertThat(second.regencyId()).isEqualTo(admin.regencyId());
      assertThat(
              jdbc.sql("select count(*) from regency where code = '35.15'")
                  .query(Long.class)
                  .single())
          .isOne();
    } finally {
      jdbc.sql("delete from staff where username in ('kab.3515', 'kab.3515.dua')").update();
      jdbc.sql("delete from regency where code = '35.15'").update();
    }
  }

  @Test
  void aStartInAnotherZoneThanTheRegencysIsRefusedWithTheSettingToGive() {
    // the demo's regency, Kabupaten Mojokerto (35.16), keeps WIB (other tests add regencies
    // elsewhere)
    assertThat(setup.zoneProblems(id.go.kecamatan.shared.web.Zone.WIB))
        .noneMatch(problem -> problem.contains("(35.16)"));
    assertThat(setup.zoneProblems(id.go.kecamatan.shared.web.Zone.WITA))
        .contains(
            "layanan.time-zone (LAYANAN_TIME_ZONE) is Asia/Makassar (WITA), but Kabupaten"
                + " Mojokerto (35.16) in the database keeps WIB: set"
                + " layanan.time-zone=Asia/Jakarta on every node, as at its first start.");
  }

  @Test
  void wrongSettingsStopTheStartWithWhatToDo() {
    assertThatThrownBy(() -> setup.setUp("35.15", "kab.sidoarjo", "short"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("LAYANAN_SETUP_ADMIN_PASSWORD")
        .hasMessageContaining("10");
    assertThatThrownBy(() -> setup.setUp("99.99", "kab.nowhere", "Kabupaten-Nowhere-2027"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("no regency");
    assertThatThrownBy(() -> setup.setUp("3515", "kab.sidoarjo", "Kabupaten-Sidoarjo-2027"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("such as 35.16");
    // an office's officer is no regency administrator
    assertThatThrownBy(() -> setup.setUp("35.16", "admin.jetis", "Kabupaten-Mojokerto-2027"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("not a regency administrator");
    assertThat(offices.regencyByCode("35.15")).isEmpty();
    assertThat(offices.regencyByCode("99.99")).isEmpty();
  }
}
