package id.go.kecamatan.complaints.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Officers work on complaints through the pages: the worklist, the case page with every step, the
 * categories and standard texts; another office's staff reach nothing of it.
 */
@IntegrationTest
class StaffPagesIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  UUID received(String officeCode) {
    return jdbc.sql(
            "select c.id from complaint c join office o on o.id = c.office_id where o.code = ? and c.status = 'RECEIVED' and c.description like 'Sampah di depan pasar%'")
        .param(officeCode)
        .query(UUID.class)
        .single();
  }

  int version(UUID id) {
    return jdbc.sql("select version from complaint where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  @Test
  void theWorklistShowsTheOfficesComplaintsNearestDeadlineFirstWithTheOverdueMarked() {
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    HttpResponse<String> list = verifier.get("/admin/pengaduan");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("Daftar pengaduan")
        .contains("Lewat tenggat")
        .contains("Sudah dua minggu surat keterangan domisili")
        .doesNotContain("Tes tes tes"); // rejected: not open
    // nearest deadline first: the overdue one comes before the fresh one, or the fresh one is on a
    // later page when the suite's other tests have filed enough complaints with earlier deadlines
    int overdue = list.body().indexOf("Sudah dua minggu");
    int fresh = list.body().indexOf("Sampah di depan pasar");
    assertThat(overdue).isNotNegative();
    if (fresh < 0) {
      assertThat(list.body()).contains("setelah=");
    } else {
      assertThat(overdue).isLessThan(fresh);
    }
    assertThat(verifier.get("/admin/pengaduan?q=sampah+pasar").body())
        .contains("Sampah di depan pasar");
    assertThat(verifier.get("/admin/pengaduan?tenggat=lewat").body())
        .contains("Sudah dua minggu")
        .doesNotContain("Sampah di depan pasar");
    assertThat(verifier.get("/admin/pengaduan?q=berlubang").body())
        .contains("Jalan desa di RT 02")
        .doesNotContain("Sudah dua minggu");
    assertThat(verifier.get("/admin/pengaduan?status=CLOSED").body())
        .contains("syarat membuat surat");
    UUID infrastructure =
        jdbc.sql(
                "select c.id from complaint_category c join office o on o.id = c.office_id where o.code = '35.16.16' and c.name = 'Infrastruktur dan lingkungan'")
            .query(UUID.class)
            .single();
    assertThat(verifier.get("/admin/pengaduan?kategori=" + infrastructure).body())
        .contains("Jalan desa di RT 02")
        .contains("Sampah di depan pasar")
        .doesNotContain("Sudah dua minggu");
    assertThat(
            verifier
                .get("/admin/pengaduan?q=%3Cscript%3E&status=XSS&kategori=x&setelah=zz")
                .statusCode())
        .isEqualTo(200);
    assertThat(verifier.get("/admin").body()).contains("/admin/pengaduan");
  }

  @Test
  void anotherOfficesStaffGetNotFoundForEveryComplaintUrl() {
    UUID jetis = received("35.16.16");
    WebClient stranger = WebClient.signedIn(port, "admin.purwokertoutara");
    stranger.get("/admin/pengaduan");
    assertThat(stranger.get("/admin/pengaduan/" + jetis).statusCode()).isEqualTo(404);
    for (String action :
        List.of("verifikasi", "tolak", "catatan", "jawab", "tugaskan", "teruskan")) {
      assertThat(
              stranger
                  .post(
                      "/admin/pengaduan/" + jetis + "/" + action,
                      "version",
                      "0",
                      "note",
                      "x",
                      "reason",
                      "x")
                  .statusCode())
          .as(action)
          .isEqualTo(404);
    }
    UUID category =
        jdbc.sql("select category_id from complaint where id = ?")
            .param(jetis)
            .query(UUID.class)
            .single();
    assertThat(stranger.get("/admin/pengaduan/kategori/" + category).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/admin/pengaduan").body()).doesNotContain(code(jetis));
    assertThat(stranger.get("/admin/pengaduan?q=" + code(jetis)).body())
        .contains("Tidak ada pengaduan yang cocok")
        .doesNotContain("/admin/pengaduan/" + jetis);
    // a front office officer reads but does not decide
    WebClient counter = WebClient.signedIn(port, "loket.jetis");
    assertThat(counter.get("/admin/pengaduan/" + jetis).statusCode()).isEqualTo(200);
    assertThat(
            counter
                .post(
                    "/admin/pengaduan/" + jetis + "/verifikasi",
                    "version",
                    String.valueOf(version(jetis)))
                .statusCode())
        .isEqualTo(403);
    assertThat(counter.get("/admin/pengaduan/kategori").statusCode()).isEqualTo(403);
  }

  String code(UUID id) {
    return jdbc.sql("select tracking_code from complaint where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  @Test
  void anOfficerVerifiesAsksAndAnswersWithAStandardTextAndHostileInputIsRefused() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    UUID id = received("12.77.03");
    UUID category =
        jdbc.sql("select category_id from complaint where id = ?")
            .param(id)
            .query(UUID.class)
            .single();
    admin.get("/admin/pengaduan/kategori/" + category);
    String answerTitle = "Sudah diangkut " + UUID.randomUUID();
    HttpResponse<String> text =
        admin.post(
            "/admin/pengaduan/kategori/" + category + "/teks",
            "step",
            "ANSWERED",
            "title",
            answerTitle,
            "body",
            "Yth. {{pelapor}}, pengaduan {{kode}} sudah kami tindak lanjuti.");
    assertThat(text.statusCode()).isEqualTo(302);
    assertThat(
            admin
                .post(
                    "/admin/pengaduan/kategori/" + category + "/teks",
                    "step",
                    "ANSWERED",
                    "title",
                    "<script>",
                    "body",
                    "")
                .statusCode())
        .isEqualTo(422);

    HttpResponse<String> page = admin.get("/admin/pengaduan/" + id);
    // not verified yet: no answer field, so no answer's standard text on offer
    assertThat(page.body())
        .contains("Verifikasi")
        .contains("Tolak pengaduan")
        .doesNotContain(answerTitle);
    HttpResponse<String> stale =
        admin.post(
            "/admin/pengaduan/" + id + "/verifikasi",
            "version",
            "99",
            "categoryId",
            category.toString());
    assertThat(stale.statusCode()).isEqualTo(422);
    assertThat(stale.body()).contains("baru saja diubah petugas lain");
    assertThat(
            admin
                .post(
                    "/admin/pengaduan/" + id + "/verifikasi",
                    "version",
                    String.valueOf(version(id)),
                    "categoryId",
                    category.toString())
                .statusCode())
        .isEqualTo(302);
    HttpResponse<String> hostile =
        admin.post(
            "/admin/pengaduan/" + id + "/tanya",
            "version",
            String.valueOf(version(id)),
            "question",
            "<img src=x onerror=alert(1)>");
    assertThat(hostile.statusCode()).isEqualTo(422);
    assertThat(hostile.body()).doesNotContain("<img src=x");
    assertThat(
            admin
                .post(
                    "/admin/pengaduan/" + id + "/tanya",
                    "version",
                    String.valueOf(version(id)),
                    "question",
                    "x".repeat(2001))
                .statusCode())
        .isEqualTo(422);
    assertThat(
            admin
                .post(
                    "/admin/pengaduan/" + id + "/tanya",
                    "version",
                    String.valueOf(version(id)),
                    "question",
                    "Di RT berapa?")
                .statusCode())
        .isEqualTo(302);
    assertThat(admin.get("/admin/pengaduan/" + id).body()).contains("Ditunda");
    assertThat(
            admin.post("/admin/pengaduan/" + id + "/catatan", "note", "Cek ke desa").statusCode())
        .isEqualTo(302);

    UUID textId =
        jdbc.sql(
                "select id from complaint_standard_text where category_id = ? and body like '%sudah kami tindak lanjuti%' limit 1")
            .param(category)
            .query(UUID.class)
            .single();
    jdbc.sql(
            "update complaint set status = 'IN_PROGRESS', due = current_date + 3, answer_due = current_date + 3, days_left = null, reply_due = null where id = ?")
        .param(id)
        .update();
    HttpResponse<String> inserted = admin.get("/admin/pengaduan/" + id + "?teks=" + textId);
    assertThat(inserted.body())
        .contains(answerTitle)
        .contains("pengaduan " + code(id) + " sudah kami tindak lanjuti");
    assertThat(
            admin
                .post(
                    "/admin/pengaduan/" + id + "/jawab",
                    "version",
                    String.valueOf(version(id)),
                    "answer",
                    "Sampah sudah diangkut.")
                .statusCode())
        .isEqualTo(302);
    HttpResponse<String> after = admin.get("/admin/pengaduan/" + id);
    assertThat(after.body())
        .contains("Dijawab")
        .contains("Sampah sudah diangkut.")
        .contains("Catatan internal");
  }

  @Test
  void theOfficeAdminKeepsTheCategoriesAndWrongInputIsRefused() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    HttpResponse<String> page = admin.get("/admin/pengaduan/kategori");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Pelayanan administrasi").contains("Lama pelayanan");
    HttpResponse<String> wrong =
        admin.post(
            "/admin/pengaduan/kategori",
            "name",
            "",
            "tierDays",
            "61",
            "responsibleRole",
            "REGENCY_ADMIN",
            "parentId",
            UUID.randomUUID().toString());
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("error-summary");
    String name = "Parkir " + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            admin
                .post(
                    "/admin/pengaduan/kategori",
                    "name",
                    name,
                    "tierDays",
                    "14",
                    "active",
                    "ya",
                    "position",
                    "5")
                .statusCode())
        .isEqualTo(302);
    assertThat(admin.get("/admin/pengaduan/kategori").body()).contains(name);
    assertThat(
            admin
                .post("/admin/pengaduan/kategori", "name", name, "tierDays", "14", "position", "5")
                .body())
        .contains("sudah dipakai");
  }
}
