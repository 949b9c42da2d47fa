package id.go.kecamatan.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.casework.Casework;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.letters.internal.Signatories;
import id.go.kecamatan.letters.internal.numbering.LetterNumbering;
import id.go.kecamatan.letters.internal.render.LetterRendering;
import id.go.kecamatan.letters.internal.signing.SignatureProvider;
import id.go.kecamatan.letters.internal.signing.SigningSession;
import id.go.kecamatan.letters.internal.signing.SigningUnavailableException;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.shared.web.PublicAddress;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Signing letters end to end on the real database, renderer, numbering and the system's own PAdES
 * signer: what an issued letter is, what a wrong passphrase, a failing signature, a Sekcam without
 * delegation and a returned application leave behind.
 */
@IntegrationTest
@RecordApplicationEvents
class LetterSigningIntegrationTests {

  @LocalServerPort int port;
  @Autowired LetterSigning signing;
  @Autowired Delegations delegations;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired Casework casework;
  @Autowired JdbcClient jdbc;
  @Autowired id.go.kecamatan.letters.internal.LetterRepository letterRepository;
  @Autowired id.go.kecamatan.documents.GeneratedFiles generatedFiles;
  @Autowired id.go.kecamatan.letters.internal.SigningMetrics signingMetrics;

  // for a LetterSigning whose signer fails after the number was taken
  @Autowired Catalog catalog;
  @Autowired Offices offices;
  @Autowired Signatories signatories;
  @Autowired LetterNumbering numbering;
  @Autowired LetterRendering rendering;
  @Autowired SignatureProvider provider;
  @Autowired AuditTrail audit;
  @Autowired ApplicationEvents published;
  @Autowired SigningKeys signingKeys;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;
  @Autowired org.springframework.core.env.Environment environment;

  LetterFixtures fixtures;
  UUID jetis;
  Officer camat;
  Officer sekcam;

  @BeforeEach
  void setUp() {
    fixtures = new LetterFixtures(applications, decisions, jdbc, letterRepository);
    jetis = fixtures.office("35.16.16");
    camat = fixtures.officer("camat.jetis");
    sekcam = fixtures.officer("sekcam.jetis");
  }

  private Outcome<SigningReport> sign(Officer officer, Application application, String pass) {
    return signing.sign(officer, List.of(application.id()), pass.toCharArray());
  }

