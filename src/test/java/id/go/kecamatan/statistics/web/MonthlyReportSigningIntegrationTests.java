package id.go.kecamatan.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.letters.LetterFixtures;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.statistics.Statistics;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.YearMonth;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An office that signs its monthly reports: a version waits, hidden from the public, until the
 * Camat signs it with the passphrase of the letters' key; the signed PDF/A is then public, passes
 * veraPDF, its PAdES signature validates, and it stays byte for byte the same when the data change;
 * a correction waits and is signed as a second version. Only signers sign, only the office admin
 * changes the setting, and turning it off publishes what still waits.
 */
@IntegrationTest
class MonthlyReportSigningIntegrationTests {

  @LocalServerPort int port;
  @Autowired Statistics statistics;
  @Autowired JdbcClient jdbc;

  UUID jetis;
  YearMonth month;

  @BeforeEach
  void clean() {
    jetis = jdbc.sql("select id from office where slug = 'jetis'").query(UUID.class).single();
    month = statistics.currentMonth().minusMonths(3);
    jdbc.sql("delete from stat_report where office_id = ? and month = ?")
        .params(jetis, month.atDay(1))
        .update();
  }

  @AfterEach
  void settingOff() {
    jdbc.sql("delete from stat_report_setting where office_id = ?").param(jetis).update();
  }

  @Test
  void aSignedReportIsPublicOnlyOnceSignedAndThenNeverChanges() throws Exception {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    WebClient camat = WebClient.signedIn(port, "camat.jetis");
    WebClient anyone = new WebClient(port);
    HttpResponse<String> setting =
        admin.post("/admin/statistik/laporan/pengaturan", "tandatangan", "ya");
    assertThat(setting.statusCode()).isEqualTo(302);
    assertThat(admin.get("/admin/statistik/laporan").body())
        .contains("ditandatangani secara elektronik sebelum terbit");

    assertThat(
            admin
                .post("/admin/statistik/laporan", "bulan", month.toString(), "alasan", "")
                .statusCode())
        .isEqualTo(302);
    String name = month + "-v1";
    String publicBase = "/kecamatan/jetis/statistik/laporan/" + name;
    // waiting: not public, not on the transparency page, a preview for the office's staff
    assertThat(anyone.getBytes(publicBase + ".pdf").statusCode()).isEqualTo(404);
    assertThat(anyone.getBytes(publicBase + ".xlsx").statusCode()).isEqualTo(404);
    assertThat(anyone.get("/kecamatan/jetis/statistik").body()).doesNotContain(name + ".pdf");
    HttpResponse<byte[]> preview = camat.getBytes("/admin/statistik/laporan/" + name + ".pdf");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(PdfChecks.text(preview.body())).contains("Menunggu tanda tangan elektronik");
    String page = camat.get("/admin/statistik/laporan").body();
    assertThat(page)
        .contains("menunggu tanda tangan elektronik", "Tandatangani dan terbitkan")
        .contains("/admin/statistik/laporan/" + name + "/tandatangan");
    // and it is in the signer's queue beside the letters
    assertThat(camat.get("/admin/surat/tanda-tangan").body())
        .contains("Dokumen lain yang menunggu tanda tangan")
        .contains("Laporan bulanan " + month + ", versi 1, menunggu tanda tangan");
    // the front office neither signs nor sees the preview
    WebClient loket = WebClient.signedIn(port, "loket.jetis");
    assertThat(loket.getBytes("/admin/statistik/laporan/" + name + ".pdf").statusCode())
        .isEqualTo(403);
    assertThat(
            loket
                .post(
                    "/admin/statistik/laporan/" + name + "/tandatangan",
                    "passphrase",
                    LetterFixtures.PASSPHRASE)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            WebClient.signedIn(port, "verifikator.jetis")
                .post(
                    "/admin/statistik/laporan/" + name + "/tandatangan",
                    "passphrase",
                    LetterFixtures.PASSPHRASE)
                .statusCode())
        .isEqualTo(403);

    // a wrong passphrase signs nothing
    HttpResponse<String> wrong =
        camat.post(
            "/admin/statistik/laporan/" + name + "/tandatangan",
            "passphrase",
            "bukan-passphrase-ini");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("Passphrase salah. Dokumen tidak ditandatangani.");
    HttpResponse<String> empty =
        camat.post("/admin/statistik/laporan/" + name + "/tandatangan", "passphrase", "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(anyone.getBytes(publicBase + ".pdf").statusCode()).isEqualTo(404);

    HttpResponse<String> signedNow =
        camat.post(
            "/admin/statistik/laporan/" + name + "/tandatangan",
            "passphrase",
            LetterFixtures.PASSPHRASE);
    assertThat(signedNow.statusCode()).isEqualTo(302);
    byte[] pdf = anyone.getBytes(publicBase + ".pdf").body();
    byte[] xlsx = anyone.getBytes(publicBase + ".xlsx").body();
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    String camatName =
        jdbc.sql(
                "select s.full_name from signer_profile p join staff s on s.id = p.staff_id"
                    + " where p.office_id = ? and p.position = 'CAMAT'")
            .param(jetis)
            .query(String.class)
            .single();
    String text = PdfChecks.text(pdf);
    assertThat(text).contains("CAMAT JETIS", camatName, "Ditandatangani secara elektronik");
    assertThat(text).doesNotContain("Menunggu tanda tangan");
    assertThat(PdfChecks.pdfA3bFailures(pdf))
        .as("veraPDF: the signed report is PDF/A-3B")
        .isEmpty();
    assertThat(PdfChecks.pdfsig(pdf)).contains("Signature is Valid", "Total document signed");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDSignature signature = document.getLastSignatureDictionary();
      assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
      assertThat(signature.getName()).isEqualTo(camatName);
      assertThat(signature.getReason()).contains("Laporan bulanan pelayanan PATEN", "Versi 1");
      CMSSignedData cms;
      try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
        cms =
            new CMSSignedData(
                new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                ContentInfo.getInstance(in.readObject()));
      }
      SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder holder =
          (X509CertificateHolder) cms.getCertificates().getMatches(info.getSID()).iterator().next();
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
      assertThat(info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
    }
    String transparency = anyone.get("/kecamatan/jetis/statistik").body();
    assertThat(transparency)
        .contains(name + ".pdf", "ditandatangani secara elektronik oleh Camat Jetis");
    assertThat(camat.get("/admin/statistik/laporan").body())
        .contains("Ditandatangani secara elektronik oleh " + camatName)
        .doesNotContain("Tandatangani dan terbitkan");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'statistics.report.signed'"
                        + " and details->>'month' = ?")
                .param(month.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    assertThat(camat.get("/admin/surat/tanda-tangan").body())
        .doesNotContain("Laporan bulanan " + month + ", versi 1");
    // signing again: nothing waits
    HttpResponse<String> again =
        camat.post(
            "/admin/statistik/laporan/" + name + "/tandatangan",
            "passphrase",
            LetterFixtures.PASSPHRASE);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("tidak sedang menunggu tanda tangan");

    // the month's figures change: the signed files do not
    addReceived(40);
    try {
      assertThat(anyone.getBytes(publicBase + ".pdf").body()).isEqualTo(pdf);
      assertThat(anyone.getBytes(publicBase + ".xlsx").body()).isEqualTo(xlsx);

      // a correction waits for its own signature; version 1 stays public as it was
      assertThat(
              admin
                  .post(
                      "/admin/statistik/laporan",
                      "bulan",
                      month.toString(),
                      "alasan",
                      "Permohonan yang terlambat dihitung")
                  .statusCode())
          .isEqualTo(302);
      String v2 = "/kecamatan/jetis/statistik/laporan/" + month + "-v2";
      assertThat(anyone.getBytes(v2 + ".pdf").statusCode()).isEqualTo(404);
      assertThat(
              camat
                  .post(
                      "/admin/statistik/laporan/" + month + "-v2/tandatangan",
                      "passphrase",
                      LetterFixtures.PASSPHRASE)
                  .statusCode())
          .isEqualTo(302);
      byte[] corrected = anyone.getBytes(v2 + ".pdf").body();
      assertThat(PdfChecks.pdfsig(corrected)).contains("Signature is Valid");
      assertThat(PdfChecks.text(corrected)).contains("Permohonan yang terlambat dihitung");
      assertThat(anyone.getBytes(v2 + ".xlsx").body()).isNotEqualTo(xlsx);
      assertThat(anyone.getBytes(publicBase + ".pdf").body()).isEqualTo(pdf);
    } finally {
      addReceived(-40);
    }
  }

