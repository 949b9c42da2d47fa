package id.go.kecamatan.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.internal.ApplicationRepository;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Completion requests and the resident's completion, on the demo data (each test makes its own
 * applications). The dates that matter come from fixed clocks years ahead, with a local closure of
 * the office added for the test and removed after it.
 */
@IntegrationTest
@RecordApplicationEvents
class CompletionsIntegrationTests {

  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  @Autowired Applications applications;
  @Autowired TrackedApplications tracked;
  @Autowired Completions completions;
  @Autowired ApplicationRepository repository;
  @Autowired Catalog catalog;
  @Autowired WorkingCalendar calendar;
  @Autowired Documents documents;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  UUID jetis;
  UUID village;
  List<UUID> requirements;

  @BeforeEach
  void demoIds() {
    jetis = jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    village =
        jdbc.sql("select id from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    requirements =
        jdbc.sql(
                """
                select r.id from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'LEGALISIR' order by r.position
                """)
            .param(jetis)
            .query(UUID.class)
            .list();
    assertThat(requirements).hasSizeGreaterThanOrEqualTo(2);
  }

  static Upload pdf() {
    return file("ktp.pdf", TestFiles.pdf(1));
  }

  static Upload file(String name, byte[] bytes) {
    return new Upload(name, "application/pdf", new ByteArrayInputStream(bytes));
  }

  /** A Legalisir application of Jetis in review, with a PDF for every requirement. */
  Application inReview() {
    Map<String, List<Upload>> files = new HashMap<>();
    requirements.forEach(r -> files.put(r.toString(), List.of(pdf())));
    Outcome<Application> submitted =
        applications.submit(
            jetis,
            "LEGALISIR",
            new SubmitCommand(
                Channel.ONLINE,
                "3516164101900001",
                "Siti " + UUID.randomUUID().toString().substring(0, 8),
                "Mojokerto",
                "1990-01-01",
                "FEMALE",
                village.toString(),
                "Dusun Jetis RT 01 RW 02",
                "0812 3456 7890",
                null,
                null,
                Map.of(
                    "jenis_dokumen", List.of("Surat keterangan"),
                    "jumlah_lembar", List.of("2"),
                    "keperluan", List.of("Melamar kerja")),
                files,
                null));
    assertThat(submitted.ok()).as(String.valueOf(submitted.errors().all())).isTrue();
    Application application = repository.find(jetis, submitted.value().id()).orElseThrow();
    application.startReview(Instant.now(), "Budi (verifikator)");
    repository.saveChanges(application);
    return application;
  }

  /** Completions whose clock stands at 10:00 WIB of the day. */
  Completions on(LocalDate day) {
    Clock clock = Clock.fixed(day.atTime(10, 0).atZone(JAKARTA).toInstant(), JAKARTA);
    return new Completions(
        repository, applications, tracked, catalog, calendar, documents, transactions, clock);
  }

  Application needingCompletionOf(UUID requirement, String reason) {
    Application application = inReview();
    Outcome<Application> asked =
        completions.requestCompletion(
            jetis, application.id(), Map.of(requirement, reason), "Budi (verifikator)");
    assertThat(asked.ok()).as(String.valueOf(asked.errors().all())).isTrue();
    return asked.value();
  }

  String code(Application application) {
    return application.trackingCode().value();
  }

  List<UUID> attached(Application application, UUID requirement) {
    return jdbc.sql(
            """
            select document_id from application_attachment
            where application_id = ? and requirement_id = ? order by position
            """)
        .params(application.id().value(), requirement)
        .query(UUID.class)
        .list();
  }

  int documentsOfJetis() {
    return jdbc.sql("select count(*) from document where office_id = ?")
        .param(jetis)
        .query(Integer.class)
        .single();
  }

  int audits(Application application, String action) {
    return jdbc.sql("select count(*) from audit_event where entity_id = ? and action = ?")
        .params(application.id().toString(), action)
        .query(Integer.class)
        .single();
  }

  @Test
  void theResidentReplacesOnlyTheRejectedRequirementAndTheClockGivesBackTheDaysLeft() {
    UUID rejected = requirements.get(0);
    UUID kept = requirements.get(1);
    Application application = inReview();
    // deadline Friday 7 March 2031; the office asks on Monday 3 March: Tue to Fri are left
    jdbc.sql("update application set deadline = ? where id = ?")
        .params(LocalDate.of(2031, 3, 7), application.id().value())
        .update();
    LocalDate closure = LocalDate.of(2031, 3, 19);
    assertThat(calendar.add(jetis, closure.toString(), "LOCAL", "Rapat kerja kecamatan").any())
        .isFalse();
    try {
      Outcome<Application> asked =
          on(LocalDate.of(2031, 3, 3))
              .requestCompletion(
                  jetis,
                  application.id(),
                  Map.of(rejected, "Fotokopi tidak terbaca"),
                  "Budi (verifikator)");
      assertThat(asked.ok()).isTrue();
      assertThat(asked.value().completionRequest().orElseThrow().workingDaysLeft()).isEqualTo(4);

      ApplicationStatusView waiting = tracked.status(code(application), "7890").orElseThrow();
      assertThat(waiting.status()).isEqualTo(ApplicationStatus.NEEDS_COMPLETION);
      assertThat(waiting.clockPaused()).isTrue();
      assertThat(waiting.rejected())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.requirementId()).isEqualTo(rejected);
                assertThat(r.requirementName()).isNotBlank();
                assertThat(r.reason()).isEqualTo("Fotokopi tidak terbaca");
              });
      List<UUID> oldRejected = attached(application, rejected);
      List<UUID> oldKept = attached(application, kept);

