package id.go.kecamatan.letters.internal.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.OfficeOnboarding;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.Outcome;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An office of its own for the numbering tests, so their counters and settings never meet the demo
 * offices' letters: registered with its administrator, kept out of the public list, with a unit
 * code and three services (two classification codes, one service without a code, inactive unless
 * asked).
 *
 * @param withoutCode the service without a classification code
 */
record NumberingOffice(UUID id, String admin, UUID surat474, UUID surat4009, UUID withoutCode) {

  static NumberingOffice register(
      OfficeOnboarding onboarding, Offices offices, JdbcClient jdbc, String code, String admin) {
    Outcome<Office> office =
        onboarding.register(
            offices.regencyByCode("35.16").orElseThrow().id(),
            code,
            new OfficeOnboarding.FirstAdmin(
                admin, "Admin Penomoran " + code, null, WebClient.PASSWORD));
    assertThat(office.ok()).as("office %s registered: %s", code, office.errors().all()).isTrue();
    UUID id = office.value().id();
    jdbc.sql("update office set active = false, unit_code = '416.399' where id = ?")
        .param(id)
        .update();
    return new NumberingOffice(
        id,
        admin,
        service(jdbc, id, "SKD", "Surat Keterangan Domisili", "474", true),
        service(jdbc, id, "SKTM", "Surat Keterangan Tidak Mampu", "400.9", true),
        service(jdbc, id, "LAIN", "Surat Keterangan Lain-lain", null, false));
  }

  private static UUID service(
      JdbcClient jdbc,
      UUID officeId,
      String code,
      String name,
      String classification,
      boolean active) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into service_type
              (id, office_id, code, name, category, completion_days, classification_code, active)
            values (?, ?, ?, ?, 'NON_PERIZINAN', 1, ?, ?)
            """)
        .params(id, officeId, code, name, classification, active)
        .update();
    return id;
  }
}