  @Test
  void onlyTheOfficeAdminChangesTheSettingAndTurningItOffPublishesWhatWaits() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    for (String user : java.util.List.of("camat.jetis", "verifikator.jetis", "loket.jetis")) {
      assertThat(
              WebClient.signedIn(port, user)
                  .post("/admin/statistik/laporan/pengaturan", "tandatangan", "ya")
                  .statusCode())
          .as(user)
          .isEqualTo(403);
    }
    admin.post("/admin/statistik/laporan/pengaturan", "tandatangan", "ya");
    admin.post("/admin/statistik/laporan", "bulan", month.toString(), "alasan", "");
    String pdf = "/kecamatan/jetis/statistik/laporan/" + month + "-v1.pdf";
    assertThat(new WebClient(port).getBytes(pdf).statusCode()).isEqualTo(404);
    // the admin sees it waiting but cannot sign without the SIGNER role
    assertThat(admin.get("/admin/statistik/laporan").body())
        .contains("Menunggu tanda tangan elektronik")
        .doesNotContain("Tandatangani dan terbitkan");

    // hostile values of the setting are "off"; the waiting version is then published unsigned
    HttpResponse<String> off =
        admin.post("/admin/statistik/laporan/pengaturan", "tandatangan", "<script>\u0000");
    assertThat(off.statusCode()).isEqualTo(302);
    HttpResponse<byte[]> published = new WebClient(port).getBytes(pdf);
    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(PdfChecks.pdfsig(published.body())).doesNotContain("Signature is Valid");
    assertThat(admin.get("/admin/statistik/laporan").body())
        .doesNotContain("Menunggu tanda tangan elektronik");

    // a name that is no report
    WebClient camat = WebClient.signedIn(port, "camat.jetis");
    for (String bad : java.util.List.of("2026-13-v1", "x", "2026-01-v99999")) {
      assertThat(
              camat
                  .post(
                      "/admin/statistik/laporan/" + bad + "/tandatangan",
                      "passphrase",
                      LetterFixtures.PASSPHRASE)
                  .statusCode())
          .as(bad)
          .isIn(400, 404);
    }
  }

  private void addReceived(int n) {
    jdbc.sql(
            """
            insert into stat_count (scope_id, month, measure, service_id, channel, village_id, n)
            values (?, ?, 'RECEIVED', '00000000-0000-0000-0000-000000000000', 'ALL',
                    '00000000-0000-0000-0000-000000000000', ?)
            on conflict (scope_id, village_id, month, measure, service_id, channel)
            do update set n = stat_count.n + excluded.n
            """)
        .params(jetis, month.atDay(1), n)
        .update();
  }
}
