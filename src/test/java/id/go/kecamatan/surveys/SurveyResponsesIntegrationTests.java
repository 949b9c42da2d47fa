package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.letters.LetterFixtures;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answering the survey: the invitation after a letter (once, also from two browsers at once), the
 * walk-in form, the counter tablet and paper forms; every wrong form refused whole.
 */
@IntegrationTest
class SurveyResponsesIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  LetterFixtures letters;
  SurveyFixtures surveys;
  UUID jetis;
  String slug;

  @BeforeEach
  void setUp() {
    letters = new LetterFixtures(applications, decisions, jdbc);
    surveys = new SurveyFixtures(jdbc, events, transactions);
    jetis = letters.jetis();
    slug =
        jdbc.sql("select slug from office where id = ?").param(jetis).query(String.class).single();
  }

  @Test
  void aResidentAnswersTheInvitationOnceAndTheResponseNamesNobody() throws Exception {
    Application application = letters.issuedApplication("Sri Wahyuni");
    String link = surveys.invitationAfterLetter(application);
    long before = surveys.responses(jetis);
    WebClient resident = new WebClient(port);

    HttpResponse<String> form = resident.get(link);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan")
        .contains("Dikelola dengan baik");

    HttpResponse<String> sent =
        resident.post(link, SurveyFixtures.answers(4, Answers.SUGGESTION, "Pelayanan cepat."));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(sent)).endsWith("/kecamatan/" + slug + "/survei/terima-kasih");
    assertThat(surveys.responses(jetis)).isEqualTo(before + 1);
    String service =
        jdbc.sql(
                "select service_id::text from survey_response where suggestion = 'Pelayanan cepat.'")
            .query(String.class)
            .single();
    assertThat(service).isEqualTo(application.serviceId().toString());

    HttpResponse<String> again = resident.get(link);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("Survei ini sudah diisi");
    assertThat(resident.post(link, SurveyFixtures.answers(1)).statusCode()).isEqualTo(410);
    assertThat(surveys.responses(jetis)).isEqualTo(before + 1);

    // a second event for the same application makes no second invitation
    surveys.invitationAfterLetter(application);
    assertThat(
            jdbc.sql("select count(*) from survey_invitation where application_id = ?")
                .param(application.id().value())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // no column of a response leads back to an invitation, an application or a person
    List<String> columns =
        jdbc.sql(
                "select column_name from information_schema.columns where table_name = 'survey_response'")
            .query(String.class)
            .list();
    assertThat(columns)
        .doesNotContain("invitation_id", "application_id", "created_at", "nik", "name", "phone");
  }

  @Test
  void twoBrowsersSendingOneInvitationAtOnceMakeOneResponse() throws Exception {
    Application application = letters.issuedApplication("Dwi Handayani");
    String link = surveys.invitationAfterLetter(application);
    long before = surveys.responses(jetis);
    WebClient phone = new WebClient(port);
    WebClient laptop = new WebClient(port);
    phone.get(link);
    laptop.get(link);
    CountDownLatch start = new CountDownLatch(1);

    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return phone.post(link, SurveyFixtures.answers(3)).statusCode();
            });
    CompletableFuture<Integer> second =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return laptop.post(link, SurveyFixtures.answers(2)).statusCode();
            });
    start.countDown();

    assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(302, 410);
    assertThat(surveys.responses(jetis)).isEqualTo(before + 1);
  }

  @Test
  void aWrongFormIsRefusedWholeWithAMessagePerField() {
    Application application = letters.issuedApplication("Agus Salim");
    String link = surveys.invitationAfterLetter(application);
    long before = surveys.responses(jetis);
    WebClient resident = new WebClient(port);
    resident.get(link);

    String[] missing = SurveyFixtures.answers(3);
    missing[1] = ""; // persyaratan unanswered
    HttpResponse<String> refused = resident.post(link, missing);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Pertanyaan 1 (persyaratan)")
        .contains("Pilih satu jawaban.");

    HttpResponse<String> outOfRange =
        resident.post(link, SurveyFixtures.answers(3, "biaya", "9", "waktu", "0"));
    assertThat(outOfRange.statusCode()).isEqualTo(422);
    assertThat(outOfRange.body()).contains("Jawaban harus salah satu dari empat pilihan.");

    HttpResponse<String> script =
        resident.post(
            link,
            SurveyFixtures.answers(
                4, Answers.SUGGESTION, "<script>alert('x')</script>", Answers.AGE, "FROM_99"));
    assertThat(script.statusCode()).isEqualTo(422);
    assertThat(script.body()).doesNotContain("<script>alert");
    assertThat(script.body()).contains("Pilih salah satu pilihan yang ada.");

    HttpResponse<String> huge =
        resident.post(link, SurveyFixtures.answers(4, Answers.SUGGESTION, "a".repeat(5000)));
    assertThat(huge.statusCode()).isEqualTo(422);

    assertThat(surveys.responses(jetis)).isEqualTo(before);
    // the link still works after the refusals
    assertThat(resident.post(link, SurveyFixtures.answers(3)).statusCode()).isEqualTo(302);
  }

  @Test
  void anUnknownOrMalformedLinkLeadsNowhere() {
    WebClient resident = new WebClient(port);
    assertThat(resident.get("/survei/" + "A".repeat(43)).statusCode()).isEqualTo(404);
    assertThat(resident.get("/survei/%3Cscript%3E").statusCode()).isEqualTo(404);
  }

  @Test
  void aWalkInAnswersThroughTheOfficesFormAndALowScoreOffersAComplaint() {
    long before = surveys.responses(jetis);
    WebClient walkIn = new WebClient(port);
    HttpResponse<String> form = walkIn.get("/kecamatan/" + slug + "/survei");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Layanan yang Anda terima");

    HttpResponse<String> sent =
        walkIn.post("/kecamatan/" + slug + "/survei", SurveyFixtures.answers(3, "pengaduan", "1"));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(sent)).endsWith("/survei/terima-kasih?pengaduan");
    String thanks = walkIn.get(WebClient.location(sent).replaceFirst("^https?://[^/]+", "")).body();
    assertThat(thanks).contains("Ingin menyampaikan pengaduan?").contains("(0321) 361234");
    assertThat(surveys.responses(jetis)).isEqualTo(before + 1);

    HttpResponse<String> otherService =
        walkIn.post(
            "/kecamatan/" + slug + "/survei",
            SurveyFixtures.answers(3, Answers.SERVICE, UUID.randomUUID().toString()));
    assertThat(otherService.statusCode()).isEqualTo(422);
    assertThat(surveys.responses(jetis)).isEqualTo(before + 1);
  }

  @Test
  void theCounterTabletTakesRespondentsInARowAndShowsNothingOfTheLast() {
    long before = surveys.responses(jetis);
    WebClient tablet = WebClient.signedIn(port, "loket.jetis");
    tablet.get("/admin/survei/loket");

    HttpResponse<String> sent =
        tablet.post(
            "/admin/survei/loket",
            SurveyFixtures.answers(
                4, Answers.SUGGESTION, "Petugas ramah sekali", Answers.SEX, "P"));
    assertThat(sent.statusCode()).isEqualTo(302);
    HttpResponse<String> next = tablet.get("/admin/survei/loket?terkirim");
    assertThat(next.body())
        .contains("Layar siap untuk responden berikutnya")
        .doesNotContain("Petugas ramah sekali")
        .doesNotContain("checked");
    assertThat(
            jdbc.sql(
                    "select channel from survey_response where suggestion = 'Petugas ramah sekali'")
                .query(String.class)
                .single())
        .isEqualTo("COUNTER");
    assertThat(surveys.responses(jetis)).isEqualTo(before + 1);

    // a village operator has no counter tablet
    assertThat(WebClient.signedIn(port, "desa.jetis").get("/admin/survei/loket").statusCode())
        .isEqualTo(403);
  }

  @Test
  void staffKeyInPaperFormsAsAssistedAndDatedAsWritten() {
    WebClient officer = WebClient.signedIn(port, "loket.jetis");
    officer.get("/admin/survei/kertas");
    long before = surveys.responses(jetis);

    HttpResponse<String> noDate = officer.post("/admin/survei/kertas", SurveyFixtures.answers(2));
    assertThat(noDate.statusCode()).isEqualTo(422);
    assertThat(noDate.body()).contains("Tanggal pengisian");

    String day =
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).minusDays(3).toString();
    HttpResponse<String> saved =
        officer.post(
            "/admin/survei/kertas",
            SurveyFixtures.answers(
                2, Answers.DATE, day, Answers.SUGGESTION, "Kuesioner kertas 17"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql(
                    "select channel || ' ' || answered_on from survey_response"
                        + " where suggestion = 'Kuesioner kertas 17'")
                .query(String.class)
                .single())
        .isEqualTo("PAPER " + day);
    assertThat(surveys.responses(jetis)).isEqualTo(before + 1);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'survey.paper.entered'"
                        + " and actor_name like '%loket.jetis%'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
