package id.go.kecamatan.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.complaints.Complaint.EntryKind;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A complaint's life on the real database: filing, the officers' steps, the reporter's. */
@IntegrationTest
class ComplaintsIntegrationTests {

  @Autowired Complaints complaints;
  @Autowired ComplaintHandling handling;
  @Autowired ComplaintCategories categories;
  @Autowired ComplaintDeadlines deadlines;
  @Autowired ContactRetention retention;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  ComplaintFixtures fixtures;
  Office jetis;
  Officer verifier;

  @BeforeEach
  void fixtures() {
    fixtures = new ComplaintFixtures(complaints, categories, offices, jdbc);
    jetis = fixtures.jetis();
    verifier = fixtures.officer(jetis, "verifikator.jetis", Role.VERIFIER);
  }

  @Test
  void aFiledComplaintIsOpenedWithItsSecretOrThePhoneDigitsAndNothingElse() {
    Filed filed = fixtures.file(jetis, ComplaintFixtures.unique("Lampu jalan mati"));
    assertThat(filed.trackingCode()).startsWith("351616-");
    assertThat(filed.secret()).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
    assertThat(complaints.open(filed.trackingCode(), filed.secret())).isPresent();
    assertThat(
            complaints.open(
                filed.trackingCode().toLowerCase(), filed.secret().replace("-", " ").toLowerCase()))
        .isPresent();
    assertThat(complaints.open(filed.trackingCode(), "7890")).isPresent();
    assertThat(complaints.open(filed.trackingCode(), "7891")).isEmpty();
    assertThat(complaints.open(filed.trackingCode(), "AAAA-BBBB-CCCC")).isEmpty();
    assertThat(
            jdbc.sql("select secret_hash from complaint where id = ?")
                .param(filed.id())
                .query(String.class)
                .single())
        .doesNotContain(filed.secret());
    ComplaintDetails seen = complaints.forReporter(filed.trackingCode()).orElseThrow();
    assertThat(seen.status()).isEqualTo(ComplaintStatus.RECEIVED);
    assertThat(seen.phone()).isNull();
    assertThat(seen.verifyDue()).isAfter(LocalDate.now().minusDays(1));
  }

  @Test
  void wrongAndHostileInputIsRefusedWithNothingStored() {
    long before = count();
    FilingForm form =
        new FilingForm(
            "SPAM",
            UUID.randomUUID().toString(),
            "<script>alert(1)</script>",
            "not-a-uuid",
            "x".repeat(201),
            "2999-01-01",
            "SECRET",
            "Nama\u0000",
            "12",
            "bukan-surel",
            "ABC",
            "",
            false);
    var outcome = complaints.file(jetis, form, List.of(), Complaints.Intake.ONLINE);
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.errors().all().keySet())
        .contains(
            "kind",
            "categoryId",
            "description",
            "villageId",
            "place",
            "occurredOn",
            "privacy",
            "name",
            "phone",
            "email",
            "applicationCode");
    assertThat(outcome.errors().get("description").key()).isEqualTo("error.markup");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void theHoneypotAndARefusedAttachmentStoreNothing() {
    long before = count();
    FilingForm robot =
        new FilingForm(
            "COMPLAINT",
            fixtures.category(jetis).id().toString(),
            "Beli obat murah",
            "",
            "",
            "",
            "RAHASIA",
            "",
            "",
            "",
            "",
            "http://spam.example",
            false);
    assertThat(complaints.file(jetis, robot, List.of(), Complaints.Intake.ONLINE).ok()).isFalse();
    FilingForm form = fixtures.form(jetis, ComplaintFixtures.unique("Jalan rusak"), "RAHASIA", "");
    var refused =
        complaints.file(
            jetis,
            form,
            List.of(
                new Upload(
                    "foto.jpg",
                    "image/jpeg",
                    new ByteArrayInputStream(TestFiles.jpeg(TestFiles.photo(40, 30)))),
                new Upload(
                    "virus.exe", "image/jpeg", new ByteArrayInputStream("MZ....".getBytes()))),
            Complaints.Intake.ONLINE);
    assertThat(refused.ok()).isFalse();
    assertThat(refused.errors().has("lampiran")).isTrue();
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aPhotoIsStoredThroughTheDocumentsPipeline() {
    FilingForm form =
        fixtures.form(jetis, ComplaintFixtures.unique("Sampah menumpuk"), "RAHASIA", "");
    var filed =
        complaints.file(
            jetis,
            form,
            List.of(
                new Upload(
                    "sampah.jpg",
                    "image/jpeg",
                    new ByteArrayInputStream(TestFiles.jpeg(TestFiles.photo(40, 30))))),
            Complaints.Intake.ONLINE);
    assertThat(filed.ok()).isTrue();
    ComplaintDetails d = complaints.forReporter(filed.value().trackingCode()).orElseThrow();
    assertThat(d.attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.contentType()).isEqualTo("image/jpeg"));
  }

