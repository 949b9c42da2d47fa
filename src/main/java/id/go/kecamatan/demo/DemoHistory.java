package id.go.kecamatan.demo;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.AssistingOfficer;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.Completions;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.application.SubmitCommand;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.web.Outcome;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of past applications for the demo offices, so their statistics pages show eleven months of
 * figures for the services residents ask for most (domicile letters above all, then SKTM, SKCK,
 * moving out and legalisations, each with its own answers): each made through the same API as a
 * real one (submission, review, approval, rejection or a request for completion) and moved into its
 * month in the same transaction, so the events the statistics count carry the past dates; the
 * approved ones are then signed by the demo Camat ({@link #signLetters}), before the other demo
 * applications' letters, so its letters take the year's first numbers. Only with {@code
 * layanan.demo.history} (the demo profile, not the tests: their figures would change under them).
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.history", havingValue = "true")
class DemoHistory {

  /**
   * A service of the history, its answers and the reason a rejected application of it was given.
   */
  record Kind(String service, Map<String, List<String>> answers, String rejection) {}

  /** The services of the history, one for each tenth of an office's applications. */
  static final List<Kind> KINDS;

  static {
    Kind domisili =
        new Kind(
            "DOMISILI",
            Map.of(
                "keperluan", List.of("pribadi"),
                "keterangan", List.of("Persyaratan administrasi")),
            "Pemohon tidak berdomisili di wilayah kecamatan ini menurut KK.");
    Kind sktm =
        new Kind(
            "SKTM",
            Map.of(
                "keperluan", List.of("sekolah"),
                "nama_lembaga", List.of("SMA Negeri 1"),
                "pekerjaan", List.of("Buruh tani"),
                "penghasilan", List.of("1500000"),
                "jumlah_tanggungan", List.of("3"),
                "penerima_bansos", List.of("ya")),
            "Menurut data desa, penghasilan keluarga di atas batas penerima SKTM.");
    Kind skck =
        new Kind(
            "SKCK",
            Map.of("keperluan", List.of("melamar_kerja"), "pernah_dipidana", List.of("tidak")),
            "Surat pengantar dari desa/kelurahan belum sesuai dengan KTP pemohon.");
    Kind moving =
        new Kind(
            "PINDAH-KELUAR",
            Map.of(
                "alamat_tujuan",
                List.of(
                    "Jl. Melati No. 12 RT 03 RW 02, Desa Sukamaju, Kec. Sukasari, Kab. Bandung"),
                "alasan_pindah",
                List.of("pekerjaan"),
                "klasifikasi_pindah",
                List.of("antar_provinsi"),
                "jumlah_anggota_pindah",
                List.of("2")),
            "Nama pada KK tidak sama dengan nama pada KTP; mohon perbaiki data di Disdukcapil.");
    Kind legalisation =
        new Kind(
            "LEGALISIR",
            Map.of(
                "jenis_dokumen", List.of("Surat Keterangan Domisili"),
                "jumlah_lembar", List.of("3"),
                "keperluan", List.of("Melamar pekerjaan")),
            "Dokumen yang dilegalisir tidak diterbitkan oleh kecamatan ini.");
    KINDS =
        List.of(
            domisili, domisili, sktm, domisili, skck, domisili, sktm, moving, legalisation, skck);
  }

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final String[] NAMES = {
    "Wahyu Hidayat", "Ratna Sari", "Bambang Irawan", "Lestari Ningsih", "Eko Prasetyo",
    "Fitri Handayani", "Dedi Kurniawan", "Nur Aini", "Slamet Riyadi", "Maya Anggraini"
  };

  private final Applications applications;
  private final Decisions decisions;
  private final Completions completions;
  private final Catalog catalog;
  private final Offices offices;
  private final StaffAccounts accounts;
  private final DemoHistoryLetters letters;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DemoHistory(
      Applications applications,
      Decisions decisions,
      Completions completions,
      Catalog catalog,
      Offices offices,
      StaffAccounts accounts,
      DemoHistoryLetters letters,
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.applications = applications;
    this.decisions = decisions;
    this.completions = completions;
    this.catalog = catalog;
    this.offices = offices;
    this.accounts = accounts;
    this.letters = letters;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Makes the office's history unless it has applications already (it is made first). */
  void load(Office office, String key, int index) {
    boolean has =
        jdbc.sql("select exists (select 1 from application where office_id = ?)")
            .param(office.id())
            .query(Boolean.class)
            .single();
    if (has) {
      return;
    }
    Map<String, ServiceType> services = new LinkedHashMap<>();
    for (Kind kind : KINDS) {
      services.computeIfAbsent(
          kind.service(), code -> catalog.activeService(office.id(), code).orElseThrow());
    }
    List<Village> villages = offices.villages(office.id());
    Staff counter = accounts.byUsername("loket." + key).orElseThrow();
    Staff villageOfficer = accounts.byUsername("desa." + key).orElseThrow();
    Village operatorVillage =
        villages.stream()
            .filter(v -> v.id().equals(villageOfficer.villageId()))
            .findFirst()
            .orElseThrow();
    String verifier = "Verifikator " + office.name();
    String region = office.code().replace(".", "");
    byte[] pdf = DemoApplications.tinyPdf();
    LocalDate today = LocalDate.now(clock.withZone(WIB));
    YearMonth current = YearMonth.from(today);
    int serial = 500;
    for (int back = 11; back >= 1; back--) {
      YearMonth month = current.minusMonths(back);
      int count = 9 + (back * 5 + index * 3) % 7;
      for (int i = 0; i < count; i++) {
        int n = serial++;
        Channel channel =
            i % 3 == 0 ? Channel.COUNTER : i % 4 == 1 ? Channel.VILLAGE : Channel.ONLINE;
        if (back <= 4 && i % 2 == 0) {
          channel = Channel.ONLINE; // more residents apply online as the year goes on
        }
        Village home =
            channel == Channel.VILLAGE ? operatorVillage : villages.get(n % villages.size());
        AssistingOfficer officer =
            switch (channel) {
              case ONLINE -> null;
              case COUNTER -> new AssistingOfficer(counter.id(), counter.fullName());
              case VILLAGE -> new AssistingOfficer(villageOfficer.id(), villageOfficer.fullName());
            };
        LocalDate submitted = month.atDay(1 + (i * 4 + back) % 26);
        String outcome = i % 7 == 3 ? "REJECTED" : i % 9 == 5 ? "WAITING" : "APPROVED";
        String name = NAMES[(n + index) % NAMES.length];
        String sex = (n % 2 == 0) ? "MALE" : "FEMALE";
        String birth = (1960 + n % 40) + "-0" + (1 + n % 9) + "-1" + (n % 9);
        final Channel ch = channel;
        Kind kind = KINDS.get((n + index) % KINDS.size());
        ServiceType service = services.get(kind.service());
        // most finished within the service's promise, about one in five days or more late
        int calendarDays =
            (i + back + index) % 5 == 0
                ? service.completionDays() + 2 + (i * 3 + back) % 5
                : (i + back) % (service.completionDays() + 1);
        transactions.executeWithoutResult(
            tx -> {
              Map<String, List<Upload>> files = new LinkedHashMap<>();
              for (Requirement requirement : service.requirements()) {
                if (requirement.required()) {
                  files.put(
                      requirement.id().toString(),
                      List.of(
                          new Upload(
                              "dokumen.pdf", "application/pdf", new ByteArrayInputStream(pdf))));
                }
              }
              Outcome<Application> made =
                  applications.submit(
                      office.id(),
                      kind.service(),
                      new SubmitCommand(
                          ch,
                          DemoApplications.nik(region, birth, sex, n),
                          name,
                          office.name(),
                          birth,
                          sex,
                          home.id().toString(),
                          "Dusun Krajan RT 0" + (n % 9 + 1),
                          ch == Channel.COUNTER ? null : "0812 3456 " + (7000 + n),
                          null,
                          null,
                          kind.answers(),
                          files,
                          "demo-history:" + key + ":" + n),
                      officer);
              if (!made.ok()) {
                throw new IllegalStateException("Demo history application is invalid");
              }
              Application a = made.value();
              decisions.startReview(office.id(), a.id(), verifier);
              switch (outcome) {
                case "REJECTED" ->
                    decisions.reject(office.id(), a.id(), kind.rejection(), verifier);
                case "WAITING" ->
                    completions.requestCompletion(
                        office.id(),
                        a.id(),
                        Map.of(
                            service.requirements().get(0).id(),
                            "Foto dokumen buram, tulisan tidak terbaca."),
                        verifier);
                default -> decisions.approve(office.id(), a.id(), verifier);
              }
              moveInto(office, a, ChronoUnit.DAYS.between(submitted, today), calendarDays);
            });
      }
    }
  }

  /**
   * The demo Camat signs the letters of the office's history ({@link DemoHistoryLetters}); in a
   * transaction after the one that made the signers and the history ({@link DemoData}).
   */
  void signLetters(Office office, String key) {
    letters.sign(office, key);
  }

  /**
   * Moves the application's dates {@code back} days into the past and its steps after the
   * submission {@code after} days later than the submission, in the caller's transaction.
   */
  private void moveInto(Office office, Application a, long back, int after) {
    jdbc.sql(
            """
            update application set submitted_at = submitted_at - make_interval(days => :back),
                   deadline = deadline - cast(:back as integer),
                   finished_at = finished_at - make_interval(days => :back - :after)
            where office_id = :office and id = :id
            """)
        .param("back", (int) back)
        .param("after", after)
        .param("office", office.id())
        .param("id", a.id().value())
        .update();
    jdbc.sql(
            """
            update application set met_deadline =
                   (finished_at at time zone 'Asia/Jakarta')::date <= deadline
            where office_id = :office and id = :id and finished_at is not null
            """)
        .param("office", office.id())
        .param("id", a.id().value())
        .update();
    jdbc.sql(
            """
            update application_status_change
            set changed_at = changed_at - make_interval(days => :back)
                + case when to_status = 'SUBMITTED' then interval '0' else make_interval(days => :after) end
            where office_id = :office and application_id = :id
            """)
        .param("back", (int) back)
        .param("after", after)
        .param("office", office.id())
        .param("id", a.id().value())
        .update();
  }
}
