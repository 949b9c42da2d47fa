package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.office.WorkingCalendar;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An office's administrator reaches nothing of another office, whatever URL or id is typed. */
@IntegrationTest
class TenantIsolationIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired WorkingCalendar calendar;

  UUID purwokerto;
  UUID service;
  UUID requirement;
  UUID staff;
  UUID closure;
  UUID national;

  @BeforeEach
  void idsOfPurwokertoUtara() {
    purwokerto =
        jdbc.sql("select id from office where code = '33.02.27'").query(UUID.class).single();
    service =
        jdbc.sql("select id from service_type where office_id = ? and code = 'SKTM'")
            .param(purwokerto)
            .query(UUID.class)
            .single();
    requirement =
        jdbc.sql(
                "select id from requirement where service_type_id = ? order by position limit 1 offset 1")
            .param(service)
            .query(UUID.class)
            .single();
    staff =
        jdbc.sql("select id from staff where username = 'loket.purwokertoutara'")
            .query(UUID.class)
            .single();
    List<UUID> closures =
        jdbc.sql("select id from holiday where office_id = ? and day = '2030-01-07'")
            .param(purwokerto)
            .query(UUID.class)
            .list();
    if (closures.isEmpty()) {
      assertThat(
              calendar
                  .add(purwokerto, "2030-01-07", "LOCAL", "Penutupan kantor Purwokerto Utara")
                  .any())
          .isFalse();
      closures =
          jdbc.sql("select id from holiday where office_id = ? and day = '2030-01-07'")
              .param(purwokerto)
              .query(UUID.class)
              .list();
    }
    closure = closures.get(0);
    national =
        jdbc.sql("select id from holiday where office_id is null order by day limit 1")
            .query(UUID.class)
            .single();
  }

  private String snapshot() {
    return String.join(
        "|",
        jdbc.sql("select row(s.*)::text from service_type s where id = ?")
            .param(service)
            .query(String.class)
            .single(),
        String.join(
            ";",
            jdbc.sql(
                    "select row(r.*)::text from requirement r where service_type_id = ? order by id")
                .param(service)
                .query(String.class)
                .list()),
        jdbc.sql("select row(s.*)::text from staff s where id = ?")
            .param(staff)
            .query(String.class)
            .single(),
        String.join(
            ";",
            jdbc.sql("select row(h.*)::text from holiday h where id in (?, ?) order by id")
                .params(closure, national)
                .query(String.class)
                .list()),
        jdbc.sql("select count(*) from audit_event where office_id = ?")
            .param(purwokerto)
            .query(String.class)
            .single());
  }

  @Test
  void jetisAdminCannotReadAnythingOfPurwokertoUtara() {
    WebClient jetis = WebClient.signedIn(port, "admin.jetis");
    for (String path :
        List.of(
            "/admin/layanan/" + service,
            "/admin/layanan/" + service + "/persyaratan/" + requirement,
            "/admin/staf/" + staff)) {
      HttpResponse<String> response = jetis.get(path);
      assertThat(response.statusCode()).as(path).isIn(403, 404);
      assertThat(response.body()).as(path).doesNotContain("Purwokerto");
    }
  }

  @Test
  void jetisAdminCannotChangeAnythingOfPurwokertoUtara() {
    WebClient jetis = WebClient.signedIn(port, "admin.jetis");
    String before = snapshot();
    String s = "/admin/layanan/" + service;
    String r = s + "/persyaratan/" + requirement;
    Map<String, String[]> posts = new java.util.LinkedHashMap<>();
    posts.put(
        s,
        new String[] {
          "code",
          "SKTM",
          "name",
          "Diretas",
          "category",
          "NON_PERIZINAN",
          "description",
          "x",
          "procedureSteps",
          "x",
          "completionDays",
          "1",
          "cost",
          "0",
          "product",
          "x",
          "complaintChannel",
          "x",
          "legalBasis",
          "x",
          "online",
          "true",
          "counter",
          "true",
          "village",
          "true"
        });
    posts.put(s + "/aktif", new String[] {"active", "false"});
    posts.put(s + "/persyaratan", new String[] {"reqName", "Diretas", "reqRequired", "true"});
    posts.put(r, new String[] {"reqName", "Diretas", "reqRequired", "true"});
    posts.put(r + "/naik", new String[0]);
    posts.put(r + "/turun", new String[0]);
    posts.put(r + "/hapus", new String[0]);
    posts.put(
        "/admin/staf/" + staff,
        new String[] {
          "username",
          "loket.purwokertoutara",
          "fullName",
          "Diretas",
          "roles",
          "OFFICE_ADMIN",
          "password",
          "Sandi-Baru-Diretas-2026"
        });
    posts.put("/admin/staf/" + staff + "/aktif", new String[] {"active", "false"});
    posts.put("/admin/kalender/" + closure + "/hapus", new String[0]);
    posts.forEach(
        (path, fields) -> {
          HttpResponse<String> response = jetis.post(path, fields);
          assertThat(response.statusCode()).as("POST " + path).isIn(403, 404);
        });
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void jetisServiceWithARequirementOfPurwokertoIsNotFoundEither() {
    WebClient jetis = WebClient.signedIn(port, "admin.jetis");
    UUID jetisOffice =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    UUID jetisService =
        jdbc.sql("select id from service_type where office_id = ? and code = 'SKTM'")
            .param(jetisOffice)
            .query(UUID.class)
            .single();
    String before = snapshot();
    String path = "/admin/layanan/" + jetisService + "/persyaratan/" + requirement;
    assertThat(jetis.get(path).statusCode()).isEqualTo(404);
    assertThat(jetis.post(path, "reqName", "Diretas").statusCode()).isEqualTo(404);
    assertThat(jetis.post(path + "/hapus").statusCode()).isEqualTo(404);
    assertThat(jetis.post(path + "/naik").statusCode()).isEqualTo(404);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void officeAdminCannotRemoveANationalHoliday() {
    WebClient jetis = WebClient.signedIn(port, "admin.jetis");
    String before = snapshot();
    assertThat(jetis.post("/admin/kalender/" + national + "/hapus").statusCode()).isIn(403, 404);
    assertThat(jetis.post("/admin/kabupaten/kalender/" + national + "/hapus").statusCode())
        .isEqualTo(403);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void otherRolesAreForbiddenFromTheAdministration() {
    for (String user : List.of("loket.jetis", "verifikator.jetis", "desa.jetis", "camat.jetis")) {
      WebClient client = WebClient.signedIn(port, user);
      for (String path :
          List.of(
              "/admin/layanan",
              "/admin/staf",
              "/admin/kantor",
              "/admin/pejabat",
              "/admin/kalender",
              "/admin/audit",
              "/admin/kabupaten/kecamatan")) {
        assertThat(client.get(path).statusCode()).as(user + " GET " + path).isEqualTo(403);
      }
      assertThat(
              client.post("/admin/layanan/" + service + "/aktif", "active", "false").statusCode())
          .as(user)
          .isEqualTo(403);
      assertThat(client.get("/admin").statusCode()).as(user + " console home").isEqualTo(200);
    }
  }

  @Test
  void anonymousVisitorsAreSentToTheSignIn() {
    WebClient anonymous = new WebClient(port);
    for (String path :
        List.of(
            "/admin",
            "/admin/layanan",
            "/admin/staf",
            "/admin/kantor",
            "/admin/kabupaten/kecamatan",
            "/akun/kata-sandi",
            "/admin/layanan/" + service)) {
      HttpResponse<String> response = anonymous.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(WebClient.location(response)).as(path).endsWith("/masuk");
    }
  }

  @Test
  void officeAdminsCannotUseTheRegencyScreens() {
    WebClient jetis = WebClient.signedIn(port, "admin.jetis");
    long offices = jdbc.sql("select count(*) from office").query(Long.class).single();
    assertThat(jetis.get("/admin/kabupaten/kecamatan").statusCode()).isEqualTo(403);
    assertThat(jetis.get("/admin/kabupaten/kalender").statusCode()).isEqualTo(403);
    assertThat(jetis.post("/admin/kabupaten/kecamatan", "code", "35.16.01").statusCode())
        .isEqualTo(403);
    assertThat(
            jetis
                .post(
                    "/admin/kabupaten/kalender", "day", "2031-01-01", "kind", "LIBUR", "name", "x")
                .statusCode())
        .isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from office").query(Long.class).single())
        .isEqualTo(offices);
  }

  @Test
  void regencyAdminCannotCreateAnOfficeOfAnotherRegency() {
    WebClient mojokerto = WebClient.signedIn(port, "kab.3516");
    long offices = jdbc.sql("select count(*) from office").query(Long.class).single();
    HttpResponse<String> response =
        mojokerto.post("/admin/kabupaten/kecamatan", "code", "33.02.01");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("error-summary").contains("Kecamatan ini tidak termasuk");
    assertThat(jdbc.sql("select count(*) from office").query(Long.class).single())
        .isEqualTo(offices);
    assertThat(
            jdbc.sql("select count(*) from office where code = '33.02.01'")
                .query(Long.class)
                .single())
        .isZero();
    // and the office screens are not for regency administrators
    assertThat(mojokerto.get("/admin/layanan").statusCode()).isEqualTo(403);
    assertThat(
            mojokerto.post("/admin/layanan/" + service + "/aktif", "active", "false").statusCode())
        .isEqualTo(403);
  }

  @Test
  void malformedIdsAreNotFoundNotServerErrors() {
    WebClient jetis = WebClient.signedIn(port, "admin.jetis");
    for (String path :
        List.of(
            "/admin/layanan/bukan-uuid",
            "/admin/layanan/" + service + "/persyaratan/123",
            "/admin/staf/%27%20or%201=1",
            "/admin/layanan/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")) {
      HttpResponse<String> response = jetis.get(path);
      assertThat(response.statusCode()).as("GET " + path).isEqualTo(404);
      assertThat(response.body()).as(path).contains("Halaman tidak ditemukan");
    }
    for (String path :
        List.of(
            "/admin/layanan/bukan-uuid",
            "/admin/layanan/bukan-uuid/aktif",
            "/admin/layanan/bukan-uuid/persyaratan",
            "/admin/layanan/x/persyaratan/y/naik",
            "/admin/layanan/x/persyaratan/y/hapus",
            "/admin/staf/bukan-uuid",
            "/admin/staf/bukan-uuid/aktif",
            "/admin/kalender/bukan-uuid/hapus")) {
      assertThat(jetis.post(path, "active", "false").statusCode())
          .as("POST " + path)
          .isEqualTo(404);
    }
  }
}