  @Test
  void theCamatSignsAnApprovedApplicationIntoAnIssuedVerifiableLetter() throws Exception {
    Application approved = fixtures.approved(jetis, "Siti Aminah");

    Outcome<SigningReport> outcome = sign(camat, approved, LetterFixtures.PASSPHRASE);

    assertThat(outcome.ok()).as(String.valueOf(outcome.errors().all())).isTrue();
    assertThat(outcome.value().signed()).hasSize(1);
    assertThat(applications.get(jetis, approved.id()).status()).isEqualTo(ApplicationStatus.ISSUED);
    LetterFixtures.SignedLetter letter = fixtures.letterOf(approved.id());
    assertThat(outcome.value().signed().get(0).number()).isEqualTo(letter.number());
    assertThat(letter.number()).endsWith("/" + LocalDate.now(clock).getYear());
    assertThat(letter.position()).isEqualTo("Camat Jetis");
    String text = PdfChecks.text(letter.pdf());
    assertThat(text).contains("Siti Aminah", letter.number(), "CAMAT JETIS");
    assertThat(text).doesNotContain("a.n.", "Plh.");
    String pdfsig = PdfChecks.pdfsig(letter.pdf());
    assertThat(pdfsig).contains("Signature is Valid").contains("Total document signed");
    assertThat(PdfChecks.pdfA3bFailures(letter.pdf()))
        .as("the issued letter is PDF/A-3B")
        .isEmpty();
    String code =
        jdbc.sql("select verification_code from letter where application_id = ?")
            .param(approved.id().value())
            .query(String.class)
            .single();
    assertThat(VerificationCode.parse(code)).isPresent();
    assertThat(published.stream(LetterIssued.class))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.trackingCode()).isEqualTo(approved.trackingCode().value());
              assertThat(event.number()).isEqualTo(letter.number());
              assertThat(event.verificationCode()).isEqualTo(code);
            });
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'letter.signed' and details->>'trackingCode' = ?")
                .param(approved.trackingCode().value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  /**
   * The statistics learn of the ISSUED from the letter's own event: the change of status records no
   * publication of its own for them, and the application still counts as issued, its letter as
   * signed.
   */
  @Test
  void theStatisticsCountASignedLettersApplicationAsIssuedFromTheLettersEvent() {
    Application approved = fixtures.approved(jetis, "Rina Wulandari");

    assertThat(sign(camat, approved, LetterFixtures.PASSPHRASE).ok()).isTrue();

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(
                      jdbc.sql("select status from stat_application where application_id = ?")
                          .param(approved.id().value())
                          .query(String.class)
                          .single())
                  .isEqualTo("ISSUED");
              assertThat(
                      jdbc.sql("select count(*) from stat_letter where application_id = ?")
                          .param(approved.id().value())
                          .query(Integer.class)
                          .single())
                  .isEqualTo(1);
            });
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from event_publication
                    where event_type like '%ApplicationStatusChanged'
                      and serialized_event like ? and serialized_event like '%"ISSUED"%'
                    """)
                .param("%" + approved.id().value() + "%")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aWrongPassphraseSignsNothingAndTakesNoNumber() {
    Application first = fixtures.approved(jetis, "Budi Santoso");
    Application second = fixtures.approved(jetis, "Ani Lestari");
    assertThat(sign(camat, first, LetterFixtures.PASSPHRASE).ok()).isTrue();
    int before = fixtures.letterOf(first.id()).sequence();

    Outcome<SigningReport> wrong = sign(camat, second, "bukan-passphrase-ini");

    assertThat(wrong.ok()).isFalse();
    assertThat(wrong.errors().get("passphrase").key())
        .isEqualTo("letters.sign.error.wrongPassphrase");
    assertThat(applications.get(jetis, second.id()).status()).isEqualTo(ApplicationStatus.APPROVED);
    assertThat(
            jdbc.sql("select count(*) from letter where application_id = ?")
                .param(second.id().value())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(sign(camat, second, LetterFixtures.PASSPHRASE).ok()).isTrue();
    assertThat(fixtures.letterOf(second.id()).sequence()).isEqualTo(before + 1);
  }

  @Test
  void aSignatureFailingAfterTheNumberWasTakenLeavesNoGap() {
    Application first = fixtures.approved(jetis, "Dewi Kartika");
    Application second = fixtures.approved(jetis, "Eko Prasetyo");
    assertThat(sign(camat, first, LetterFixtures.PASSPHRASE).ok()).isTrue();
    int before = fixtures.letterOf(first.id()).sequence();
    SignatureProvider failing =
        (signer, passphrase) -> {
          SigningSession real = provider.open(signer, passphrase);
          return new SigningSession() {
            @Override
            public byte[] sign(
                byte[] pdf,
                id.go.kecamatan.letters.internal.render.SignatureBox box,
                id.go.kecamatan.letters.internal.signing.SignatureDetails details) {
              throw new SigningUnavailableException("time-stamp authority down");
            }

            @Override
            public void close() {
              real.close();
            }
          };
        };
    LetterSigning broken = signingWith(rendering, failing, clock);

    Outcome<SigningReport> failed =
        broken.sign(camat, List.of(second.id()), LetterFixtures.PASSPHRASE.toCharArray());

    assertThat(failed.ok()).isFalse();
    assertThat(failed.errors().get("passphrase").key()).isEqualTo("letters.sign.error.unavailable");
    assertThat(applications.get(jetis, second.id()).status()).isEqualTo(ApplicationStatus.APPROVED);
    assertThat(sign(camat, second, LetterFixtures.PASSPHRASE).ok()).isTrue();
    assertThat(fixtures.letterOf(second.id()).sequence()).isEqualTo(before + 1);
  }

  /** A signing service with this renderer, signer and clock, the rest as in the application. */
  private LetterSigning signingWith(
      LetterRendering rendering, SignatureProvider provider, Clock clock) {
    return new LetterSigning(
        applications,
        decisions,
        catalog,
        offices,
        signatories,
        numbering,
        rendering,
        provider,
        signingKeys,
        audit,
        events,
        letterRepository,
        generatedFiles,
        signingMetrics,
        transactions,
        clock,
        new PublicAddress("https://layanan.example.go.id", environment));
  }

  private LetterSigning signingAt(java.time.Instant instant) {
    return signingWith(rendering, provider, Clock.fixed(instant, clock.getZone()));
  }

  @Test
  void theNumberRestartsAtOneOnTheFirstOfJanuary() {
    UUID office = fixtures.office("12.77.03");
    Officer camatBatunadua = fixtures.officer("camat.batunadua");
    Application december = fixtures.approved(office, "Nur Aisyah");
    Application january = fixtures.approved(office, "Fajar Nugroho");
    // 23:59 and 00:01 in Western Indonesia (UTC+7)
    Outcome<SigningReport> lastOfTheYear =
        signingAt(java.time.Instant.parse("2026-12-31T16:59:00Z"))
            .sign(camatBatunadua, List.of(december.id()), LetterFixtures.PASSPHRASE.toCharArray());
    Outcome<SigningReport> firstOfTheYear =
        signingAt(java.time.Instant.parse("2026-12-31T17:01:00Z"))
            .sign(camatBatunadua, List.of(january.id()), LetterFixtures.PASSPHRASE.toCharArray());

    assertThat(lastOfTheYear.ok() && firstOfTheYear.ok()).isTrue();
    LetterFixtures.SignedLetter old = fixtures.letterOf(december.id());
    LetterFixtures.SignedLetter fresh = fixtures.letterOf(january.id());
    assertThat(old.number()).endsWith("/2026");
    assertThat(fresh.number()).endsWith("/2027").contains("/001/");
    assertThat(fresh.sequence()).isEqualTo(1);
    assertThat(PdfChecks.text(fresh.pdf())).contains("1 Januari 2027");
  }

  @Test
  void aBatchBegunBeforeMidnightOn31DecemberDatesItsLettersAsItsNumbers() {
    UUID office = fixtures.office("12.77.03");
    Officer camatBatunadua = fixtures.officer("camat.batunadua");
    Application late = fixtures.approved(office, "Rahmat Hidayat");
    // the batch starts at 23:59:59.999 WIB; every later look at the clock is in the new year
    java.util.concurrent.atomic.AtomicBoolean started =
        new java.util.concurrent.atomic.AtomicBoolean();
    Clock midnight =
        new Clock() {
          @Override
          public java.time.Instant instant() {
            return started.getAndSet(true)
                ? java.time.Instant.parse("2026-12-31T17:00:01Z")
                : java.time.Instant.parse("2026-12-31T16:59:59.999Z");
          }

          @Override
          public java.time.ZoneId getZone() {
            return clock.getZone();
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };

    Outcome<SigningReport> outcome =
        signingWith(rendering, provider, midnight)
            .sign(camatBatunadua, List.of(late.id()), LetterFixtures.PASSPHRASE.toCharArray());

    assertThat(outcome.ok()).as(String.valueOf(outcome.errors().all())).isTrue();
    LetterFixtures.SignedLetter letter = fixtures.letterOf(late.id());
    assertThat(letter.number()).endsWith("/2026");
    assertThat(PdfChecks.text(letter.pdf()).replaceAll("\\s+", " "))
        .contains("31 Desember 2026")
        .doesNotContain("1 Januari 2027");
  }

  @Test
  void aLetterFailingInTheMiddleOfABatchIsReportedAndTheOthersAreIssued() {
    Application first = fixtures.approved(jetis, "Tono Sugiarto");
    Application broken = fixtures.approved(jetis, "Rusak Di Tengah");
    Application last = fixtures.approved(jetis, "Yuni Astuti");
    LetterRendering failing =
        new LetterRendering() {
          @Override
          public Prepared prepare(id.go.kecamatan.letters.internal.render.LetterRequest request) {
            Prepared real = rendering.prepare(request);
            return number -> {
              if (request.applicant().name().startsWith("Rusak")) {
                throw new IllegalStateException("layout failed");
              }
              return real.render(number);
            };
          }
        };
    LetterSigning signing = signingWith(failing, provider, clock);

    Outcome<SigningReport> report =
        signing.sign(
            camat,
            List.of(first.id(), broken.id(), last.id()),
            LetterFixtures.PASSPHRASE.toCharArray());

    assertThat(report.ok()).isTrue();
    assertThat(report.value().signed()).hasSize(2);
    assertThat(report.value().skipped())
        .containsExactly(
            new SigningReport.Skipped(
                broken.id(), broken.trackingCode().value(), "letters.sign.skipped.failed"));
    assertThat(applications.get(jetis, broken.id()).status()).isEqualTo(ApplicationStatus.APPROVED);
    assertThat(fixtures.letterOf(last.id()).sequence())
        .isEqualTo(fixtures.letterOf(first.id()).sequence() + 1);
  }

  @Test
  void aRemoteSigningServiceReceivesTheSignersNik() {
    UUID office = fixtures.office("12.77.03");
    Officer camatBatunadua = fixtures.officer("camat.batunadua");
    assertThat(
            signingKeys
                .saveNik(
                    office,
                    camatBatunadua.staffId(),
                    "1277031505800001",
                    LetterFixtures.PASSPHRASE.toCharArray())
                .any())
        .isFalse();
    Application approved = fixtures.approved(office, "Irwan Harahap");
    java.util.List<String> niks = new java.util.ArrayList<>();
    SignatureProvider remote =
        (signer, passphrase) -> {
          niks.add(signer.nik());
          return provider.open(signer, passphrase);
        };
    LetterSigning signing = signingWith(rendering, remote, clock);

    assertThat(
            signing
                .sign(
                    camatBatunadua, List.of(approved.id()), LetterFixtures.PASSPHRASE.toCharArray())
                .ok())
        .isTrue();
    assertThat(niks).containsExactly("1277031505800001");
  }

  @Test
  void anOfficeAdminWhoAlsoSignsCannotDelegateToThemselves() {
    Officer adminAndSigner =
        new Officer(
            sekcam.staffId(),
            sekcam.username(),
            sekcam.fullName(),
            sekcam.regencyId(),
            sekcam.officeId(),
            null,
            java.util.Set.of(
                id.go.kecamatan.shared.security.Role.OFFICE_ADMIN,
                id.go.kecamatan.shared.security.Role.SIGNER));
    LocalDate today = LocalDate.now(clock);
    Outcome<Delegation> self =
        delegations.delegate(
            adminAndSigner,
            sekcam.staffId().toString(),
            "PLH",
            today.toString(),
            today.toString(),
            null);
    assertThat(self.errors().get("delegate").key()).isEqualTo("letters.delegation.error.self");
  }

  @Test
  void aSekcamWithoutDelegationCannotSignAsCamatAndWithOneSignsAn() throws Exception {
    Application approved = fixtures.approved(jetis, "Rina Wulandari");

    Outcome<SigningReport> refused = sign(sekcam, approved, LetterFixtures.PASSPHRASE);

    assertThat(refused.ok()).isFalse();
    assertThat(refused.errors().get("selection").key()).isEqualTo("letters.sign.error.noAuthority");
    assertThat(applications.get(jetis, approved.id()).status())
        .isEqualTo(ApplicationStatus.APPROVED);

    LocalDate today = LocalDate.now(clock);
    Outcome<Delegation> delegation =
        delegations.delegate(
            camat,
            sekcam.staffId().toString(),
            "AN",
            today.toString(),
            today.toString(),
            "Camat dinas luar");
    assertThat(delegation.ok()).as(String.valueOf(delegation.errors().all())).isTrue();
    try {
      assertThat(sign(sekcam, approved, LetterFixtures.PASSPHRASE).ok()).isTrue();
      LetterFixtures.SignedLetter letter = fixtures.letterOf(approved.id());
      assertThat(letter.position()).isEqualTo("a.n. Camat Jetis, Sekretaris Kecamatan");
      assertThat(PdfChecks.text(letter.pdf())).contains("a.n. CAMAT JETIS", "Sekretaris Kecamatan");
    } finally {
      delegations.cancel(camat, delegation.value().id());
    }
    Application later = fixtures.approved(jetis, "Agus Salim");
    assertThat(sign(sekcam, later, LetterFixtures.PASSPHRASE).ok()).isFalse();
  }

  @Test
  void onlyTheCamatOrTheOfficeAdminDelegatesAndRangesAreChecked() {
    LocalDate today = LocalDate.now(clock);
    assertThatThrownBy(
            () ->
                delegations.delegate(
                    sekcam,
                    sekcam.staffId().toString(),
                    "PLH",
                    today.toString(),
                    today.toString(),
                    null))
        .isInstanceOf(AccessDeniedException.class);
    String who = sekcam.staffId().toString();
    assertThat(
            delegations
                .delegate(camat, who, "PLH", today.minusDays(1).toString(), today.toString(), null)
                .errors()
                .get("startsOn")
                .key())
        .isEqualTo("letters.delegation.error.past");
    assertThat(
            delegations
                .delegate(camat, who, "PLH", today.plusDays(3).toString(), today.toString(), null)
                .errors()
                .get("endsOn")
                .key())
        .isEqualTo("letters.delegation.error.order");
    assertThat(
            delegations
                .delegate(camat, who, "PLH", today.toString(), today.plusDays(400).toString(), null)
                .errors()
                .has("endsOn"))
        .isTrue();
    assertThat(
            delegations
                .delegate(
                    camat,
                    camat.staffId().toString(),
                    "PLH",
                    today.toString(),
                    today.toString(),
                    null)
                .errors()
                .has("delegate"))
        .isTrue();
    assertThat(
            delegations
                .delegate(camat, who, "XX", "31-12-2026", "<b>", "<script>x</script>")
                .errors()
                .all())
        .containsKeys("kind", "startsOn", "endsOn", "note");
    Outcome<Delegation> first =
        delegations.delegate(
            camat, who, "PLH", today.plusDays(10).toString(), today.plusDays(12).toString(), null);
    try {
      assertThat(
              delegations
                  .delegate(
                      camat,
                      who,
                      "AN",
                      today.plusDays(12).toString(),
                      today.plusDays(14).toString(),
                      null)
                  .errors()
                  .get("startsOn")
                  .key())
          .isEqualTo("letters.delegation.error.overlap");
    } finally {
      delegations.cancel(camat, first.value().id());
    }
  }

  @Test
  void theSignerReturnsAnApplicationToTheCheckersWithANote() {
    Application approved = fixtures.approved(jetis, "Hendra Gunawan");

    assertThat(casework.returnFromSigning(camat, approved.id(), "").ok()).isFalse();
    assertThat(casework.returnFromSigning(camat, approved.id(), "Ejaan nama ayah salah").ok())
        .isTrue();

    assertThat(applications.get(jetis, approved.id()).status())
        .isEqualTo(ApplicationStatus.IN_REVIEW);
    assertThat(
            jdbc.sql("select body from casework_note where application_id = ?")
                .param(approved.id().value())
                .query(String.class)
                .list())
        .containsExactly("Ejaan nama ayah salah");
    assertThat(
            jdbc.sql("select finished_at from application where id = ?")
                .param(approved.id().value())
                .query(java.sql.Timestamp.class)
                .optional())
        .isEmpty();
    Outcome<SigningReport> late = sign(camat, approved, LetterFixtures.PASSPHRASE);
    assertThat(late.ok()).isTrue();
    assertThat(late.value().signed()).isEmpty();
    assertThat(late.value().skipped())
        .containsExactly(
            new SigningReport.Skipped(
                approved.id(),
                approved.trackingCode().value(),
                "letters.sign.skipped.notApproved"));
  }

  @Test
  void aReturnFormOpenedBeforeTheLetterWasSignedLeadsBackToTheQueueWithWhatHappened() {
    Application approved = fixtures.approved(jetis, "Yohanes Kurniawan");
    WebClient camatWeb = WebClient.signedIn(port, "camat.jetis");
    String form = "/admin/surat/tanda-tangan/" + approved.id().value() + "/kembalikan";
    assertThat(camatWeb.get(form).body()).contains("Yohanes Kurniawan");
    // signed meanwhile (another tab, or the Sekcam under a delegation)
    assertThat(sign(camat, approved, LetterFixtures.PASSPHRASE).value().signed()).hasSize(1);
    String changed = "Permohonan ini baru saja diubah oleh petugas lain, jadi tidak dikembalikan.";
    // the form sent empty, and the link followed again: both were "Halaman tidak ditemukan"
    HttpResponse<String> empty = camatWeb.post(form, "note", "");
    assertThat(WebClient.location(empty)).endsWith("/admin/surat/tanda-tangan");
    assertThat(camatWeb.get("/admin/surat/tanda-tangan").body()).contains(changed);
    HttpResponse<String> link = camatWeb.get(form);
    assertThat(WebClient.location(link)).endsWith("/admin/surat/tanda-tangan");
    assertThat(camatWeb.get("/admin/surat/tanda-tangan").body()).contains(changed);
    assertThat(applications.get(jetis, approved.id()).status()).isEqualTo(ApplicationStatus.ISSUED);
  }

  @Test
  void theQueuePagesWorkForTheSignerAndNobodyElse() throws Exception {
    Application approved = fixtures.approved(jetis, "Lina Marlina");
    WebClient camatWeb = WebClient.signedIn(port, "camat.jetis");

    HttpResponse<String> queue = camatWeb.get("/admin/surat/tanda-tangan");
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.body())
        .contains("Lina Marlina", approved.trackingCode().value(), "Camat Jetis");
    HttpResponse<byte[]> preview =
        camatWeb.getBytes("/admin/surat/tanda-tangan/" + approved.id().value() + "/pratinjau");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(PdfChecks.text(preview.body())).contains("Lina Marlina", "DRAF");

    HttpResponse<String> wrong =
        camatWeb.post(
            "/admin/surat/tanda-tangan",
            "permohonan",
            approved.id().value().toString(),
            "passphrase",
            "salah-sekali");
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body()).contains("Passphrase salah");
    HttpResponse<String> huge =
        camatWeb.post(
            "/admin/surat/tanda-tangan",
            "permohonan",
            approved.id().value().toString(),
            "passphrase",
            "x".repeat(100_000));
    assertThat(huge.body()).contains("terlalu panjang");
    HttpResponse<String> none = camatWeb.post("/admin/surat/tanda-tangan", "passphrase", "x");
    assertThat(none.body()).contains("Pilih paling sedikit satu surat");

    HttpResponse<String> signed =
        camatWeb.post(
            "/admin/surat/tanda-tangan",
            "permohonan",
            approved.id().value().toString(),
            "passphrase",
            LetterFixtures.PASSPHRASE);
    assertThat(signed.statusCode()).isEqualTo(302);
    HttpResponse<String> report = camatWeb.get("/admin/surat/tanda-tangan");
    assertThat(report.body()).contains(fixtures.letterOf(approved.id()).number());

    assertThat(
            WebClient.signedIn(port, "verifikator.jetis")
                .get("/admin/surat/tanda-tangan")
                .statusCode())
        .isEqualTo(403);
    // a Sekcam without a delegation neither signs nor returns
    Application other = fixtures.approved(jetis, "Sari Dewi");
    WebClient sekcamWeb = WebClient.signedIn(port, "sekcam.jetis");
    assertThat(sekcamWeb.get("/admin/surat/tanda-tangan").body())
        .contains("belum dapat menandatangani")
        .doesNotContain("/kembalikan");
    assertThat(
            sekcamWeb
                .post(
                    "/admin/surat/tanda-tangan/" + other.id().value() + "/kembalikan",
                    "note",
                    "coba")
                .statusCode())
        .isEqualTo(403);
    assertThat(applications.get(jetis, other.id()).status()).isEqualTo(ApplicationStatus.APPROVED);
    Application purwokerto = fixtures.approved(fixtures.office("33.02.27"), "Bayu Aji");
    assertThat(
            camatWeb
                .getBytes("/admin/surat/tanda-tangan/" + purwokerto.id().value() + "/pratinjau")
                .statusCode())
        .isEqualTo(404);
  }
}
