package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.ApplicantForm;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Draft;
import id.go.kecamatan.application.Drafts;
import id.go.kecamatan.application.TrackedApplications;
import id.go.kecamatan.casework.Casework;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.casework.RequirementChecks;
import id.go.kecamatan.letters.LetterIssued;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import id.go.kecamatan.shared.security.Officer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messages residents get, from the real events of the application, casework and letters
 * modules, as the queue stores them: the right text on each channel, only after the causing
 * transaction committed. The staff's messages: {@link StaffMessagesIntegrationTests}.
 */
@IntegrationTest
class ResidentMessagesIntegrationTests {

  static final String PHONE = "6281234567890";

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired TrackedApplications tracked;
  @Autowired Casework casework;
  @Autowired RequirementChecks requirementChecks;
  @Autowired Drafts drafts;
  @Autowired ResidentMessages listener;
  @Autowired StoredMessages outbox;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Clock clock;

  CaseworkFixtures fixtures;
  UUID jetis;
  UUID village;

  @BeforeEach
  void setUp() {
    fixtures = new CaseworkFixtures(applications, jdbc);
    jetis = fixtures.jetis();
    village = fixtures.operatorVillage("desa.jetis");
  }

  /** The messages of one kind about one application (its id in the key), waited for. */
  List<OutgoingMessage> messages(String kind, Application application, int expected) {
    String id = application.id().value().toString();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        outbox.matching(
                            m -> m.kind().equals(kind) && m.idempotencyKey().contains(id)))
                    .hasSize(expected));
    return outbox.matching(m -> m.kind().equals(kind) && m.idempotencyKey().contains(id));
  }

  static OutgoingMessage on(List<OutgoingMessage> messages, Channel channel) {
    return messages.stream().filter(m -> m.to().channel() == channel).findFirst().orElseThrow();
  }

  String statusLink(Application application) {
    return "http://localhost:" + port + "/status/" + application.trackingCode().value();
  }

  String deadline(Application application) {
    return id.go.kecamatan.shared.web.Formats.longDate(
        application.deadline(), Locale.forLanguageTag("id"));
  }

  @Test
  void aSubmissionSendsTheTrackingCodeTheDeadlineAndTheStatusLinkByWhatsApp() {
    String name = CaseworkFixtures.unique("Siti");
    Application application = fixtures.domisili(jetis, village, name);
    OutgoingMessage wa =
        messages("application.submitted", application, 1).get(0); // a phone, no e-mail
    assertThat(wa.to()).isEqualTo(new Recipient(Channel.WHATSAPP, PHONE));
    assertThat(wa.officeId()).isEqualTo(jetis);
    assertThat(wa.subject()).isNull();
    assertThat(wa.idempotencyKey()).isEqualTo("application.submitted:" + application.id().value());
    assertThat(wa.text())
        .isEqualTo(
            "Kecamatan Jetis: permohonan Surat Keterangan Domisili atas nama "
                + name
                + " sudah diterima.\nKode permohonan: "
                + application.trackingCode().value()
                + "\nSelesai paling lambat: "
                + deadline(application)
                + "\nCek status: "
                + statusLink(application));
  }

  @Test
  void aResidentWhoPrefersEmailGetsTheDecisionByEmailOnly() {
    String name = CaseworkFixtures.unique("Budi");
    Application application = fixtures.domisili(jetis, village, name);
    jdbc.sql(
            """
            update application set email = 'budi@example.id', preferred_channel = 'EMAIL'
            where id = ?
            """)
        .param(application.id().value())
        .update();
    Officer verifier = fixtures.officer("verifikator.jetis");
    casework.startReview(verifier, application.id());
    assertThat(casework.reject(verifier, application.id(), "Data NIK tidak sesuai KTP.").ok())
        .isTrue();
    List<OutgoingMessage> rejected = messages("application.rejected", application, 1);
    OutgoingMessage email = on(rejected, Channel.EMAIL);
    assertThat(email.to().address()).isEqualTo("budi@example.id");
    assertThat(email.subject())
        .isEqualTo("Permohonan " + application.trackingCode().value() + " ditolak");
    assertThat(email.text())
        .startsWith("Yth. " + name + ",\n\nmohon maaf, permohonan Surat Keterangan Domisili")
        .contains("Alasan: Data NIK tidak sesuai KTP.\n", statusLink(application));
    assertThat(email.idempotencyKey())
        .startsWith("application.rejected:" + application.id().value() + ":");
  }

  @Test
  void aCompletionRequestNamesEachRejectedRequirementWithItsReason() {
    Application application = fixtures.domisili(jetis, village, CaseworkFixtures.unique("Kurang"));
    Officer verifier = fixtures.officer("verifikator.jetis");
    casework.startReview(verifier, application.id());
    UUID ktp = fixtures.requirement(jetis, "DOMISILI", "KTP");
    String ktpName =
        jdbc.sql("select name from requirement where id = ?")
            .param(ktp)
            .query(String.class)
            .single();
    assertThat(
            requirementChecks
                .check(verifier, application.id(), ktp, "reject", null, "Foto KTP buram.")
                .ok())
        .isTrue();
    assertThat(casework.requestCompletion(verifier, application.id()).ok()).isTrue();
    OutgoingMessage wa = messages("application.completion", application, 1).get(0);
    assertThat(wa.text())
        .isEqualTo(
            "Kecamatan Jetis: permohonan "
                + application.trackingCode().value()
                + " (Surat Keterangan Domisili) perlu dilengkapi.\n- "
                + ktpName
                + ": Foto KTP buram.\nUnggah dokumen penggantinya di "
                + statusLink(application));
  }

  @Test
  void anApprovalAWithdrawalAndAnIssuedLetterEachHaveTheirMessage() {
    Application approved = fixtures.domisili(jetis, village, CaseworkFixtures.unique("Setuju"));
    Officer verifier = fixtures.officer("verifikator.jetis");
    casework.startReview(verifier, approved.id());
    for (UUID requirement :
        jdbc.sql(
                "select distinct requirement_id from application_attachment where application_id = ?")
            .param(approved.id().value())
            .query(UUID.class)
            .list()) {
      assertThat(
              requirementChecks
                  .check(verifier, approved.id(), requirement, "accept", null, null)
                  .ok())
          .isTrue();
    }
    assertThat(casework.approve(verifier, approved.id()).ok()).isTrue();
    assertThat(messages("application.approved", approved, 1).get(0).text())
        .contains(approved.trackingCode().value() + " (Surat Keterangan Domisili) disetujui.");

    Application withdrawn = fixtures.domisili(jetis, village, CaseworkFixtures.unique("Batal"));
    assertThat(tracked.withdraw(withdrawn.trackingCode(), "Salah pilih layanan"))
        .hasValueSatisfying(v -> assertThat(v.status()).isEqualTo(ApplicationStatus.WITHDRAWN));
    assertThat(messages("application.withdrawn", withdrawn, 1).get(0).text())
        .startsWith(
            "Kecamatan Jetis: permohonan "
                + withdrawn.trackingCode().value()
                + " (Surat Keterangan Domisili) sudah dibatalkan atas permintaan Anda.");

    // signing needs a signer's key: the event as the signing publishes it
    UUID letter = UUID.randomUUID();
    listener.on(
        new LetterIssued(
            letter,
            jetis,
            approved.id(),
            approved.trackingCode().value(),
            "474/031/416.305/2026",
            "Zq8Tn3Lp6Rk2",
            Instant.now(clock)));
    OutgoingMessage issued = messages("letter.issued", approved, 1).get(0);
    assertThat(issued.idempotencyKey())
        .isEqualTo("letter.issued:" + approved.id().value() + ":" + letter);
    assertThat(issued.text())
        .isEqualTo(
            "Kecamatan Jetis: surat nomor 474/031/416.305/2026 untuk permohonan "
                + approved.trackingCode().value()
                + " (Surat Keterangan Domisili) sudah terbit.\nUnduh di halaman status: "
                + statusLink(approved));
  }

  @Test
  void aRolledBackSubmissionSendsNothingACommittedOneDoes() {
    String rolledBack = CaseworkFixtures.unique("Batal");
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    tx.executeWithoutResult(
        status -> {
          fixtures.domisili(jetis, village, rolledBack);
          status.setRollbackOnly();
        });
    assertThat(
            jdbc.sql("select count(*) from application where name = ?")
                .param(rolledBack)
                .query(Long.class)
                .single())
        .isZero();
    // a submission after it is messaged; by then the rolled-back one would have been too
    Application committed = fixtures.domisili(jetis, village, CaseworkFixtures.unique("Jadi"));
    messages("application.submitted", committed, 1);
    assertThat(outbox.matching(m -> m.text().contains(rolledBack))).isEmpty();
  }

  @Test
  void aResidentsFirstSaveOfADraftSendsTheResumeCodeOnceOnThePreferredChannel() {
    Draft draft = drafts.start(jetis, "DOMISILI");
    String name = CaseworkFixtures.unique("Draf");
    ApplicantForm form = draftForm(name, null);
    drafts.saveIdentity(draft, form);
    drafts.saveIdentity(drafts.find(draft.id()).orElseThrow(), form);
    String key = "draft.started:" + draft.id();
    // no channel chosen: WhatsApp, the e-mail address only held back as its fallback
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(outbox.matching(m -> m.idempotencyKey().equals(key))).hasSize(1));
    List<OutgoingMessage> sent = outbox.matching(m -> m.idempotencyKey().equals(key));
    String code = draft.displayedResumeCode();
    assertThat(on(sent, Channel.WHATSAPP).text())
        .isEqualTo(
            "Kecamatan Jetis: draf permohonan Surat Keterangan Domisili Anda tersimpan.\n"
                + "Kode lanjutkan: "
                + code
                + "\nLanjutkan di http://localhost:"
                + port
                + "/lanjutkan sampai "
                + id.go.kecamatan.shared.web.Formats.longDate(
                    LocalDate.ofInstant(
                        drafts.find(draft.id()).orElseThrow().expiresAt(),
                        java.time.ZoneId.of("Asia/Jakarta")),
                    Locale.forLanguageTag("id"))
                + ".\nJangan berikan kode ini kepada siapa pun.");

    Draft byEmail = drafts.start(jetis, "DOMISILI");
    drafts.saveIdentity(byEmail, draftForm(name, "EMAIL"));
    String emailKey = "draft.started:" + byEmail.id();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(outbox.matching(m -> m.idempotencyKey().equals(emailKey))).hasSize(1));
    OutgoingMessage email =
        on(outbox.matching(m -> m.idempotencyKey().equals(emailKey)), Channel.EMAIL);
    assertThat(email.subject())
        .isEqualTo("Kode lanjutkan draf permohonan Anda: " + byEmail.displayedResumeCode());
    assertThat(email.text()).startsWith("Yth. " + name + ",\n");
  }

  private ApplicantForm draftForm(String name, String preferredChannel) {
    return new ApplicantForm(
        "3516164101900001",
        name,
        "Mojokerto",
        "1990-01-01",
        "FEMALE",
        village.toString(),
        "Dusun Jetis",
        "0812 3456 7890",
        "draf@example.id",
        preferredChannel);
  }
}
