package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.letters.LetterFixtures;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports: the office's, the public page's and the regency's index agree; the sample is checked
 * against the applications the system finished; an office sees only its own responses. March 2024
 * holds only this test's responses (the demo's are recent).
 */
@IntegrationTest
class SurveyReportsIntegrationTests {

  static final String MARCH_2024 = "periode=bulan&tahun=2024&ke=3";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Reports reports;
  @Autowired Applications applications;
  @Autowired Decisions decisions;

  UUID jetis;
  UUID purwokerto;

  @BeforeEach
  void setUp() {
    jetis = office("35.16.16");
    purwokerto = office("33.02.27");
    jdbc.sql("delete from survey_response where answered_on between '2024-03-01' and '2024-03-31'")
        .update();
    // Jetis: one respondent all 4, one all 3, one all 3 but 1 on pengaduan -> 25 x (35+27+27-2... )
    insert(jetis, 4, 4, "Antrean rapi, terima kasih.", "P");
    insert(jetis, 3, 3, null, "L");
    insert(jetis, 3, 1, "Kotak pengaduan tidak pernah dibuka.", null);
    insert(purwokerto, 2, 2, "Rahasia Purwokerto: ruang tunggu panas", "L");
  }

  @Test
  void theOfficeReportThePublicPageAndTheRegencyShowTheSameIndex() {
    // sums: 8 elements x (4 + 3 + 3) = 80, pengaduan 4 + 3 + 1 = 8; 25 x 88 / 27 = 81.48
    Reports.Report report =
        reports.office(jetis, null, new Period(Period.Kind.MONTH, 2024, 3), true);
    assertThat(report.ikm().orElseThrow().index()).isEqualByComparingTo("81.48");
    assertThat(report.ikm().orElseThrow().grade()).isEqualTo(Grade.B);
    assertThat(report.tally().respondents()).isEqualTo(3);
    assertThat(report.profile().get("sex")).containsEntry("P", 1L).containsEntry(null, 1L);

    String publicPage = new WebClient(port).get("/kecamatan/jetis/ikm?" + MARCH_2024).body();
    assertThat(publicPage)
        .contains("81,48")
        .contains("Bulan 3/2024")
        .contains("<svg")
        .contains("<table")
        .doesNotContain("Antrean rapi"); // saran/kritik are not public

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String staffPage = admin.get("/admin/survei?" + MARCH_2024).body();
    assertThat(staffPage).contains("81,48").contains("Antrean rapi, terima kasih.");

    String regency =
        new WebClient(port).get("/kabupaten/" + regencyCode(jetis) + "/ikm?" + MARCH_2024).body();
    assertThat(regency).contains("81,48").contains("Kecamatan Jetis");

    // each scrollable table is a region a screen reader lists by its own name, not six "Tabel"
    for (String page : List.of(publicPage, regency)) {
      List<String> regions =
          java.util.regex.Pattern.compile("role=\"region\" tabindex=\"0\" aria-label=\"([^\"]*)\"")
              .matcher(page)
              .results()
              .map(m -> m.group(1))
              .toList();
      assertThat(regions).hasSizeGreaterThan(1).doesNotHaveDuplicates();
    }
  }

  @Test
  void theSampleIsCheckedAgainstTheApplicationsTheSystemFinished() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    Period month = Period.of(Period.Kind.MONTH, today);
    long before = reports.office(jetis, null, month, false).serviceUsers();

    LetterFixtures letters = new LetterFixtures(applications, decisions, jdbc);
    letters.issuedApplication("Rini Astuti");
    // a rejected resident was served too (the statistics' finished applications count it)
    var rejected =
        letters
            .casework()
            .domisili(jetis, letters.casework().operatorVillage("desa.jetis"), "Dedi Kurniawan");
    decisions.reject(jetis, rejected.id(), "Pemohon tidak berdomisili di Jetis.", "Verifikator");
    // still in review: not finished
    var open =
        letters
            .casework()
            .domisili(jetis, letters.casework().operatorVillage("desa.jetis"), "Sri Wahyuni");
    decisions.startReview(jetis, open.id(), "Verifikator");

