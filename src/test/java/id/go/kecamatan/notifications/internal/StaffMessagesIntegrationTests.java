package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.OfficeOnboarding;
import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.StaffForm;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.letters.Delegations;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.SignerProfiles;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.Outcome;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff's messages as the daily jobs write and queue them: the digest to the office and to each
 * active caseworker with an e-mail address (not to others, not to other offices), and the signers'
 * notice of letters awaiting signature (the Camat always, a delegate only on a day their delegation
 * covers), with the exact text, nothing when nothing is to be said, once per day.
 *
 * <p>The signer notices use an office of their own (Dawarblandong, kept out of the public list)
 * with its Camat, Sekcam and a Kasi, and approved applications written straight into the table, so
 * that the list is exactly what the test made.
 */
@IntegrationTest
class StaffMessagesIntegrationTests {

  static final Locale INDONESIAN = Locale.forLanguageTag("id");
  static final String PASSWORD = WebClient.PASSWORD;

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Offices offices;
  @Autowired OfficeOnboarding onboarding;
  @Autowired StaffAccounts accounts;
  @Autowired SignerProfiles signers;
  @Autowired Delegations delegations;
  @Autowired LetterSigning signing;
  @Autowired MessageTemplates templates;
  @Autowired StaffDigest digest;
  @Autowired SignerNotices notices;
  @Autowired StoredMessages outbox;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  CaseworkFixtures fixtures;

  /** The signer office, made once for the test JVM. */
  static SignerOffice signerOffice;

  /**
   * An office with signers of every kind: the Camat and the Sekcam with an address, a Kasi without
   * one; the Sekcam and the Kasi are delegated from {@code covered} for two days.
   */
  record SignerOffice(
      UUID id,
      UUID camat,
      UUID sekcam,
      UUID kasi,
      UUID domisili,
      UUID sktm,
      UUID village,
      LocalDate covered) {}

  @BeforeEach
  void setUp() {
    fixtures = new CaseworkFixtures(applications, jdbc);
    if (signerOffice == null) {
      signerOffice = registerSignerOffice();
    }
  }

  @AfterEach
  void removeTheApplicationsOfTheSignerOffice() {
    jdbc.sql("delete from application where office_id = ?").param(signerOffice.id()).update();
  }

  private SignerOffice registerSignerOffice() {
    Outcome<Office> registered =
        onboarding.register(
            offices.regencyByCode("35.16").orElseThrow().id(),
            "35.16.17",
            new OfficeOnboarding.FirstAdmin(
                "admin.dawarblandong.pesan",
                "Admin Dawarblandong",
                "admin@dawarblandong.kecamatan.example",
                PASSWORD));
    assertThat(registered.ok()).as(String.valueOf(registered.errors().all())).isTrue();
    UUID office = registered.value().id();
    // keep the public list at the three demo offices for the other tests
    jdbc.sql("update office set active = false where id = ?").param(office).update();
    UUID camat = signer(office, "camat.dawarblandong.pesan", "Drs. Hadi Purnomo, M.Si.", true);
    UUID sekcam = signer(office, "sekcam.dawarblandong.pesan", "Nur Aini, S.Sos.", true);
    UUID kasi = signer(office, "kasi.dawarblandong.pesan", "Joko Susilo, S.H.", false);
    assertThat(signers.set(office, camat, "CAMAT", "Camat Dawarblandong", null).ok()).isTrue();
    assertThat(signers.set(office, sekcam, "SEKCAM", "Sekretaris Kecamatan", null).ok()).isTrue();
    assertThat(signers.set(office, kasi, "OTHER", "Kepala Seksi Pemerintahan", null).ok()).isTrue();
    LocalDate covered = LocalDate.now(clock).plusDays(30);
    for (UUID delegate : List.of(sekcam, kasi)) {
      assertThat(
              delegations
                  .delegate(
                      fixtures.officer("camat.dawarblandong.pesan"),
                      delegate.toString(),
                      "PLH",
                      covered.toString(),
                      covered.plusDays(1).toString(),
                      null)
                  .ok())
          .isTrue();
    }
    return new SignerOffice(
        office,
        camat,
        sekcam,
        kasi,
        service(office, "SKD", "Surat Keterangan Domisili"),
        service(office, "SKTM", "Surat Keterangan Tidak Mampu"),
        offices.villages(office).get(0).id(),
        covered);
  }

  private UUID signer(UUID office, String username, String name, boolean withEmail) {
    String email = withEmail ? username + "@dawarblandong.kecamatan.example" : null;
    Outcome<Staff> created =
        accounts.create(
            office,
            new StaffForm(username, name, null, email, Set.of(Role.SIGNER), null, PASSWORD));
    assertThat(created.ok()).as(String.valueOf(created.errors().all())).isTrue();
    return created.value().id();
  }