      // the resident completes on Monday 17 March; Wednesday 19 March the office is closed
      Outcome<ApplicationStatusView> done =
          on(LocalDate.of(2031, 3, 17))
              .complete(code(application), "7890", Map.of(rejected.toString(), List.of(pdf())))
              .orElseThrow();

      assertThat(done.ok()).as(String.valueOf(done.errors().all())).isTrue();
      assertThat(done.value().status()).isEqualTo(ApplicationStatus.IN_REVIEW);
      assertThat(done.value().clockPaused()).isFalse();
      assertThat(done.value().rejected()).isEmpty();
      assertThat(done.value().deadline())
          .as("Tue 18, Thu 20, Fri 21, Mon 24")
          .isEqualTo(LocalDate.of(2031, 3, 24));
      assertThat(attached(application, rejected))
          .hasSize(1)
          .doesNotContainAnyElementsOf(oldRejected);
      assertThat(attached(application, kept)).isEqualTo(oldKept);
      assertThat(documents.find(jetis, oldRejected.get(0))).as("the old document").isEmpty();
      assertThat(
              jdbc.sql(
                      "select closed_at is not null from completion_request where application_id = ?")
                  .param(application.id().value())
                  .query(Boolean.class)
                  .single())
          .isTrue();
      assertThat(audits(application, "application.needs_completion")).isEqualTo(1);
      assertThat(audits(application, "application.in_review")).isEqualTo(1);
      assertThat(events.stream(ApplicationStatusChanged.class))
          .filteredOn(e -> e.applicationId().equals(application.id()))
          .extracting(e -> e.change().to())
          .containsExactly(ApplicationStatus.NEEDS_COMPLETION, ApplicationStatus.IN_REVIEW);
      assertThat(tracked.status(code(application), "7890").orElseThrow().timeline())
          .extracting(StatusChange::to)
          .containsExactly(
              ApplicationStatus.SUBMITTED,
              ApplicationStatus.IN_REVIEW,
              ApplicationStatus.NEEDS_COMPLETION,
              ApplicationStatus.IN_REVIEW);
    } finally {
      jdbc.sql("delete from holiday where office_id = ? and day = ?")
          .params(jetis, closure)
          .update();
    }
  }

  @Test
  void replacingARequirementThatWasNotRejectedIsRefusedAndNothingChanges() {
    UUID rejected = requirements.get(0);
    UUID other = requirements.get(1);
    Application application = needingCompletionOf(rejected, "Fotokopi buram");
    int before = documentsOfJetis();

    Map<String, List<Upload>> files = new LinkedHashMap<>();
    files.put(rejected.toString(), List.of(pdf()));
    files.put(other.toString(), List.of(pdf()));
    Outcome<ApplicationStatusView> outcome =
        completions.complete(code(application), "7890", files).orElseThrow();
    assertThat(outcome.errors().get("files[" + other + "]").key())
        .isEqualTo("completion.error.notRejected");

    Outcome<ApplicationStatusView> nothing =
        completions.complete(code(application), "7890", Map.of()).orElseThrow();
    assertThat(nothing.errors().get("files[" + rejected + "]").key())
        .isEqualTo("documents.error.noFile");

    assertThat(documentsOfJetis()).isEqualTo(before);
    assertThat(tracked.status(code(application), "7890").orElseThrow().status())
        .isEqualTo(ApplicationStatus.NEEDS_COMPLETION);
  }

  @Test
  void aRefusedFileLeavesEverythingAsItWas() {
    UUID first = requirements.get(0);
    UUID second = requirements.get(1);
    Application application = inReview();
    Map<UUID, String> reasons = new LinkedHashMap<>();
    reasons.put(first, "Fotokopi buram");
    reasons.put(second, "Halaman kedua tidak ada");
    assertThat(
            completions
                .requestCompletion(jetis, application.id(), reasons, "Budi (verifikator)")
                .ok())
        .isTrue();
    List<UUID> oldFirst = attached(application, first);
    int before = documentsOfJetis();
    byte[] oversized = Arrays.copyOf(TestFiles.pdf(1), 11 * 1024 * 1024);

    for (Upload bad :
        List.of(
            file("ktp.pdf", TestFiles.windowsExecutable()),
            file("kosong.pdf", new byte[0]),
            file("besar.pdf", oversized))) {
      Map<String, List<Upload>> files = new LinkedHashMap<>();
      // the first requirement's good file is stored before the second's bad one is refused
      files.put(first.toString(), List.of(pdf()));
      files.put(second.toString(), List.of(bad));
      Outcome<ApplicationStatusView> outcome =
          completions.complete(code(application), "7890", files).orElseThrow();
      assertThat(outcome.ok()).as(bad.originalName()).isFalse();
      assertThat(outcome.errors().get("files[" + second + "]").key())
          .as(bad.originalName())
          .isIn("documents.error.type", "documents.error.empty", "documents.error.tooBig");
    }

    assertThat(documentsOfJetis()).isEqualTo(before);
    assertThat(attached(application, first)).isEqualTo(oldFirst);
    ApplicationStatusView view = tracked.status(code(application), "7890").orElseThrow();
    assertThat(view.status()).isEqualTo(ApplicationStatus.NEEDS_COMPLETION);
    assertThat(view.rejected()).hasSize(2);
  }

  @Test
  void wrongCodesAndDigitsCompleteNothing() {
    Application application = needingCompletionOf(requirements.get(0), "Fotokopi buram");
    Map<String, List<Upload>> files = Map.of(requirements.get(0).toString(), List.of(pdf()));
    assertThat(completions.complete(code(application), "0000", files)).isEmpty();
    assertThat(completions.complete(code(application), null, files)).isEmpty();
    assertThat(completions.complete("351616-AAAAAAAA", "7890", files)).isEmpty();
    assertThat(completions.complete("<script>", "7890", files)).isEmpty();
    assertThat(tracked.status(code(application), "7890").orElseThrow().status())
        .isEqualTo(ApplicationStatus.NEEDS_COMPLETION);
  }

  @Test
  void onlyAnApplicationThatNeedsCompletionCanBeCompleted() {
    Application application = inReview();
    Map<String, List<Upload>> files = Map.of(requirements.get(0).toString(), List.of(pdf()));
    assertThatThrownBy(() -> completions.complete(code(application), "7890", files))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void theOfficeNamesAtLeastOneRequirementOfTheServiceWithAPlainReason() {
    Application application = inReview();
    assertThat(
            completions
                .requestCompletion(jetis, application.id(), Map.of(), "budi")
                .errors()
                .get("reasons")
                .key())
        .isEqualTo("completion.error.none");
    UUID foreign = UUID.randomUUID();
    assertThat(
            completions
                .requestCompletion(jetis, application.id(), Map.of(foreign, "x"), "budi")
                .errors()
                .get("reasons[" + foreign + "]")
                .key())
        .isEqualTo("completion.error.unknownRequirement");
    UUID r = requirements.get(0);
    assertThat(
            completions
                .requestCompletion(
                    jetis, application.id(), Map.of(r, "<script>alert(1)</script>"), "budi")
                .errors()
                .get("reasons[" + r + "]")
                .key())
        .isEqualTo("error.markup");
    assertThat(
            completions
                .requestCompletion(jetis, application.id(), Map.of(r, " "), "budi")
                .errors()
                .get("reasons[" + r + "]")
                .key())
        .isEqualTo("error.required");
    assertThat(tracked.status(code(application), "7890").orElseThrow().status())
        .isEqualTo(ApplicationStatus.IN_REVIEW);
  }

  @Test
  void anotherOfficeCannotAskAndASubmittedApplicationIsNotInReviewYet() {
    Application application = inReview();
    UUID purwokerto =
        jdbc.sql("select id from office where code = '33.02.27'").query(UUID.class).single();
    Map<UUID, String> reasons = Map.of(requirements.get(0), "Fotokopi buram");
    assertThatThrownBy(
            () -> completions.requestCompletion(purwokerto, application.id(), reasons, "budi"))
        .isInstanceOf(NotFoundException.class);

    application.withdraw(Instant.now(), null);
    repository.saveChanges(application);
    assertThatThrownBy(
            () -> completions.requestCompletion(jetis, application.id(), reasons, "budi"))
        .isInstanceOf(IllegalTransitionException.class);
  }
}
