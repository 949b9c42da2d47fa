package id.go.kecamatan.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.internal.WrongDigits;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Submitting applications and following them with the tracking code, on the demo data. */
@IntegrationTest
@RecordApplicationEvents
class ApplicationsIntegrationTests {

  static final String FEMALE_NIK = "3516164101900001"; // 1 January 1990, female
  static final String MALE_NIK = "3516160101900002"; // 1 January 1990, male

  @Autowired Applications applications;
  @Autowired TrackedApplications tracked;
  @Autowired JdbcClient jdbc;
  @Autowired WorkingCalendar calendar;
  @Autowired Clock clock;
  @Autowired ApplicationEvents events;

  UUID jetis;
  UUID village;
  UUID otherVillage;
  List<String> requirements;
  List<String> requiredRequirements;

  @BeforeEach
  void demoIds() {
    jetis = jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    village =
        jdbc.sql("select id from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    otherVillage =
        jdbc.sql("select id from village where office_id <> ? order by name limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    requirements =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'LEGALISIR' order by r.position
                """)
            .param(jetis)
            .query(String.class)
            .list();
    // other tests may add requirements to the demo service: read what it asks for now
    requiredRequirements =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'LEGALISIR' and r.required order by r.position
                """)
            .param(jetis)
            .query(String.class)
            .list();
    assertThat(requiredRequirements).isNotEmpty();
  }

  static Upload pdf() {
    return new Upload("ktp.pdf", "application/pdf", new ByteArrayInputStream(TestFiles.pdf(1)));
  }

  Map<String, List<Upload>> files() {
    Map<String, List<Upload>> files = new HashMap<>();
    for (String r : requirements) {
      files.put(r, List.of(pdf()));
    }
    return files;
  }

  SubmitCommand command(String name, String key) {
    return new SubmitCommand(
        Channel.ONLINE,
        FEMALE_NIK,
        name,
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
        files(),
        key);
  }

  static String unique() {
    return "Siti " + UUID.randomUUID().toString().substring(0, 8);
  }

  Outcome<Application> submit(SubmitCommand command) {
    return applications.submit(jetis, "LEGALISIR", command);
  }

  @Test
  void anApplicationIsSubmittedWithItsDocumentsCodeDeadlineAndEvent() {
    String name = unique();
    Outcome<Application> outcome = submit(command(name, null));

    assertThat(outcome.ok()).as(String.valueOf(outcome.errors().all())).isTrue();
    Application application = outcome.value();
    assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
    assertThat(application.trackingCode().officePrefix()).isEqualTo("351616");
    assertThat(application.deadline()).isEqualTo(calendar.of(jetis).plus(LocalDate.now(clock), 0));
    assertThat(application.attachments()).hasSize(requirements.size());
    assertThat(
            jdbc.sql("select count(*) from application_attachment where application_id = ?")
                .param(application.id().value())
                .query(Integer.class)
                .single())
        .isEqualTo(requirements.size());
    assertThat(events.stream(ApplicationSubmitted.class))
        .anyMatch(e -> e.applicationId().equals(application.id()));
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where entity_id = ? and action = 'application.submitted'")
                .param(application.id().toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    ApplicationStatusView view =
        tracked.status(application.trackingCode().value().toLowerCase(), "7890").orElseThrow();
    assertThat(view.status()).isEqualTo(ApplicationStatus.SUBMITTED);
    assertThat(view.serviceCode()).isEqualTo("LEGALISIR");
    assertThat(view.deadline()).isEqualTo(application.deadline());
    assertThat(view.clockPaused()).isFalse();
    assertThat(view.canWithdraw()).isTrue();
    assertThat(view.timeline()).hasSize(1);
  }

  @Test
  void theAddresseeIsTheApplicationsOwnAndOnlyTheOfficesOwn() {
    Application application = submit(command(unique(), null)).value();

    ApplicationAddressee addressee = applications.addressee(jetis, application.id());

    assertThat(addressee).isEqualTo(ApplicationAddressee.of(application));
    assertThat(addressee.applicant().phone()).isEqualTo(application.applicant().phone());
    UUID other =
        jdbc.sql("select id from office where id <> ? limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    assertThatThrownBy(() -> applications.addressee(other, application.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> applications.addressee(jetis, new ApplicationId(UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void submittingTwiceWithTheSameKeyMakesOneApplication() {
    String name = unique();
    String key = UUID.randomUUID().toString();
    Application first = submit(command(name, key)).value();
    Application second = submit(command(name, key)).value();

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.trackingCode()).isEqualTo(first.trackingCode());
    assertThat(
            jdbc.sql("select count(*) from application where name = ?")
                .param(name)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  SubmitCommand withIdentity(String nik, String birthDate, String sex) {
    SubmitCommand c = command(unique(), null);
    return new SubmitCommand(
        c.channel(),
        nik,
        c.name(),
        c.birthPlace(),
        birthDate,
        sex,
        c.villageId(),
        c.address(),
        c.phone(),
        c.email(),
        null,
        c.answers(),
        c.files(),
        null);
  }

  @Test
  void invalidNiksAreRefused() {
    assertThat(submit(withIdentity("35161641019", "1990-01-01", "FEMALE")).errors().has("nik"))
        .as("shape")
        .isTrue();
    assertThat(submit(withIdentity("351616410x900001", "1990-01-01", "FEMALE")).errors().has("nik"))
        .as("letters")
        .isTrue();
    assertThat(submit(withIdentity("3516167213900001", "1990-01-01", "FEMALE")).errors().has("nik"))
        .as("date")
        .isTrue();
    assertThat(submit(withIdentity("9999994101900001", "1990-01-01", "FEMALE")).errors().has("nik"))
        .as("region")
        .isTrue();
    assertThat(submit(withIdentity(MALE_NIK, "1990-01-01", "FEMALE")).errors().get("nik").args())
        .as("sex")
        .containsExactly(id.go.kecamatan.office.IdentityProblem.SEX_MISMATCH);
    assertThat(submit(withIdentity(FEMALE_NIK, "1991-01-01", "FEMALE")).errors().get("nik").args())
        .as("birth date")
        .containsExactly(id.go.kecamatan.office.IdentityProblem.BIRTH_DATE_MISMATCH);
    assertThat(submit(withIdentity(MALE_NIK, "1990-01-01", "MALE")).ok()).isTrue();
  }

  @Test
  void markupIsRefusedInEveryTextFieldAndNothingIsStored() {
    String html = "<script>alert(1)</script>";
    String name = unique();
    SubmitCommand c = command(name, null);
    SubmitCommand bad =
        new SubmitCommand(
            c.channel(),
            c.nik(),
            name + html,
            html,
            c.birthDate(),
            c.sex(),
            c.villageId(),
            "<img src=x onerror=alert(1)>",
            "<b>0812</b>",
            "<a>x@y.id</a>",
            null,
            Map.of(
                "jenis_dokumen", List.of(html),
                "jumlah_lembar", List.of("2"),
                "keperluan", List.of("<iframe src=//evil>")),
            c.files(),
            null);
    Outcome<Application> outcome = submit(bad);
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.errors().all().keySet())
        .contains(
            "name",
            "birthPlace",
            "address",
            "phone",
            "email",
            "answers.jenis_dokumen",
            "answers.keperluan");
    assertThat(outcome.errors().get("name").key()).isEqualTo("error.markup");
    assertThat(
            jdbc.sql("select count(*) from application where name like ?")
                .param(name + "%")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void textThatOnlyLooksLikeMarkupIsKeptAsTyped() {
    String name = unique() + " & 'Ani' \"<3\"";
    SubmitCommand c = command(name, null);
    SubmitCommand odd =
        new SubmitCommand(
            c.channel(),
            c.nik(),
            name,
            c.birthPlace(),
            c.birthDate(),
            c.sex(),
            c.villageId(),
            "Gg. Mawar 1 < 2 & 3 > 1 &amp;",
            c.phone(),
            c.email(),
            null,
            c.answers(),
            c.files(),
            null);
    Outcome<Application> outcome = submit(odd);
    assertThat(outcome.ok()).as(String.valueOf(outcome.errors().all())).isTrue();
    assertThat(
            jdbc.sql("select address from application where id = ?")
                .param(outcome.value().id().value())
                .query(String.class)
                .single())
        .isEqualTo("Gg. Mawar 1 < 2 & 3 > 1 &amp;");
  }

  @Test
  void identityRulesOfTheOfficeAndTheChannel() {
    SubmitCommand c = command(unique(), null);
    Outcome<Application> outcome =
        submit(
            new SubmitCommand(
                c.channel(),
                c.nik(),
                c.name(),
                c.birthPlace(),
                "31-12-1990",
                "OTHER",
                otherVillage.toString(),
                c.address(),
                " ",
                "not-an-email",
                null,
                c.answers(),
                Map.of(),
                null));
    assertThat(outcome.errors().get("villageId").key()).isEqualTo("application.error.village");
    assertThat(outcome.errors().get("phone").key()).isEqualTo("application.error.phoneRequired");
    assertThat(outcome.errors().get("birthDate").key()).isEqualTo("application.error.date");
    assertThat(outcome.errors().get("sex").key()).isEqualTo("application.error.sex");
    assertThat(outcome.errors().get("email").key()).isEqualTo("error.email");
    for (String r : requiredRequirements) {
      assertThat(outcome.errors().get("files[" + r + "]").key())
          .isEqualTo("application.error.requirementMissing");
    }
  }

  @Test
  void wrongOrGuessedCodesAndWrongDigitsGetTheSameAnswer() {
    Application application = submit(command(unique(), null)).value();
    String code = application.trackingCode().value();
    String body = code.substring(code.indexOf('-') + 1, code.length() - 1);

    assertThat(tracked.status(code, "7890")).isPresent();
    assertThat(tracked.status(code, "7891")).isEmpty();
    assertThat(tracked.status(code, "")).isEmpty();
    assertThat(tracked.status(code, null)).isEmpty();
    assertThat(tracked.status("351616-AAAAAAAA", "7890")).isEmpty();
    assertThat(tracked.status("<script>", "7890")).isEmpty();
    String guessed = "351616" + "2222222";
    assertThat(tracked.status(guessed + TrackingCode.checkCharacter(guessed), "7890")).isEmpty();
    // the same body under another office's prefix is another office's code: never this one
    String otherOffice = "330227" + body;
    assertThat(tracked.status(otherOffice + TrackingCode.checkCharacter(otherOffice), "7890"))
        .isEmpty();
    jdbc.sql("update application set tracking_code = ? where id = ?")
        .params(
            "330227-" + body + TrackingCode.checkCharacter(otherOffice), application.id().value())
        .update();
    assertThat(tracked.status("330227-" + body + TrackingCode.checkCharacter(otherOffice), "7890"))
        .as("a code whose prefix is not the office's own")
        .isEmpty();
  }

  @Test
  void tooManyWrongDigitsLockTheCodeEvenForTheRightOnes() {
    Application application = submit(command(unique(), null)).value();
    Application other = submit(command(unique(), null)).value();
    String code = application.trackingCode().value();
    for (int i = 0; i < WrongDigits.PER_HOUR; i++) {
      assertThat(tracked.status(code, String.format("%04d", i))).isEmpty();
    }
    // the right digits (this command's phone ends in 7890) no longer open it, for a while
    assertThat(tracked.status(code, "7890")).isEmpty();
    // other codes are not affected
    assertThat(tracked.status(other.trackingCode().value(), "7890")).isPresent();
  }

  @Test
  void residentsWithdrawBeforeApprovalOnly() {
    Application application = submit(command(unique(), null)).value();
    String code = application.trackingCode().value();

    assertThat(tracked.withdraw(code, "1234", "tidak jadi")).isEmpty();
    ApplicationStatusView view = tracked.withdraw(code, "7890", "tidak jadi").orElseThrow();
    assertThat(view.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    assertThat(view.canWithdraw()).isFalse();
    assertThat(view.timeline()).hasSize(2);
    assertThat(view.timeline().get(1).reason()).isEqualTo("tidak jadi");
    assertThat(tracked.status(code, "7890").orElseThrow().timeline()).hasSize(2);
    assertThatThrownBy(() -> tracked.withdraw(code, "7890", null))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where entity_id = ? and action = 'application.withdrawn'")
                .param(application.id().toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aRefusedFileLeavesNoDocumentOfTheOtherFilesBehind() {
    int before =
        jdbc.sql("select count(*) from document where office_id = ?")
            .param(jetis)
            .query(Integer.class)
            .single();
    Map<String, List<Upload>> files = files();
    String last = requirements.get(requirements.size() - 1);
    files.put(
        last,
        List.of(
            new Upload(
                "ktp.pdf",
                "application/pdf",
                new ByteArrayInputStream(TestFiles.windowsExecutable()))));
    SubmitCommand c = command(unique(), null);
    Outcome<Application> outcome =
        submit(
            new SubmitCommand(
                c.channel(),
                c.nik(),
                c.name(),
                c.birthPlace(),
                c.birthDate(),
                c.sex(),
                c.villageId(),
                c.address(),
                c.phone(),
                c.email(),
                null,
                c.answers(),
                files,
                null));
    assertThat(outcome.errors().get("files[" + last + "]").key()).isEqualTo("documents.error.type");
    assertThat(
            jdbc.sql("select count(*) from document where office_id = ?")
                .param(jetis)
                .query(Integer.class)
                .single())
        .isEqualTo(before);
  }
}