  @Test
  void theSameTextFromTheSameContactGivesAHintUnlessConfirmed() {
    String text = ComplaintFixtures.unique("Pelayanan loket lambat");
    fixtures.file(jetis, text);
    FilingForm again = fixtures.form(jetis, text, "ANONIM", "0812-3456-7890");
    var hinted = complaints.file(jetis, again, List.of(), Complaints.Intake.ONLINE);
    assertThat(hinted.errors().get("description").key()).isEqualTo("complaints.error.duplicate");
    FilingForm confirmed =
        new FilingForm(
            again.kind(),
            again.categoryId(),
            again.description(),
            "",
            "",
            "",
            "ANONIM",
            "",
            again.phone(),
            "",
            "",
            "",
            true);
    assertThat(complaints.file(jetis, confirmed, List.of(), Complaints.Intake.ONLINE).ok())
        .isTrue();
  }

  @Test
  void theWholeJourneyVerifyAskReplyAnswerNotSatisfiedReopenAnswerSatisfied() {
    Filed filed = fixtures.file(jetis, ComplaintFixtures.unique("Surat lama sekali"));
    UUID id = filed.id();
    Category category = fixtures.category(jetis);
    assertThat(
            handling
                .verify(verifier, id, fixtures.version(id), category.id().toString())
                .orElseThrow()
                .any())
        .isFalse();
    ComplaintDetails verified = handling.details(verifier, id).orElseThrow();
    assertThat(verified.answerDue()).isNotNull();
    assertThat(
            handling
                .ask(verifier, id, fixtures.version(id), "Kapan Anda datang?")
                .orElseThrow()
                .any())
        .isFalse();
    assertThat(handling.details(verifier, id).orElseThrow().due()).isNull();
    assertThat(complaints.reply(filed.trackingCode(), "Senin pagi").any()).isFalse();
    assertThat(handling.details(verifier, id).orElseThrow().status())
        .isEqualTo(ComplaintStatus.IN_PROGRESS);
    assertThat(handling.note(verifier, id, "Cek buku tamu").orElseThrow().any()).isFalse();
    assertThat(
            handling
                .answer(verifier, id, fixtures.version(id), "Maaf, sudah kami perbaiki.")
                .orElseThrow()
                .any())
        .isFalse();
    assertThat(complaints.feedback(filed.trackingCode(), "tidak", "").has("reasons")).isTrue();
    assertThat(complaints.feedback(filed.trackingCode(), "tidak", "Masih lama").any()).isFalse();
    assertThat(handling.acceptReopen(verifier, id, fixtures.version(id)).orElseThrow().any())
        .isFalse();
    assertThat(
            handling
                .answer(verifier, id, fixtures.version(id), "Sudah selesai.")
                .orElseThrow()
                .any())
        .isFalse();
    assertThat(complaints.feedback(filed.trackingCode(), "ya", "").any()).isFalse();

    ComplaintDetails reporter = complaints.forReporter(filed.trackingCode()).orElseThrow();
    assertThat(reporter.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(reporter.thread())
        .extracting(ComplaintDetails.Entry::kind)
        .doesNotContain(EntryKind.NOTE);
    assertThat(handling.details(verifier, id).orElseThrow().thread())
        .extracting(ComplaintDetails.Entry::kind)
        .containsExactly(
            EntryKind.QUESTION,
            EntryKind.REPLY,
            EntryKind.NOTE,
            EntryKind.ANSWER,
            EntryKind.FEEDBACK,
            EntryKind.ANSWER,
            EntryKind.FEEDBACK);
    assertThat(reporter.history())
        .extracting(Complaint.StatusChange::to)
        .containsExactly(
            ComplaintStatus.RECEIVED,
            ComplaintStatus.VERIFIED,
            ComplaintStatus.AWAITING_REPORTER,
            ComplaintStatus.IN_PROGRESS,
            ComplaintStatus.ANSWERED,
            ComplaintStatus.REOPEN_REQUESTED,
            ComplaintStatus.REOPENED,
            ComplaintStatus.ANSWERED,
            ComplaintStatus.CLOSED);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where entity_id = ? and action like 'complaint.%'")
                .param(id.toString())
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(8);
    // the reporter's verdicts in the reader's language (the thread is the same on their page)
    WebClient officer = WebClient.signedIn(port, "verifikator.jetis");
    assertThat(officer.get("/admin/pengaduan/" + id).body())
        .contains("<strong>Tidak puas</strong>: Masih lama", "<strong>Puas</strong></p>");
    assertThat(officer.get("/admin/pengaduan/" + id + "?lang=en").body())
        .contains("<strong>Not satisfied</strong>: Masih lama", "<strong>Satisfied</strong></p>")
        .doesNotContain("Tidak puas");
  }

  @Test
  void aStalePageIsToldToLookAgainAndTwoAnswersAtOnceLeaveOneConsistentThread() throws Exception {
    Filed filed = fixtures.file(jetis, ComplaintFixtures.unique("Antrean panjang"));
    UUID id = filed.id();
    handling.verify(verifier, id, fixtures.version(id), fixtures.category(jetis).id().toString());
    int version = fixtures.version(id);
    Officer other = fixtures.officer(jetis, "admin.jetis", Role.OFFICE_ADMIN);
    var pool = Executors.newFixedThreadPool(2);
    List<Future<FieldErrors>> results =
        pool.invokeAll(
            List.<Callable<FieldErrors>>of(
                () -> handling.answer(verifier, id, version, "Jawaban satu").orElseThrow(),
                () -> handling.answer(other, id, version, "Jawaban dua").orElseThrow()));
    pool.shutdown();
    long refused = 0;
    for (Future<FieldErrors> r : results) {
      if (r.get().any()) {
        refused++;
        assertThat(r.get().get("answer").key()).isEqualTo("complaints.error.changed");
      }
    }
    assertThat(refused).isEqualTo(1);
    assertThat(handling.details(verifier, id).orElseThrow().thread()).hasSize(1);
  }

  @Test
  void anotherOfficesOfficerFindsNothing() {
    Filed filed = fixtures.file(jetis, ComplaintFixtures.unique("Pungutan liar"));
    Office purwokerto = fixtures.purwokerto();
    Officer stranger = fixtures.officer(purwokerto, "verifikator.purwokertoutara", Role.VERIFIER);
    assertThat(handling.details(stranger, filed.id())).isEmpty();
    assertThat(
            handling.verify(stranger, filed.id(), 0, fixtures.category(purwokerto).id().toString()))
        .isEmpty();
    assertThat(handling.note(stranger, filed.id(), "x")).isEmpty();
    assertThat(handling.assign(stranger, filed.id(), "")).isEmpty();
    assertThat(handling.details(verifier, filed.id()).orElseThrow().status())
        .isEqualTo(ComplaintStatus.RECEIVED);
  }

  @Test
  void theMorningJobResumesAnUnansweredQuestionAndClosesASilentAnswer() {
    Filed asked = fixtures.file(jetis, ComplaintFixtures.unique("Tanya"));
    handling.verify(
        verifier,
        asked.id(),
        fixtures.version(asked.id()),
        fixtures.category(jetis).id().toString());
    handling.ask(verifier, asked.id(), fixtures.version(asked.id()), "Alamat lengkap?");
    Filed answered = fixtures.file(jetis, ComplaintFixtures.unique("Jawab"));
    handling.verify(
        verifier,
        answered.id(),
        fixtures.version(answered.id()),
        fixtures.category(jetis).id().toString());
    handling.answer(verifier, answered.id(), fixtures.version(answered.id()), "Sudah.");
    jdbc.sql("update complaint set reply_due = current_date - 1 where id in (?, ?)")
        .params(asked.id(), answered.id())
        .update();
    assertThat(deadlines.run()).isGreaterThanOrEqualTo(2);
    assertThat(handling.details(verifier, asked.id()).orElseThrow().status())
        .isEqualTo(ComplaintStatus.IN_PROGRESS);
    assertThat(handling.details(verifier, asked.id()).orElseThrow().due()).isNotNull();
    assertThat(handling.details(verifier, answered.id()).orElseThrow().status())
        .isEqualTo(ComplaintStatus.CLOSED);

    // the job's reasons are told in the reader's language (they were Indonesian sentences)
    WebClient officer = WebClient.signedIn(port, "verifikator.jetis");
    assertThat(officer.get("/admin/pengaduan/" + asked.id()).body())
        .contains("Tidak ada tanggapan pelapor dalam 5 hari kerja", "Sistem");
    assertThat(officer.get("/admin/pengaduan/" + asked.id() + "?lang=en").body())
        .contains("No reply from the reporter within 5 working days", "System")
        .doesNotContain("Tidak ada tanggapan", "auto:");
    HttpResponse<String> api =
        new WebClient(port)
            .get(
                "/api/v1/complaints/" + answered.trackingCode(),
                "X-Complaint-Key",
                answered.secret(),
                "Accept-Language",
                "en");
    assertThat(api.body())
        .contains("No reaction from the reporter within 10 working days of the answer")
        .doesNotContain("auto:");
  }

  @Test
  void theContactIsRemovedAYearAfterClosingAndTheComplaintStays() {
    Filed filed = fixtures.file(jetis, ComplaintFixtures.unique("Kontak dihapus"));
    handling.reject(verifier, filed.id(), fixtures.version(filed.id()), "Bukan pengaduan.");
    jdbc.sql("update complaint set closed_at = now() - interval '366 days' where id = ?")
        .param(filed.id())
        .update();
    Filed recent = fixtures.file(jetis, ComplaintFixtures.unique("Kontak tetap"));
    handling.reject(verifier, recent.id(), fixtures.version(recent.id()), "Bukan pengaduan.");
    assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
    ComplaintDetails gone = handling.details(verifier, filed.id()).orElseThrow();
    assertThat(gone.phone()).isNull();
    assertThat(gone.reporterName()).isNull();
    assertThat(gone.description()).contains("Kontak dihapus");
    assertThat(complaints.open(filed.trackingCode(), "7890")).isEmpty();
    assertThat(complaints.open(filed.trackingCode(), filed.secret())).isPresent();
    assertThat(handling.details(verifier, recent.id()).orElseThrow().phone()).isNotNull();
  }

  long count() {
    return jdbc.sql("select count(*) from complaint").query(Long.class).single();
  }
}
