package id.go.kecamatan.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.internal.MessageKind;
import id.go.kecamatan.notifications.internal.MessageTemplates;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office admin's message template editor over HTTP: list, preview with sample data, save,
 * refusals that keep what was typed, reset, the audit, and who may open it.
 */
@IntegrationTest
class MessageTemplateAdminIntegrationTests {

  @LocalServerPort int port;
  @Autowired MessageTemplates templates;
  @Autowired JdbcClient jdbc;

  UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  long audits(UUID officeId, String action) {
    return jdbc.sql("select count(*) from audit_event where office_id = ? and action = ?")
        .params(officeId, action)
        .query(Long.class)
        .single();
  }

  @Test
  void theAdminPreviewsSavesAndResetsATemplateAndEveryChangeIsAudited() {
    UUID jetis = office("35.16.16");
    String url = "/admin/pesan/templat/application.approved/email";
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get("/admin/bagian/kantor").body()).contains("href=\"/admin/pesan/templat\"");
    HttpResponse<String> list = admin.get("/admin/pesan/templat");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("href=\"" + url + "\"", "Permohonan disetujui", "Templat bawaan")
        .contains("href=\"/admin/pesan/templat/staff.digest/email\"")
        .doesNotContain("/admin/pesan/templat/staff.digest/sms");
    HttpResponse<String> edit = admin.get(url);
    assertThat(edit.statusCode()).isEqualTo(200);
    // the default, written with sample data
    assertThat(edit.body())
        .contains("Permohonan 351616-K7M2Q9XW disetujui", "{{pemohon.nama}}", "Siti Aminah");

    // markup is plain text: shown escaped in the preview, kept as typed
    String subject = "Kabar <b>baik</b> untuk {{pemohon.nama}}";
    String text = "Halo {{pemohon.nama}},\r\n<script>alert(1)</script> {{permohonan.kode}}";
    HttpResponse<String> preview =
        admin.post(url, "subject", subject, "text", text, "action", "pratinjau");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains(
            "Kabar &lt;b&gt;baik&lt;/b&gt; untuk Siti Aminah",
            "Halo Siti Aminah,\n&lt;script&gt;alert(1)&lt;/script&gt; 351616-K7M2Q9XW",
            "Pratinjau dari teks yang belum disimpan.")
        .doesNotContain("<script>alert");
    assertThat(templates.effective(jetis, MessageKind.APPROVED, Channel.EMAIL).own()).isFalse();

    long saved = audits(jetis, "notification.template.saved");
    HttpResponse<String> save =
        admin.post(url, "subject", subject, "text", text, "version", "", "action", "simpan");
    assertThat(save.statusCode()).isEqualTo(302);
    assertThat(save.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith(url));
    MessageTemplates.Effective own =
        templates.effective(jetis, MessageKind.APPROVED, Channel.EMAIL);
    assertThat(own.own()).isTrue();
    assertThat(own.text())
        .isEqualTo("Halo {{pemohon.nama}},\n<script>alert(1)</script> {{permohonan.kode}}");
    assertThat(audits(jetis, "notification.template.saved")).isEqualTo(saved + 1);
    assertThat(
            templates
                .render(jetis, MessageKind.APPROVED, Channel.EMAIL, Map.of("pemohon.nama", "Ani"))
                .subject())
        .isEqualTo("Kabar <b>baik</b> untuk Ani");
    assertThat(admin.get("/admin/pesan/templat").body()).contains("Templat kantor ini");

