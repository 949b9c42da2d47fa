package id.go.kecamatan.demo;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.AssistingOfficer;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.Completions;
import id.go.kecamatan.application.SubmitCommand;
import id.go.kecamatan.casework.Casework;
import id.go.kecamatan.casework.RequirementChecks;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.Outcome;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  private static final String UNREADABLE = "Foto dokumen buram, tulisan tidak terbaca.";
  private static final String[] NAMES = {
    "Wahyu Hidayat", "Ratna Sari", "Bambang Irawan", "Lestari Ningsih", "Eko Prasetyo",
    "Fitri Handayani", "Dedi Kurniawan", "Nur Aini", "Slamet Riyadi", "Maya Anggraini"
  };

  private final Applications applications;
  private final Casework casework;
  private final RequirementChecks checks;
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
      Casework casework,
      RequirementChecks checks,
      Completions completions,
      Catalog catalog,
      Offices offices,
      StaffAccounts accounts,
      DemoHistoryLetters letters,
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.applications = applications;
    this.casework = casework;
    this.checks = checks;
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
    Staff verifier = accounts.byUsername("verifikator." + key).orElseThrow();
    Officer checker =
        new Officer(
            verifier.id(),
            verifier.username(),
            verifier.fullName(),
            verifier.regencyId(),
            verifier.officeId(),
            null,
            verifier.roles());
    String region = office.code().replace(".", "");
    byte[] pdf = DemoApplications.tinyPdf();
    LocalDate today = LocalDate.now(clock);
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
              boolean stillWaiting = !submitted.plusDays(calendarDays + 14L).isBefore(today);
              List<Integer> steps = decide(a, service, kind, outcome, stillWaiting, checker, pdf);
              moveInto(office, a, submitted, today, calendarDays, steps, n);
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
   * Takes the application through the case page's steps as its verifier would: the review started
   * (and so taken on), each requirement's check recorded (accepted, or refused with a reason), then
   * the approval, the rejection or the request for completion; a request older than two weeks was
   * answered by the resident with a new file, checked again and approved.
   *
   * @return per status change after the submission, how many days after the day the verifier took
   *     it up it is dated
   */
  private List<Integer> decide(
      Application a,
      ServiceType service,
      Kind kind,
      String outcome,
      boolean stillWaiting,
      Officer checker,
      byte[] pdf) {
    casework.startReview(checker, a.id());
    UUID first = service.requirements().get(0).id();
    switch (outcome) {
      case "REJECTED" -> {
        done(casework.reject(checker, a.id(), kind.rejection()));
        return List.of(0, 0);
      }
      case "WAITING" -> {
        check(checker, a, new RequirementChecks.Entry(first, "reject", null, UNREADABLE));
        done(casework.requestCompletion(checker, a.id()));
        if (stillWaiting) {
          return List.of(0, 0);
        }
        completions
            .complete(
                a.trackingCode(),
                Map.of(
                    first.toString(),
                    List.of(
                        new Upload(
                            "dokumen-baru.pdf", "application/pdf", new ByteArrayInputStream(pdf)))))
            .filter(Outcome::ok)
            .orElseThrow(() -> new IllegalStateException("Demo completion was refused"));
        check(checker, a, new RequirementChecks.Entry(first, "accept", null, null));
        done(casework.approve(checker, a.id()));
        // asked on the first day, completed two days later, approved the day after
        return List.of(0, 0, 2, 3);
      }
      default -> {
        check(checker, a);
        done(casework.approve(checker, a.id()));
        return List.of(0, 0);
      }
    }
  }

  /** Records the checks: the entries given, every other requirement with files accepted. */
  private void check(Officer checker, Application a, RequirementChecks.Entry... entries) {
    if (!checks.record(checker, a.id(), List.of(entries), null, true).ok()) {
      throw new IllegalStateException("Demo requirement checks were refused");
    }
  }

  private static void done(Outcome<?> outcome) {
    if (!outcome.ok()) {
      throw new IllegalStateException("Demo casework step was refused: " + outcome.errors().all());
    }
  }

  /**
   * Moves the application into its month, in the caller's transaction: its submission to the {@code
   * submitted} day, each later status change to {@code after} plus its entry of {@code steps} days
   * after it, each at a time of office hours ({@link #during}), and what was recorded on the way
   * (the checks, the taking on, the completion request, the finish) with the step it led to; the
   * deadline moves with the submission.
   */
  private void moveInto(
      Office office,
      Application a,
      LocalDate submitted,
      LocalDate today,
      int after,
      List<Integer> steps,
      int seed) {
    long back = ChronoUnit.DAYS.between(submitted, today);
    List<Instant> made = new ArrayList<>();
    List<Instant> moved = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    jdbc.sql(
            """
            select id, changed_at from application_status_change
            where office_id = ? and application_id = ? order by id
            """)
        .params(office.id(), a.id().value())
        .query(
            (rs, n) -> {
              ids.add(rs.getLong(1));
              made.add(rs.getTimestamp(2).toInstant());
              int days = n == 0 ? 0 : after + steps.get(n - 1);
              moved.add(during(submitted.plusDays(days), n, seed, moved));
              return n;
            })
        .list();
    for (int k = 0; k < ids.size(); k++) {
      jdbc.sql("update application_status_change set changed_at = ? where id = ?")
          .params(Timestamp.from(moved.get(k)), ids.get(k))
          .update();
    }
    // a row recorded between two steps goes with the later one, as far before it as it was
    java.util.function.UnaryOperator<Instant> along =
        at -> {
          for (int k = 0; k < made.size(); k++) {
            if (!made.get(k).isBefore(at)) {
              return moved.get(k).minus(Duration.between(at, made.get(k)));
            }
          }
          int last = made.size() - 1;
          return moved.get(last).plus(Duration.between(made.get(last), at));
        };
    // the days the resident took to complete it do not count against the deadline
    int paused = steps.size() > 2 ? steps.get(2) - steps.get(1) : 0;
    jdbc.sql(
            """
            update application set submitted_at = :submitted,
                   deadline = deadline - cast(:back as integer) + cast(:paused as integer)
            where office_id = :office and id = :id
            """)
        .param("submitted", Timestamp.from(moved.get(0)))
        .param("back", (int) back)
        .param("paused", paused)
        .param("office", office.id())
        .param("id", a.id().value())
        .update();
    move("application", "finished_at", "id", a, along);
    move("casework_assignment", "assigned_at", "application_id", a, along);
    move("requirement_check", "checked_at", "id", a, along);
    move("completion_request", "requested_at", "id", a, along);
    move("completion_request", "closed_at", "id", a, along);
    jdbc.sql(
            """
            update application set met_deadline =
                   (finished_at at time zone :zone)::date <= deadline
            where office_id = :office and id = :id and finished_at is not null
            """)
        .param("zone", clock.getZone().getId())
        .param("office", office.id())
        .param("id", a.id().value())
        .update();
  }

  /**
   * When a step of the history was taken on its day, in office hours: a submission between 08.00
   * and 12.00, a step on a later day between 08.30 and 13.30, a step on the day of the one before
   * it half an hour to an hour after it (so a day's steps end by 15.00).
   */
  private Instant during(LocalDate day, int step, int seed, List<Instant> before) {
    LocalTime time;
    if (step == 0) {
      time = LocalTime.of(8, 0).plusMinutes((seed * 37L) % 240);
    } else {
      ZonedDateTime previous = before.get(step - 1).atZone(clock.getZone());
      time =
          previous.toLocalDate().equals(day)
              ? previous.toLocalTime().plusMinutes(30 + (seed * 13L + step * 7L) % 30)
              : LocalTime.of(8, 30).plusMinutes((seed * 53L + step * 29L) % 300);
    }
    return day.atTime(time).atZone(clock.getZone()).toInstant();
  }

  /** Moves a timestamp of the application's rows of a table ({@code key} names each row). */
  private void move(
      String table,
      String column,
      String key,
      Application a,
      java.util.function.UnaryOperator<Instant> along) {
    String owner = table.equals("application") ? "id" : "application_id";
    List<Object[]> rows =
        jdbc.sql(
                "select "
                    + key
                    + ", "
                    + column
                    + " from "
                    + table
                    + " where office_id = ? and "
                    + owner
                    + " = ? and "
                    + column
                    + " is not null")
            .params(a.officeId(), a.id().value())
            .query((rs, n) -> new Object[] {rs.getObject(1), rs.getTimestamp(2).toInstant()})
            .list();
    for (Object[] row : rows) {
      jdbc.sql("update " + table + " set " + column + " = ? where " + key + " = ?")
          .params(Timestamp.from(along.apply((Instant) row[1])), row[0])
          .update();
    }
  }
}