    Reports.Report after = reports.office(jetis, null, month, false);
    assertThat(after.serviceUsers()).isEqualTo(before + 2);
    assertThat(after.minimumSample()).isEqualTo(SampleSize.minimum(before + 2));
    assertThat(after.sufficient())
        .isEqualTo(after.tally().respondents() >= SampleSize.minimum(before + 2));
  }

  @Test
  void anOfficeSeesOnlyItsOwnResponsesAndSuggestions() {
    WebClient jetisAdmin = WebClient.signedIn(port, "admin.jetis");
    String page = jetisAdmin.get("/admin/survei?" + MARCH_2024).body();
    assertThat(page).doesNotContain("Rahasia Purwokerto");

    WebClient purwokertoAdmin = WebClient.signedIn(port, "admin.purwokertoutara");
    String own = purwokertoAdmin.get("/admin/survei?" + MARCH_2024).body();
    assertThat(own).contains("Rahasia Purwokerto").doesNotContain("Antrean rapi");

    UUID jetisService =
        jdbc.sql("select id from service_type where office_id = ? limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    HttpResponse<String> foreign =
        purwokertoAdmin.get("/admin/survei?layanan=" + jetisService + "&" + MARCH_2024);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("Antrean rapi");

    // a front-office officer takes responses but does not read the reports
    assertThat(WebClient.signedIn(port, "loket.jetis").get("/admin/survei").statusCode())
        .isEqualTo(403);
  }

  @Test
  void theRawResponsesOpenInASpreadsheetReaderWithoutAnyIdentity() throws Exception {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    HttpResponse<byte[]> xlsx = admin.getBytes("/admin/survei/jawaban.xlsx?" + MARCH_2024);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"survei-jetis-2024-03.xlsx\"");
    // the year and its first quarter were both named survei-jetis-2024-01-01.xlsx
    assertThat(
            admin
                .getBytes("/admin/survei/jawaban.xlsx?periode=tahun&tahun=2024")
                .headers()
                .firstValue("Content-Disposition"))
        .contains("attachment; filename=\"survei-jetis-2024.xlsx\"");
    assertThat(
            admin
                .getBytes("/admin/survei/jawaban.xlsx?periode=triwulan&tahun=2024&ke=1")
                .headers()
                .firstValue("Content-Disposition"))
        .contains("attachment; filename=\"survei-jetis-2024-triwulan-1.xlsx\"");

    List<List<String>> rows = new ArrayList<>();
    try (var workbook =
            new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()));
        var stream = workbook.getFirstSheet().openStream()) {
      stream.forEach(
          row -> {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getCellCount(); i++) {
              cells.add(row.getCellText(i));
            }
            rows.add(cells);
          });
    }
    assertThat(rows.get(0)).contains("Tanggal", "persyaratan", "pengaduan", "Saran dan kritik");
    assertThat(rows).hasSize(4); // the header and Jetis's three responses, not Purwokerto's
    int pengaduan = rows.get(0).indexOf("pengaduan");
    assertThat(rows.stream().skip(1).map(r -> r.get(pengaduan)))
        .containsExactlyInAnyOrder("4", "3", "1");
    String all = rows.toString();
    assertThat(all).contains("Antrean rapi, terima kasih.").doesNotContain("Rahasia Purwokerto");
    assertThat(rows.get(0)).doesNotContain("NIK", "Nama", "Telepon");
    // a front-office officer cannot export
    assertThat(
            WebClient.signedIn(port, "loket.jetis")
                .getBytes("/admin/survei/jawaban.xlsx?" + MARCH_2024)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aWrongPeriodFallsBackToTheCurrentYear() {
    String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
    for (String query :
        new String[] {
          "periode=abad&tahun=2024",
          "periode=bulan&tahun=2024&ke=13",
          "periode=bulan&tahun=x",
          "periode=tahun&tahun=2999",
          "periode=%3Cscript%3E&tahun=2024"
        }) {
      HttpResponse<String> page = new WebClient(port).get("/kecamatan/jetis/ikm?" + query);
      assertThat(page.statusCode()).as(query).isEqualTo(200);
      assertThat(page.body()).as(query).contains("Tahun " + year).doesNotContain("<script>");
    }
  }

  @Test
  void theFirstYearsAnswerWithATrendThatStartsThere() {
    for (String path :
        new String[] {
          "/kecamatan/jetis/ikm?periode=tahun&tahun=2002",
          "/kecamatan/jetis/ikm?periode=triwulan&tahun=2001&ke=1",
          "/kabupaten/" + regencyCode(jetis) + "/ikm?periode=tahun&tahun=2001"
        }) {
      HttpResponse<String> page = new WebClient(port).get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains("2000").doesNotContain("1999");
    }
    // the first year itself would show the one before it: the current year instead
    String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
    assertThat(new WebClient(port).get("/kecamatan/jetis/ikm?periode=tahun&tahun=2000").body())
        .contains("Tahun " + year);
  }

  private void insert(UUID office, int score, int pengaduan, String suggestion, String sex) {
    jdbc.sql(
            """
            insert into survey_response (id, office_id, instrument, channel, answered_on,
              persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana,
              sex, suggestion)
            values (?, ?, '2017.1', 'WALK_IN', '2024-03-15', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
            sex,
            suggestion)
        .update();
  }

  private UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  private String regencyCode(UUID office) {
    return jdbc.sql(
            "select r.code from regency r join office o on o.regency_id = r.id where o.id = ?")
        .param(office)
        .query(String.class)
        .single();
  }
}