    // saving from a stale page is refused, the text kept
    HttpResponse<String> stale =
        admin.post(url, "subject", "Lama", "text", "Teks lama", "version", "", "action", "simpan");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).contains("baru saja diubah orang lain", "Teks lama");

    // another office does not see it
    WebClient other = WebClient.signedIn(port, "admin.batunadua");
    assertThat(other.get(url).body())
        .contains("Pesan ini memakai templat bawaan.")
        .doesNotContain("alert(1)");
    assertThat(other.post(url + "/reset").statusCode()).isEqualTo(302);
    assertThat(templates.effective(jetis, MessageKind.APPROVED, Channel.EMAIL).own()).isTrue();

    long resets = audits(jetis, "notification.template.reset");
    admin.get(url);
    assertThat(admin.post(url + "/reset").statusCode()).isEqualTo(302);
    assertThat(templates.effective(jetis, MessageKind.APPROVED, Channel.EMAIL).own()).isFalse();
    assertThat(audits(jetis, "notification.template.reset")).isEqualTo(resets + 1);
    assertThat(admin.get(url).body()).contains("Pesan ini memakai templat bawaan.");
  }

  @Test
  void aTemplateChangedByAnotherNodeIsUsedOnceItsChangeNoticeArrives() {
    UUID batunadua = office("12.77.03");
    // read (and kept in memory) before the change
    assertThat(templates.effective(batunadua, MessageKind.REJECTED, Channel.SMS).own()).isFalse();

    // another node (or a person with psql) saves the office's own template
    jdbc.sql(
            """
            insert into notification_template (office_id, kind, channel, subject, body, updated_at)
            values (?, 'application.rejected', 'SMS', null, 'Maaf {{pemohon.nama}}', now())
            """)
        .param(batunadua)
        .update();
    try {
      Awaitility.await("the change notice")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> templates.effective(batunadua, MessageKind.REJECTED, Channel.SMS).own());
      assertThat(
              templates
                  .render(
                      batunadua, MessageKind.REJECTED, Channel.SMS, Map.of("pemohon.nama", "Ani"))
                  .text())
          .isEqualTo("Maaf Ani");
    } finally {
      jdbc.sql(
              "delete from notification_template where office_id = ? and kind = 'application.rejected'")
          .param(batunadua)
          .update();
    }
    Awaitility.await("the change notice of the removal")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> !templates.effective(batunadua, MessageKind.REJECTED, Channel.SMS).own());
  }

  @Test
  void wrongAndHostileTemplatesAreRefusedWithAMessageAndKeepWhatWasTyped() {
    UUID jetis = office("35.16.16");
    String url = "/admin/pesan/templat/application.rejected/whatsapp";
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get(url);
    HttpResponse<String> unknown =
        admin.post(url, "text", "Halo {{pemohon.nik}} ditolak", "action", "simpan");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body())
        .contains("Tempat isian {{pemohon.nik}} tidak dikenal", "Halo {{pemohon.nik}} ditolak")
        .contains("aria-describedby=\"text-hint text-error\"");
    HttpResponse<String> huge = admin.post(url, "text", "a".repeat(100_000), "action", "simpan");
    assertThat(huge.statusCode()).isEqualTo(200);
    assertThat(huge.body())
        .contains("Terlalu panjang: paling banyak 2.000 karakter")
        .contains("a".repeat(100_000));
    HttpResponse<String> nul = admin.post(url, "text", "Halo\u0000", "action", "simpan");
    assertThat(nul.statusCode()).isEqualTo(200);
    assertThat(templates.effective(jetis, MessageKind.REJECTED, Channel.WHATSAPP).own()).isFalse();

    String sms = "/admin/pesan/templat/application.rejected/sms";
    admin.get(sms);
    HttpResponse<String> tooLong =
        admin.post(sms, "text", "{{alasan}} " + "x".repeat(150), "action", "pratinjau");
    assertThat(tooLong.statusCode()).isEqualTo(200);
    assertThat(tooLong.body()).contains("dengan data contoh; paling banyak 160");
    HttpResponse<String> emoji = admin.post(sms, "text", "Ditolak 😞", "action", "simpan");
    assertThat(emoji.body()).contains("SMS hanya boleh berisi huruf");
    assertThat(templates.effective(jetis, MessageKind.REJECTED, Channel.SMS).own()).isFalse();
  }

  @Test
  void theSignersNoticeIsEditedAndPreviewedWithASampleSignerAndLetters() {
    String url = "/admin/pesan/templat/signing.awaiting/email";
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get("/admin/pesan/templat").body())
        .contains("href=\"" + url + "\"", "Surat menunggu tanda tangan (untuk penandatangan)")
        .doesNotContain("/admin/pesan/templat/signing.awaiting/sms");
    HttpResponse<String> edit = admin.get(url);
    assertThat(edit.statusCode()).isEqualTo(200);
    assertThat(edit.body())
        .contains(
            "3 surat menunggu tanda tangan Anda, ",
            "Yth. Hendra Gunawan, S.Sos., M.Si.,",
            "3 surat Kecamatan Jetis menunggu tanda tangan Anda hari ini, ",
            "- 351616-K7M2Q9XW, Surat Keterangan Domisili, tenggat ",
            "- 351616-W3PC6JFX, Surat Pengantar SKCK, tenggat ",
            "/admin/surat/tanda-tangan",
            "{{daftar.surat}}",
            "{{tenggat.terdekat}}",
            "{{penandatangan.nama}}",
            "{{tautan.tandatangan}}");
    // a placeholder of the resident's messages does not belong here
    HttpResponse<String> refused =
        admin.post(
            url,
            "subject",
            "Surat menunggu",
            "text",
            "Halo {{pemohon.nama}}",
            "action",
            "pratinjau");
    assertThat(refused.body()).contains("Tempat isian {{pemohon.nama}} tidak dikenal");
  }

  @Test
  void onlyTheOfficeAdminOpensTheEditorAndUnknownTemplatesAreNotFound() {
    WebClient verifier = WebClient.signedIn(port, "verifikator.jetis");
    assertThat(verifier.get("/admin/pesan/templat").statusCode()).isEqualTo(403);
    assertThat(verifier.get("/admin/pesan/templat/application.approved/email").statusCode())
        .isEqualTo(403);
    assertThat(
            verifier
                .post("/admin/pesan/templat/application.approved/email", "text", "x")
                .statusCode())
        .isEqualTo(403);
    assertThat(verifier.get("/admin").body()).doesNotContain("/admin/pesan/templat");
    assertThat(new WebClient(port).get("/admin/pesan/templat").statusCode()).isEqualTo(302);

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get("/admin/pesan/templat/otp/email").statusCode()).isEqualTo(404);
    assertThat(admin.get("/admin/pesan/templat/staff.digest/sms").statusCode()).isEqualTo(404);
    assertThat(admin.get("/admin/pesan/templat/signing.awaiting/whatsapp").statusCode())
        .isEqualTo(404);
    assertThat(admin.get("/admin/pesan/templat/application.approved/fax").statusCode())
        .isEqualTo(404);
    assertThat(admin.post("/admin/pesan/templat/..%2Fstaff/email/reset").statusCode())
        .isIn(400, 404);
  }
}
