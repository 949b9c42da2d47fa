package id.go.kecamatan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second check of a service on the office admin's service screen: shown as a select, only the
 * listed roles saved (forged and hostile values refused), every change audited; the demo catalogue
 * sets it where an office really asks the Sekcam.
 */
@IntegrationTest
class ServiceAdminSecondCheckIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  String secondCheck(UUID service) {
    return jdbc.sql("select second_check from service_type where id = ?")
        .param(service)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  static Map<String, String> form(String code, String secondCheck) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("code", code);
    form.put("name", "Layanan Uji Pemeriksaan " + code);
    form.put("category", "NON_PERIZINAN");
    form.put("description", "Layanan untuk pengujian.");
    form.put("procedureSteps", "Pemohon datang\nPetugas memeriksa");
    form.put("completionDays", "2");
    form.put("cost", "0");
    form.put("product", "Surat keterangan");
    form.put("complaintChannel", "Loket pengaduan");
    form.put("legalBasis", "Perbup Nomor 1 Tahun 2020");
    form.put("online", "true");
    form.put("counter", "true");
    form.put("village", "true");
    form.put("_online", "on");
    form.put("_counter", "on");
    form.put("_village", "on");
    if (secondCheck != null) {
      form.put("secondCheck", secondCheck);
    }
    return form;
  }

  static String[] flat(Map<String, String> fields) {
    List<String> list = new ArrayList<>();
    fields.forEach(
        (k, v) -> {
          list.add(k);
          list.add(v);
        });
    return list.toArray(String[]::new);
  }

  @Test
  void theDemoCatalogueAsksTheSignerToCheckWarisAndDispensasiNikah() {
    UUID jetis = office("35.16.16");
    Map<String, String> settings = new LinkedHashMap<>();
    jdbc.sql("select code, second_check from service_type where office_id = ? and active")
        .param(jetis)
        .query(
            rs -> {
              settings.put(rs.getString(1), rs.getString(2));
            });
    assertThat(settings).containsEntry("SKW", "SIGNER").containsEntry("DISPENSASI-NIKAH", "SIGNER");
    assertThat(settings).containsEntry("DOMISILI", null);
    // shown among the internal components of the published standard
    String page = new WebClient(port).get("/kecamatan/jetis/layanan/SKW").body();
    assertThat(page).contains("Pemeriksaan kedua sebelum persetujuan").contains("Sekcam/Camat");
  }

  @Test
  void theAdminSavesAValidSecondCheckAndRefusesAForgedOne() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis = office("35.16.16");
    String code = "PK-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    admin.get("/admin/layanan/baru");
    HttpResponse<String> created = admin.post("/admin/layanan", flat(form(code, "SIGNER")));
    assertThat(created.statusCode()).isEqualTo(302);
    UUID id =
        jdbc.sql("select id from service_type where office_id = ? and code = ?")
            .params(jetis, code)
            .query(UUID.class)
            .single();
    // inactive at once, so that the public catalogue keeps its 14 services
    assertThat(admin.post("/admin/layanan/" + id + "/aktif", "active", "false").statusCode())
        .isEqualTo(302);
    assertThat(secondCheck(id)).isEqualTo("SIGNER");
    String screen = admin.get("/admin/layanan/" + id).body();
    assertThat(screen)
        .contains("name=\"secondCheck\"")
        .contains("<option value=\"SIGNER\" selected>")
        .contains("Sekcam/Camat (penanda tangan)");

    // forged and hostile values: refused with the message, nothing changes
    for (String forged :
        List.of(
            "REGENCY_ADMIN",
            "VERIFIER",
            "FRONT_OFFICE",
            "signer ",
            "CAMAT",
            "<script>alert(1)</script>",
            "SIGNER' or '1'='1",
            "x".repeat(5000))) {
      HttpResponse<String> refused = admin.post("/admin/layanan/" + id, flat(form(code, forged)));
      assertThat(refused.statusCode()).as(forged).isEqualTo(200);
      assertThat(refused.body())
          .as(forged)
          .contains("class=\"error-summary\"")
          .contains("Pilih pemeriksa kedua dari daftar.")
          .doesNotContain("<script>alert(1)");
      assertThat(secondCheck(id)).as(forged).isEqualTo("SIGNER");
    }

    // a valid change is saved and audited with the before and after
    assertThat(admin.post("/admin/layanan/" + id, flat(form(code, "OFFICE_ADMIN"))).statusCode())
        .isEqualTo(302);
    assertThat(secondCheck(id)).isEqualTo("OFFICE_ADMIN");
    String audit =
        jdbc.sql(
                """
                select details::text from audit_event
                where action = 'service.updated' and entity_id = ? order by id desc limit 1
                """)
            .param(id.toString())
            .query(String.class)
            .single();
    assertThat(audit).contains("secondCheck").contains("SIGNER").contains("OFFICE_ADMIN");
    // none: one-step approval again
    assertThat(admin.post("/admin/layanan/" + id, flat(form(code, ""))).statusCode())
        .isEqualTo(302);
    assertThat(secondCheck(id)).isNull();
    assertThat(admin.post("/admin/layanan/" + id, flat(form(code, null))).statusCode())
        .isEqualTo(302);
    assertThat(secondCheck(id)).isNull();
    // only the office admin reaches the screen
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    verifier.get("/admin");
    assertThat(verifier.post("/admin/layanan/" + id, flat(form(code, "SIGNER"))).statusCode())
        .isEqualTo(403);
    assertThat(secondCheck(id)).isNull();
  }
}
