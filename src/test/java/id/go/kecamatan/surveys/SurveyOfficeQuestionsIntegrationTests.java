package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office's own questions: its administrator adds them, every form asks them after the nine
 * elements, they are reported apart, and the index never changes because of them. Purwokerto
 * Utara's paper forms of the month eleven months ago are this test's only responses there.
 */
@IntegrationTest
class SurveyOfficeQuestionsIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Reports reports;

  UUID office;
  String slug;
  LocalDate day;
  Period month;
  WebClient admin;

  @BeforeEach
  void setUp() {
    office = jdbc.sql("select id from office where code = '33.02.27'").query(UUID.class).single();
    slug =
        jdbc.sql("select slug from office where id = ?").param(office).query(String.class).single();
    day = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusMonths(11).withDayOfMonth(10);
    month = Period.of(Period.Kind.MONTH, day);
    jdbc.sql("delete from survey_response where office_id = ? and answered_on between ? and ?")
        .params(office, month.from(), month.to())
        .update();
    retireAll();
    admin = WebClient.signedIn(port, "admin.purwokertoutara");
  }

  @AfterEach
  void retireAll() {
    jdbc.sql("update survey_question set retired_at = now() where office_id = ?")
        .param(office)
        .update();
  }

  @Test
  void theOwnQuestionsAreAskedAfterTheNineReportedApartAndNeverChangeTheIndex() {
    assertThat(
            admin
                .post(
                    "/admin/survei/pertanyaan",
                    "pertanyaan",
                    "Bagaimana kebersihan toilet kantor?",
                    "jenis",
                    "SCALE")
                .statusCode())
        .isEqualTo(302);
    admin.post(
        "/admin/survei/pertanyaan",
        "pertanyaan",
        "Layanan apa yang perlu ditambah?",
        "jenis",
        "TEXT");
    List<OfficeQuestion> asked = questions();
    assertThat(asked)
        .extracting(OfficeQuestion::text)
        .containsExactly("Bagaimana kebersihan toilet kantor?", "Layanan apa yang perlu ditambah?");

    // every form asks them after the nine elements
    String walkIn = new WebClient(port).get("/kecamatan/" + slug + "/survei").body();
    int sarana = walkIn.indexOf("kualitas sarana dan prasarana");
    assertThat(sarana).isPositive();
    assertThat(walkIn.indexOf("Bagaimana kebersihan toilet kantor?")).isGreaterThan(sarana);
    assertThat(walkIn).contains("Sangat baik", "Layanan apa yang perlu ditambah?");
    assertThat(admin.get("/admin/survei/kertas").body())
        .contains("Bagaimana kebersihan toilet kantor?");

    // two paper forms with the same nine answers, the own question answered 1 and 4
    paper(3, "1", "Legalisir ijazah");
    Ikm first = reports.office(office, null, month, false).ikm().orElseThrow();
    assertThat(first.index()).isEqualByComparingTo("75.00");
    paper(3, "4", null);
    Reports.Report report = reports.office(office, null, month, false);
    assertThat(report.ikm().orElseThrow().index()).isEqualByComparingTo("75.00");
    assertThat(report.tally().respondents()).isEqualTo(2);
    // without the own answers the index is the same: it is computed from the nine alone
    paper(3, null, null);
    assertThat(reports.office(office, null, month, false).ikm().orElseThrow().index())
        .isEqualByComparingTo("75.00");

    String staff = admin.get("/admin/survei?" + month.query()).body();
    assertThat(staff)
        .contains("Pertanyaan tambahan kantor (tidak termasuk IKM)")
        .contains("Bagaimana kebersihan toilet kantor?", "2 jawaban", "rata-rata 2,50 dari 4")
        .contains("Legalisir ijazah");
    String publicPage =
        new WebClient(port).get("/kecamatan/" + slug + "/ikm?" + month.query()).body();
    assertThat(publicPage).contains("75,00").doesNotContain("toilet", "Legalisir ijazah");

    // retired: no longer asked, its answers still reported
    UUID toilet = asked.get(0).id();
    assertThat(admin.post("/admin/survei/pertanyaan/" + toilet + "/hapus").statusCode())
        .isEqualTo(302);
    assertThat(new WebClient(port).get("/kecamatan/" + slug + "/survei").body())
        .doesNotContain("toilet");
    assertThat(admin.get("/admin/survei?" + month.query()).body())
        .contains("Bagaimana kebersihan toilet kantor?", "tidak ditanyakan lagi");
  }

  @Test
  void wrongAnswersAndWrongQuestionsStoreNothing() {
    admin.post(
        "/admin/survei/pertanyaan", "pertanyaan", "Apakah antrean tertib?", "jenis", "SCALE");
    admin.post("/admin/survei/pertanyaan", "pertanyaan", "Saran untuk loket?", "jenis", "TEXT");
    List<OfficeQuestion> asked = questions();
    long before = responses();
    WebClient walkIn = new WebClient(port);
    walkIn.get("/kecamatan/" + slug + "/survei");
    for (String[] wrong :
        new String[][] {
          {asked.get(0).field(), "5"},
          {asked.get(0).field(), "<script>"},
          {asked.get(1).field(), "<script>alert(1)</script>"},
          {asked.get(1).field(), "x".repeat(1001)},
          {asked.get(1).field(), "bel\u0007"}
        }) {
      String[] form = SurveyFixtures.answers(3, wrong[0], wrong[1]);
      HttpResponse<String> response = walkIn.post("/kecamatan/" + slug + "/survei", form);
      assertThat(response.statusCode()).as(wrong[1]).isEqualTo(422);
      assertThat(response.body()).contains("error-summary").doesNotContain("<script>alert");
    }
    assertThat(responses()).isEqualTo(before);

    for (String[] wrong :
        new String[][] {
          {"<b>Pertanyaan</b>", "SCALE"},
          {"", "TEXT"},
          {"y".repeat(301), "TEXT"},
          {"Pertanyaan tanpa jenis", "PILIHAN"}
        }) {
      HttpResponse<String> response =
          admin.post("/admin/survei/pertanyaan", "pertanyaan", wrong[0], "jenis", wrong[1]);
      assertThat(response.statusCode()).as(wrong[0]).isEqualTo(422);
      assertThat(response.body()).contains("error-summary");
    }
    for (int i = questions().size(); i < OfficeQuestions.MAX_ACTIVE; i++) {
      admin.post("/admin/survei/pertanyaan", "pertanyaan", "Pertanyaan " + i, "jenis", "TEXT");
    }
    HttpResponse<String> eleventh =
        admin.post("/admin/survei/pertanyaan", "pertanyaan", "Satu lagi", "jenis", "TEXT");
    assertThat(eleventh.statusCode()).isEqualTo(422);
    assertThat(questions()).hasSize(OfficeQuestions.MAX_ACTIVE);

    // another office cannot stop them; a front-office officer cannot open the page
    assertThat(
            WebClient.signedIn(port, "admin.jetis")
                .post("/admin/survei/pertanyaan/" + asked.get(0).id() + "/hapus")
                .statusCode())
        .isEqualTo(404);
    assertThat(questions()).hasSize(OfficeQuestions.MAX_ACTIVE);
    assertThat(WebClient.signedIn(port, "loket.jetis").get("/admin/survei/pertanyaan").statusCode())
        .isEqualTo(403);
  }

  private void paper(int score, String own, String text) {
    List<OfficeQuestion> asked = questions();
    List<String> extra = new ArrayList<>(List.of(Answers.DATE, day.toString()));
    if (own != null) {
      extra.add(asked.get(0).field());
      extra.add(own);
    }
    if (text != null) {
      extra.add(asked.get(1).field());
      extra.add(text);
    }
    HttpResponse<String> saved =
        admin.post(
            "/admin/survei/kertas", SurveyFixtures.answers(score, extra.toArray(String[]::new)));
    assertThat(saved.statusCode()).isEqualTo(302);
  }

  private List<OfficeQuestion> questions() {
    return jdbc.sql(
            "select id, kind, text from survey_question where office_id = ? and retired_at is null"
                + " order by position, created_at")
        .param(office)
        .query(
            (rs, n) ->
                new OfficeQuestion(
                    rs.getObject("id", UUID.class),
                    OfficeQuestion.Kind.valueOf(rs.getString("kind")),
                    rs.getString("text")))
        .list();
  }

  private long responses() {
    return jdbc.sql("select count(*) from survey_response where office_id = ?")
        .param(office)
        .query(Long.class)
        .single();
  }
}
