package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.letters.PdfChecks;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report document (laporan hasil SKM) as PDF/A: veraPDF finds nothing wrong, it follows the
 * official structure, and its index is the public page's. March 2022 holds only this test's
 * responses; February 2022 its follow-up plan.
 */
@IntegrationTest
class SurveyReportDocumentIntegrationTests {

  static final String MARCH = "periode=bulan&tahun=2022&ke=3";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired FollowUps followUps;
  @Autowired id.go.kecamatan.shared.web.PublicAddress site;

  UUID jetis;

  @BeforeEach
  void setUp() {
    jetis = office("35.16.16");
    jdbc.sql("delete from survey_response where answered_on between '2022-01-01' and '2022-03-31'")
        .update();
    insert(jetis, 4, 4, "P");
    insert(jetis, 3, 3, "L");
    insert(jetis, 3, 1, null);
    insert(jetis, 4, 2, "P");
    followUps.replace(
        jetis,
        new Period(Period.Kind.MONTH, 2022, 2),
        List.of(
            new FollowUp.Item(
                Element.PENGADUAN,
                "Membuka kotak saran tiap Jumat.",
                "Maret 2022",
                "Kasi Pelayanan Umum",
                FollowUp.Status.DONE,
                "Kotak saran dibuka empat kali.")));
    followUps.replace(
        jetis,
        new Period(Period.Kind.MONTH, 2022, 3),
        List.of(
            new FollowUp.Item(
                Element.SARANA,
                "Menambah kursi ruang tunggu.",
                "April 2022",
                "Kasubbag Umum",
                FollowUp.Status.PLANNED,
                null)));
  }

  @Test
  void theReportIsPdfAWithTheOfficialStructureAndThePublicPagesIndex() {
    String publicPage = new WebClient(port).get("/kecamatan/jetis/ikm?" + MARCH).body();
    Matcher shown = Pattern.compile("<strong class=\"ikm\">([0-9,]+)</strong>").matcher(publicPage);
    assertThat(shown.find()).isTrue();
    String index = shown.group(1);
    // 8 elements x (4 + 3 + 3 + 4) = 112, pengaduan 4 + 3 + 1 + 2 = 10: 25 x 122 / 36 = 84.72
    assertThat(index).isEqualTo("84,72");

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get("/admin/survei?" + MARCH).body()).contains("/admin/survei/laporan.pdf?");
    HttpResponse<byte[]> pdf = admin.getBytes("/admin/survei/laporan.pdf?" + MARCH);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).contains("application/pdf");
    assertThat(PdfChecks.pdfA3bFailures(pdf.body())).as("veraPDF").isEmpty();

    String text = PdfChecks.text(pdf.body()).replaceAll("\\s+", " ");
    assertThat(text)
        .contains("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT")
        .contains("KECAMATAN JETIS")
        .contains("I. Pendahuluan", "II. Pengumpulan Data", "III. Hasil", "IV. Analisis")
        .contains("V. Kesimpulan", "Lampiran 1. Kuesioner", "Lampiran 2. Data")
        .contains("Pelaksana", "Metode", "Lokasi", "Waktu", "Jumlah responden")
        .contains("Indeks Kepuasan Masyarakat: " + index + "; mutu pelayanan B (Baik)")
        .contains("Menambah kursi ruang tunggu.", "Kasubbag Umum")
        .contains("Kotak saran dibuka empat kali.")
        .contains("Kelebihan dan kelemahan", "Penanganan pengaduan")
        .contains("kesesuaian persyaratan pelayanan dengan jenis pelayanannya")
        .contains("Sangat sopan dan ramah");
    // the pengaduan answers: one 1, one 2, one 3, one 4; all others 4 x 2 and 3 x 2
    assertThat(text).contains("4 responden dari");

    // the Camat (signer) may download it; the front office may not
    assertThat(
            WebClient.signedIn(port, "camat.jetis")
                .getBytes("/admin/survei/laporan.pdf?" + MARCH)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            WebClient.signedIn(port, "loket.jetis")
                .getBytes("/admin/survei/laporan.pdf?" + MARCH)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void theInfographicShowsThePublicIndexAndItsQrOpensTheSurvey() throws Exception {
    String publicPage = new WebClient(port).get("/kecamatan/jetis/ikm?" + MARCH).body();
    assertThat(publicPage)
        .contains("/kecamatan/jetis/ikm/infografis.pdf?" + MARCH.replace("&", "&amp;"));
    HttpResponse<byte[]> pdf =
        new WebClient(port).getBytes("/kecamatan/jetis/ikm/infografis.pdf?" + MARCH);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(PdfChecks.pdfA3bFailures(pdf.body())).as("veraPDF").isEmpty();
    String text = PdfChecks.text(pdf.body()).replaceAll("\\s+", " ");
    assertThat(text)
        .contains("Indeks Kepuasan Masyarakat", "Kecamatan Jetis", "Bulan 3/2022")
        .contains("84,72", "Mutu pelayanan B: Baik", "dari 4 responden")
        .contains("Penanganan pengaduan, saran dan masukan", "2,50");
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f); // A4
    }
    assertThat(PdfChecks.qrOnFirstPage(pdf.body()))
        .isEqualTo(site.base() + "/kecamatan/jetis/survei");
    assertThat(new WebClient(port).getBytes("/kecamatan/tidak-ada/ikm/infografis.pdf").statusCode())
        .isEqualTo(404);
  }

  @Test
  void anotherOfficesReportHoldsNothingOfThisOne() {
    byte[] pdf =
        WebClient.signedIn(port, "admin.purwokertoutara")
            .getBytes("/admin/survei/laporan.pdf?" + MARCH)
            .body();
    assertThat(PdfChecks.pdfA3bFailures(pdf)).isEmpty();
    String text = PdfChecks.text(pdf);
    assertThat(text).doesNotContain("84,72", "Menambah kursi", "KECAMATAN JETIS");
  }

  private UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  private void insert(UUID office, int score, int pengaduan, String sex) {
    jdbc.sql(
            """
            insert into survey_response (id, office_id, instrument, channel, answered_on,
              persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana,
              sex)
            values (?, ?, '2017.1', 'PAPER', '2022-03-10', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            office,
            score,
            score,
            score,
            score,
            score,
            score,
            score,
            pengaduan,
            score,
            sex)
        .update();
  }
}