  private UUID service(UUID office, String code, String name) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into service_type (id, office_id, code, name, category, completion_days)
            values (?, ?, ?, ?, 'NON_PERIZINAN', 1)
            """)
        .params(id, office, code, name)
        .update();
    return id;
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** An application of the signer office in this status and with this deadline. */
  private String application(UUID service, String status, LocalDate deadline) {
    String code = TrackingCode.generate("35.16.17", RANDOM).value();
    jdbc.sql(
            """
            insert into application (id, office_id, service_id, tracking_code, channel, status, nik,
              name, birth_place, birth_date, sex, village_id, address, submitted_at, deadline)
            values (?, ?, ?, ?, 'ONLINE', ?, '3516174101900001', 'Pemohon Uji', 'Mojokerto',
              date '1990-01-01', 'FEMALE', ?, 'Dusun Cendoro', ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            signerOffice.id(),
            service,
            code,
            status,
            signerOffice.village(),
            Timestamp.from(clock.instant().minus(Duration.ofDays(3))),
            java.sql.Date.valueOf(deadline))
        .update();
    return code;
  }

  Office office() {
    return offices.get(signerOffice.id());
  }

  static String date(LocalDate day) {
    return Formats.longDate(day, INDONESIAN);
  }

  String signingLink() {
    return "http://localhost:" + port + "/admin/surat/tanda-tangan";
  }

  static Set<String> addresses(List<OutgoingMessage> messages) {
    return messages.stream().map(m -> m.to().address()).collect(Collectors.toSet());
  }

  // ---- the daily digest -----------------------------------------------------------------------

  @Test
  void theDigestGoesToTheOfficeAndToEachActiveCaseworkerWithAnAddressOfThatOfficeOnly() {
    UUID jetis = fixtures.jetis();
    // a front-office officer without an address, and a verifier with one who was deactivated
    String noAddress = "tanpa.surel." + UUID.randomUUID().toString().substring(0, 6);
    assertThat(
            accounts
                .create(
                    jetis,
                    new StaffForm(
                        noAddress,
                        "Tanpa Surel",
                        null,
                        null,
                        Set.of(Role.FRONT_OFFICE),
                        null,
                        PASSWORD))
                .ok())
        .isTrue();
    String inactive = "nonaktif.surel." + UUID.randomUUID().toString().substring(0, 6);
    Staff gone =
        accounts
            .create(
                jetis,
                new StaffForm(
                    inactive,
                    "Verifikator Lama",
                    null,
                    inactive + "@jetis.kecamatan.example",
                    Set.of(Role.VERIFIER),
                    null,
                    PASSWORD))
            .value();
    accounts.setActive(jetis, gone.id(), false, null);
    fixtures.domisili(jetis, fixtures.operatorVillage("desa.jetis"), CaseworkFixtures.unique("R"));

    LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
    StaffDigest.Figures figures = digest.figures(offices.get(jetis), tomorrow);
    assertThat(figures.received()).isPositive();
    List<OutgoingMessage> digests = digest.digests(offices.get(jetis), tomorrow);

    assertThat(addresses(digests))
        .contains(
            "kecamatan.jetis@mojokertokab.go.id",
            "admin.jetis@jetis.kecamatan.example",
            "verifikator.jetis@jetis.kecamatan.example",
            "loket.jetis@jetis.kecamatan.example")
        // the village operator, the signers and the deactivated verifier have an address too
        .doesNotContain(
            "desa.jetis@jetis.kecamatan.example",
            "camat.jetis@jetis.kecamatan.example",
            "sekcam.jetis@jetis.kecamatan.example",
            inactive + "@jetis.kecamatan.example")
        .doesNotContainAnyElementsOf(
            jdbc.sql("select email from staff where office_id <> ? and email is not null")
                .param(jetis)
                .query(String.class)
                .list());
    assertThat(digests).hasSize(addresses(digests).size());
    String text =
        "Ringkasan permohonan Kecamatan Jetis, "
            + date(tomorrow)
            + ":\n\n- permohonan baru sejak kemarin: "
            + figures.received()
            + "\n- tenggat dalam 2 hari kerja: "
            + figures.dueSoon()
            + "\n- melewati tenggat: "
            + figures.overdue()
            + "\n- surat menunggu tanda tangan: "
            + figures.awaitingSignature()
            + "\n\nDaftar permohonan: http://localhost:"
            + port
            + "/admin/permohonan";
    for (OutgoingMessage message : digests) {
      assertThat(message.officeId()).isEqualTo(jetis);
      assertThat(message.kind()).isEqualTo("staff.digest");
      assertThat(message.to().channel()).isEqualTo(Channel.EMAIL);
      assertThat(message.idempotencyKey()).isEqualTo("staff.digest:" + jetis + ":" + tomorrow);
      assertThat(message.subject())
          .isEqualTo("Ringkasan harian Kecamatan Jetis, " + date(tomorrow));
      assertThat(message.text()).isEqualTo(text);
    }
  }

  @Test
  void theDigestIsQueuedOncePerRecipientAndDay() {
    UUID jetis = fixtures.jetis();
    fixtures.domisili(jetis, fixtures.operatorVillage("desa.jetis"), CaseworkFixtures.unique("S"));
    LocalDate day = LocalDate.now(clock).plusDays(1);
    int recipients = digest.recipients(offices.get(jetis)).size();
    assertThat(recipients).isGreaterThanOrEqualTo(4);
    digest.send(offices.get(jetis), day);
    assertThat(digest.send(offices.get(jetis), day)).isZero();
    String key = "staff.digest:" + jetis + ":" + day;
    Map<String, Long> perAddress =
        outbox.matching(m -> m.idempotencyKey().equals(key)).stream()
            .collect(Collectors.groupingBy(m -> m.to().address(), Collectors.counting()));
    assertThat(perAddress).hasSize(recipients).allSatisfy((address, n) -> assertThat(n).isOne());
  }

  @Test
  void anOfficeWithNothingToReportGetsNoDigestAndItsSignersGetNone() {
    LocalDate day = LocalDate.now(clock).plusDays(40);
    // the admin has an address, the office none: the admin alone would be told
    assertThat(digest.recipients(office()))
        .extracting(Recipient::address)
        .containsExactly("admin@dawarblandong.kecamatan.example");
    assertThat(digest.digests(office(), day)).isEmpty();
    assertThat(digest.send(office(), day)).isZero();

    application(signerOffice.domisili(), "APPROVED", day.plusDays(2));
    List<OutgoingMessage> digests = digest.digests(office(), day);
    assertThat(addresses(digests)).containsExactly("admin@dawarblandong.kecamatan.example");
    assertThat(digests.get(0).text()).contains("- surat menunggu tanda tangan: 1\n");
  }

  // ---- letters awaiting signature -------------------------------------------------------------

  @Test
  void theCamatIsToldOfTheLettersAwaitingSignatureNearestDeadlineFirst() {
    LocalDate day = signerOffice.covered().plusDays(5);
    LocalDate base = LocalDate.now(clock);
    String late = application(signerOffice.domisili(), "APPROVED", base.plusDays(9));
    String first = application(signerOffice.sktm(), "APPROVED", base.minusDays(1));
    String middle = application(signerOffice.domisili(), "APPROVED", base.plusDays(4));
    // not awaiting signature: still in review, already issued
    application(signerOffice.domisili(), "IN_REVIEW", base.minusDays(5));
    application(signerOffice.domisili(), "ISSUED", base.minusDays(5));

    List<OutgoingMessage> sent = notices.notices(office(), day);

    assertThat(sent).hasSize(1);
    OutgoingMessage notice = sent.get(0);
    assertThat(notice.to().channel()).isEqualTo(Channel.EMAIL);
    assertThat(notice.to().address())
        .isEqualTo("camat.dawarblandong.pesan@dawarblandong.kecamatan.example");
    assertThat(notice.officeId()).isEqualTo(signerOffice.id());
    assertThat(notice.kind()).isEqualTo("signing.awaiting");
    assertThat(notice.idempotencyKey())
        .isEqualTo("signing.awaiting:" + signerOffice.camat() + ":" + day);
    assertThat(notice.subject()).isEqualTo("3 surat menunggu tanda tangan Anda, " + date(day));
    assertThat(notice.text())
        .isEqualTo(
            "Yth. Drs. Hadi Purnomo, M.Si.,\n\n"
                + "3 surat Kecamatan Dawarblandong menunggu tanda tangan Anda hari ini, "
                + date(day)
                + ". Tenggat paling awal: "
                + date(base.minusDays(1))
                + ".\n\n- "
                + first
                + ", Surat Keterangan Tidak Mampu, tenggat "
                + date(base.minusDays(1))
                + "\n- "
                + middle
                + ", Surat Keterangan Domisili, tenggat "
                + date(base.plusDays(4))
                + "\n- "
                + late
                + ", Surat Keterangan Domisili, tenggat "
                + date(base.plusDays(9))
                + "\n\nPeriksa dan tandatangani surat di "
                + signingLink());

    // the office's own template is used once it saved one
    assertThat(
            templates
                .save(
                    signerOffice.id(),
                    MessageKind.SIGNING_AWAITING,
                    Channel.EMAIL,
                    "Tanda tangan: {{jumlah.tandatangan}}",
                    "{{penandatangan.nama}}: {{daftar.surat}}",
                    null,
                    Map.of())
                .ok())
        .isTrue();
    OutgoingMessage own = notices.notices(office(), day).get(0);
    assertThat(own.subject()).isEqualTo("Tanda tangan: 3");
    assertThat(own.text()).startsWith("Drs. Hadi Purnomo, M.Si.: - " + first + ", ");
    templates.reset(signerOffice.id(), MessageKind.SIGNING_AWAITING, Channel.EMAIL);
  }

  @Test
  void aDelegateIsToldOnlyOnTheDaysTheirDelegationCoversAndOnlyWithAnAddress() {
    application(signerOffice.domisili(), "APPROVED", LocalDate.now(clock).plusDays(2));
    LocalDate covered = signerOffice.covered();

    for (LocalDate day : List.of(covered, covered.plusDays(1))) {
      List<OutgoingMessage> sent = notices.notices(office(), day);
      // the Kasi is delegated too, but has no address
      assertThat(addresses(sent))
          .as("%s", day)
          .containsExactlyInAnyOrder(
              "camat.dawarblandong.pesan@dawarblandong.kecamatan.example",
              "sekcam.dawarblandong.pesan@dawarblandong.kecamatan.example");
      OutgoingMessage sekcam =
          sent.stream().filter(m -> m.to().address().startsWith("sekcam")).findFirst().get();
      assertThat(sekcam.idempotencyKey())
          .isEqualTo("signing.awaiting:" + signerOffice.sekcam() + ":" + day);
      assertThat(sekcam.text()).startsWith("Yth. Nur Aini, S.Sos.,\n\n1 surat ");
    }
    for (LocalDate day : List.of(covered.minusDays(1), covered.plusDays(2))) {
      assertThat(addresses(notices.notices(office(), day)))
          .as("%s", day)
          .containsExactly("camat.dawarblandong.pesan@dawarblandong.kecamatan.example");
    }
    // the rule is the signing's own: who may sign on a day
    assertThat(signing.signersOn(signerOffice.id(), covered))
        .extracting(p -> p.staffId())
        .containsExactly(signerOffice.camat(), signerOffice.kasi(), signerOffice.sekcam());
    assertThat(signing.signersOn(signerOffice.id(), covered.plusDays(2)))
        .extracting(p -> p.staffId())
        .containsExactly(signerOffice.camat());
  }

  @Test
  void moreThanTwentyLettersAreListedTwentyAndCounted() {
    LocalDate base = LocalDate.now(clock);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      codes.add(application(signerOffice.domisili(), "APPROVED", base.plusDays(i)));
    }
    OutgoingMessage notice = notices.notices(office(), signerOffice.covered().plusDays(7)).get(0);
    assertThat(notice.subject()).startsWith("23 surat menunggu tanda tangan Anda");
    String list =
        notice
            .text()
            .substring(notice.text().indexOf("\n- "), notice.text().indexOf("\n\nPeriksa"));
    List<String> lines = List.of(list.strip().split("\n"));
    assertThat(lines).hasSize(21);
    for (int i = 0; i < 20; i++) {
      assertThat(lines.get(i))
          .isEqualTo(
              "- "
                  + codes.get(i)
                  + ", Surat Keterangan Domisili, tenggat "
                  + date(base.plusDays(i)));
    }
    assertThat(lines.get(20)).isEqualTo("- dan 3 surat lainnya");
    assertThat(notice.text()).doesNotContain(codes.get(20), codes.get(21), codes.get(22));
  }

  @Test
  void nothingAwaitingSignatureSendsNothing() {
    LocalDate day = signerOffice.covered();
    application(signerOffice.domisili(), "IN_REVIEW", LocalDate.now(clock).plusDays(1));
    application(signerOffice.domisili(), "ISSUED", LocalDate.now(clock).plusDays(1));
    assertThat(notices.notices(office(), day)).isEmpty();
    assertThat(notices.send(office(), day)).isZero();
    assertThat(
            outbox.matching(
                m ->
                    m.idempotencyKey().endsWith(":" + day)
                        && m.kind().equals("signing.awaiting")
                        && m.officeId() != null
                        && m.officeId().equals(signerOffice.id())))
        .isEmpty();
  }

  @Test
  void theSameDayTwiceSendsOnce() {
    application(signerOffice.sktm(), "APPROVED", LocalDate.now(clock).plusDays(3));
    LocalDate day = signerOffice.covered().plusDays(10);
    assertThat(notices.send(office(), day)).isOne();
    assertThat(notices.send(office(), day)).isZero();
    assertThat(
            outbox.matching(
                m ->
                    m.idempotencyKey()
                        .equals("signing.awaiting:" + signerOffice.camat() + ":" + day)))
        .hasSize(1);
  }
}
