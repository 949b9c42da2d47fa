package id.go.kecamatan.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.complaints.ComplaintHandling;
import id.go.kecamatan.complaints.Complaints;
import id.go.kecamatan.complaints.Filed;
import id.go.kecamatan.complaints.FilingForm;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingDays;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.Zone;
import id.go.kecamatan.statistics.internal.ApplicationFact;
import id.go.kecamatan.statistics.internal.ComplaintFigures;
import id.go.kecamatan.statistics.internal.FactStore;
import id.go.kecamatan.statistics.internal.SurveyFigures;
import id.go.kecamatan.statistics.web.FigureTable;
import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.Grade;
import id.go.kecamatan.surveys.Reports;
import id.go.kecamatan.surveys.ResponseChannel;
import id.go.kecamatan.surveys.Responses;
import id.go.kecamatan.surveys.SurveyAnswered;
import id.go.kecamatan.surveys.Tally;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The complaint and IKM figures, and the regency's table of offices, against hand-computed
 * fixtures, in two offices of a regency of their own (so no other test's data count): applications'
 * facts over a year boundary summed per office; complaints filed, verified, answered in time and
 * late, corrected, rejected, forwarded, going through the complaints module's API and events;
 * survey responses of March and April 2024 scored by hand; the IKM's monthly counts against the
 * surveys module's own tallies of the responses, as responses come in.
 */
@IntegrationTest
class ComplaintAndIkmFiguresIntegrationTests {

  private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE =
      new java.util.concurrent.atomic.AtomicInteger(10);

  @LocalServerPort int port;
  @Autowired Complaints complaints;
  @Autowired ComplaintHandling handling;
  @Autowired ComplaintFigures listener;
  @Autowired Statistics statistics;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;
  @Autowired Responses responses;
  @Autowired Reports reports;
  @Autowired SurveyFigures surveyFigures;

  UUID regency;
  Office first;
  Office second;
  UUID category;
  Officer officer;

  @BeforeEach
  void setUp() {
    String n = String.format("%02d", SEQUENCE.incrementAndGet());
    regency = UUID.randomUUID();
    jdbc.sql("insert into regency (id, code, name) values (?, ?, ?)")
        .params(regency, "97." + n, "Kabupaten Uji " + n)
        .update();
    first = office("A", n);
    second = office("B", n);
    category = UUID.randomUUID();
    jdbc.sql(
            """
            insert into complaint_category (id, office_id, parent_id, name, tier_days)
            values (?, ?, null, 'Pelayanan loket', 5)
            """)
        .params(category, first.id())
        .update();
    UUID staff = UUID.randomUUID();
    jdbc.sql(
            """
            insert into staff (id, regency_id, office_id, username, full_name, password_hash, roles)
            values (?, ?, ?, ?, 'Verifikator Uji', 'x', 'VERIFIER')
            """)
        .params(staff, regency, first.id(), "uji-" + n)
        .update();
    officer =
        new Officer(
            staff, "uji-" + n, "Verifikator Uji", regency, first.id(), null, Set.of(Role.VERIFIER));
  }

  private Office office(String letter, String n) {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into office (id, regency_id, code, slug, name) values (?, ?, ?, ?, ?)")
        .params(
            id,
            regency,
            "97." + n + ".0" + (letter.equals("A") ? 1 : 2),
            "uji-" + letter.toLowerCase() + "-" + n,
            "Uji " + letter + " " + n)
        .update();
    return offices.get(id);
  }

  @Test
  void complaintsAreCountedOnceWhereTheyAreAndAnsweredOnTimeByTheirDeadline() {
    Filed a = file("COMPLAINT", "Antrean loket tidak diatur");
    Filed b = file("COMPLAINT", "Petugas datang terlambat");
    Filed c = file("COMPLAINT", "Bukan urusan kecamatan");
    Filed d = file("ASPIRATION", "Mohon loket dibuka hari Sabtu");
    Filed e = file("COMPLAINT", "Urusan kecamatan sebelah");

    verify(a);
    handling.answer(officer, a.id(), version(a), "Antrean kini memakai nomor.");
    handling.answer(officer, a.id(), version(a), "Koreksi: antrean memakai nomor sejak Senin.");
    verify(b);
    // the answer's deadline has passed: a late answer
    jdbc.sql("update complaint set answer_due = current_date - 1 where id = ?")
        .param(b.id())
        .update();
    handling.answer(officer, b.id(), version(b), "Petugas sudah ditegur.");
    handling.reject(officer, c.id(), version(c), "Bukan wewenang kantor kecamatan");
    handling.forward(officer, e.id(), version(e), second.id().toString());

    YearMonth month = statistics.currentMonth();
    // by hand: the first office received a, b, c, d (e went on to the second office); a and b
    // answered once each (the correction is not an answer), a on time, b late
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Figures.Row row = total(first.id(), month);
              assertThat(row.get(Measure.COMPLAINTS_RECEIVED)).isEqualTo(4);
              assertThat(row.get(Measure.COMPLAINTS_ANSWERED)).isEqualTo(2);
              assertThat(total(second.id(), month).get(Measure.COMPLAINTS_RECEIVED)).isEqualTo(1);
            });
    Figures.Row row = total(first.id(), month);
    assertThat(row.get(Measure.COMPLAINTS_ANSWERED_ON_TIME)).isEqualTo(1);
    FigureTable staff = FigureTable.of("total", "total", row, false);
    assertThat(staff.cell("derived.complaintsOnTime").value()).isEqualTo(50);
    // publicly 4 and 2 are suppressed, and the share of 2 answered is not shown
    FigureTable published = FigureTable.of("total", "total", row, true);
    assertThat(published.cell("measure.COMPLAINTS_RECEIVED").suppressed()).isTrue();
    assertThat(published.cell("derived.complaintsOnTime").value()).isNull();

    Figures.Row regencyRow = total(regency, month);
    assertThat(regencyRow.get(Measure.COMPLAINTS_RECEIVED)).isEqualTo(5);
    assertThat(regencyRow.get(Measure.COMPLAINTS_ANSWERED)).isEqualTo(2);
    assertThat(regencyRow.get(Measure.COMPLAINTS_ANSWERED_ON_TIME)).isEqualTo(1);

    assertThat(statistics.complaintGroups(first.id(), month, month))
        .containsExactly(
            new Statistics.ComplaintGroup("Pelayanan loket", "COMPLAINT", 3, 2, 1),
            new Statistics.ComplaintGroup("Pelayanan loket", "ASPIRATION", 1, 0, 0));

    // events delivered again count nothing twice
    listener.received(a.trackingCode());
    listener.received(e.trackingCode());
    assertThat(total(first.id(), month).get(Measure.COMPLAINTS_RECEIVED)).isEqualTo(4);
    assertThat(total(second.id(), month).get(Measure.COMPLAINTS_RECEIVED)).isEqualTo(1);
    assertThat(d.trackingCode()).isNotBlank();

    // the public page shows the section with the small counts suppressed
    String page = new WebClient(port).get("/kecamatan/" + first.slug() + "/statistik").body();
    assertThat(page)
        .contains("Pengaduan diterima")
        .contains("Pengaduan per kategori dan jenis")
        .contains("Pelayanan loket")
        .contains("&lt; 5");
  }

  @Test
  void theIkmOfAMonthIsScoredByTheRuleAndHiddenPubliclyBelowFiveRespondents() {
    // March 2024: five respondents; eight elements 4, 4, 4, 3, 3 (NRR 3.6), pengaduan all 1
    // IKM = 25 x (8 x 3.6 + 1.0) / 9 = 25 x 29.8 / 9 = 82.777... -> 82.78, grade B
    for (int score : new int[] {4, 4, 4, 3, 3}) {
      respond(first.id(), "2024-03-12", score, 1);
    }
    // April 2024: four respondents all 4 -> 100.00, not shown publicly
    for (int i = 0; i < 4; i++) {
      respond(first.id(), "2024-04-02", 4, 4);
    }
    // responses stored before the statistics heard of them: counted by the migration's backfill,
    // once however often it runs
    backfillIkm();
    backfillIkm();
    YearMonth march = YearMonth.of(2024, 3);
    YearMonth april = YearMonth.of(2024, 4);
    Figures figures = statistics.figures(Statistics.Selection.of(first.id(), march, april));
    assertThat(figures.months().get(0).index().orElseThrow().index()).isEqualByComparingTo("82.78");
    assertThat(figures.months().get(0).index().orElseThrow().grade()).isEqualTo(Grade.B);
    assertThat(figures.months().get(1).index().orElseThrow().index())
        .isEqualByComparingTo("100.00");
    // both months: elements 8 x (18 + 16) / 9 respondents, pengaduan (5 + 16) / 9
    // = 25 x (8 x 34/9 + 21/9) / 9 = 25 x 293 / 81 = 90.432... -> 90.43, grade A
    assertThat(figures.total().index().orElseThrow().index()).isEqualByComparingTo("90.43");
    assertThat(figures.total().ikm().respondents()).isEqualTo(9);
    assertThat(
            statistics
                .perScope(List.of(first.id(), second.id()), march, april)
                .get(first.id())
                .index()
                .orElseThrow()
                .index())
        .isEqualByComparingTo("90.43");

    FigureTable marchPublic = FigureTable.of("m", "m", figures.months().get(0), true);
    assertThat(marchPublic.cell("ikm.index").text("<5", "x", "–")).isEqualTo("82.78");
    // a page writes it in its language, as the survey pages do; the files keep the point
    assertThat(
            marchPublic
                .cell("ikm.index")
                .text(java.util.Locale.forLanguageTag("id"), "<5", "x", "–"))
        .isEqualTo("82,78");
    assertThat(marchPublic.cell("ikm.index").text(java.util.Locale.ENGLISH, "<5", "x", "–"))
        .isEqualTo("82.78");
    assertThat(marchPublic.cell("ikm.grade").text("<5", "x", "–")).isEqualTo("B");
    FigureTable aprilPublic = FigureTable.of("m", "m", figures.months().get(1), true);
    assertThat(aprilPublic.cell("ikm.respondents").suppressed()).isTrue();
    assertThat(aprilPublic.cell("ikm.index").text("<5", "x", "–")).isEqualTo("–");
    FigureTable aprilStaff = FigureTable.of("m", "m", figures.months().get(1), false);
    assertThat(aprilStaff.cell("ikm.index").text("<5", "x", "–")).isEqualTo("100.00");

    // the regency pools its offices' responses; a channel filter leaves the IKM out
    assertThat(
            statistics
                .figures(Statistics.Selection.of(regency, march, march))
                .total()
                .index()
                .orElseThrow()
                .index())
        .isEqualByComparingTo("82.78");
    assertThat(
            statistics
                .figures(new Statistics.Selection(first.id(), march, march, null, "ONLINE", null))
                .total()
                .index())
        .isEmpty();

    // the public page of March 2024 and its open data
    String page =
        new WebClient(port)
            .get("/kecamatan/" + first.slug() + "/statistik?bulan=3&tahun=2024")
            .body();
    assertThat(page)
        .contains("Indeks Kepuasan Masyarakat (IKM)")
        .contains("82,78"); // the page in Indonesian: decimal comma
    String csv =
        new WebClient(port).get("/kecamatan/" + first.slug() + "/statistik/2024-03.csv").body();
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0))
        .contains("Indeks Kepuasan Masyarakat (IKM)")
        .contains("Mutu pelayanan");
    assertThat(lines.get(lines.size() - 1)).endsWith(",5,82.78,B");
  }

  @Test
  void theIkmCountsAreTheSurveysTalliesAsResponsesComeInAcrossAMonth() {
    UUID service = UUID.randomUUID();
    jdbc.sql(
            """
            insert into service_type (id, office_id, code, name, category, completion_days)
            values (?, ?, 'UJI-IKM', 'Layanan Uji IKM', 'NON_PERIZINAN', 3)
            """)
        .params(service, first.id())
        .update();
    YearMonth now = statistics.currentMonth();
    LocalDate lastMonth = now.minusMonths(1).atDay(15);
    YearMonth from = now.minusMonths(2);

    // last month on paper, this month through the office's form, one naming the service
    assertThat(paper(first.id(), lastMonth, 3, 2, service)).isTrue();
    assertThat(paper(first.id(), lastMonth, 4, 4, null)).isTrue();
    assertThat(walkIn(first.id(), 2, 3, null)).isTrue();
    assertThat(walkIn(second.id(), 4, 1, null)).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertIkmCountsAreTheTallies(from, now, service, 4));

    // later responses of the month and of the month before are added where they belong
    assertThat(walkIn(first.id(), 1, 1, service)).isTrue();
    assertThat(paper(second.id(), lastMonth, 3, 3, null)).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertIkmCountsAreTheTallies(from, now, service, 6));

    // a redelivered event and the migration's backfill count nothing twice
    jdbc.sql(
            "select id, service_id, answered_on, %s from survey_response where office_id = ?"
                .formatted(String.join(", ", elementKeys())))
        .param(first.id())
        .query(
            (rs, i) -> {
              Map<Element, Integer> scores = new EnumMap<>(Element.class);
              for (Element e : Element.values()) {
                scores.put(e, rs.getInt(e.key()));
              }
              return new SurveyAnswered(
                  rs.getObject(1, UUID.class),
                  first.id(),
                  rs.getObject(2, UUID.class),
                  rs.getObject(3, LocalDate.class),
                  scores);
            })
        .list()
        .forEach(surveyFigures::on);
    backfillIkm();
    assertIkmCountsAreTheTallies(from, now, service, 6);
  }

  /**
   * The IKM of the offices, their regency, the service and the regency's table read from the
   * monthly counts equal the surveys module's tallies of the responses themselves; the table's
   * other counts equal the office's own figures.
   */
  private void assertIkmCountsAreTheTallies(
      YearMonth from, YearMonth to, UUID service, long respondents) {
    List<UUID> both = List.of(first.id(), second.id());
    for (UUID scope : List.of(first.id(), second.id(), regency)) {
      List<UUID> its = scope.equals(regency) ? both : List.of(scope);
      Figures figures = statistics.figures(Statistics.Selection.of(scope, from, to));
      Map<YearMonth, Tally> direct = reports.monthly(its, null, from, to);
      for (Figures.Row month : figures.months()) {
        assertThat(month.ikm())
            .as(scope + " " + month.key())
            .isEqualTo(direct.getOrDefault(month.month(), Tally.EMPTY));
      }
      assertThat(figures.total().ikm()).isEqualTo(sum(direct));
      Figures byService =
          statistics.figures(new Statistics.Selection(scope, from, to, service, null, null));
      assertThat(byService.total().ikm()).isEqualTo(sum(reports.monthly(its, service, from, to)));
    }
    assertThat(
            statistics
                .figures(Statistics.Selection.of(regency, from, to))
                .total()
                .ikm()
                .respondents())
        .isEqualTo(respondents);
    Figures.Row serviceRow =
        statistics.figures(Statistics.Selection.of(first.id(), from, to)).services().stream()
            .filter(r -> r.key().equals(service.toString()))
            .findFirst()
            .orElseThrow();
    assertThat(serviceRow.ikm()).isEqualTo(reports.perService(first.id(), from, to).get(service));
    Map<UUID, Figures.Row> table = statistics.perScope(both, from, to);
    Map<UUID, Tally> perOffice = reports.perOffice(both, from, to);
    for (UUID office : both) {
      Figures.Row row = table.get(office);
      assertThat(row.ikm()).isEqualTo(perOffice.getOrDefault(office, Tally.EMPTY));
      Figures.Row own = statistics.figures(Statistics.Selection.of(office, from, to)).total();
      for (Measure m : Measure.values()) {
        assertThat(row.get(m)).as(m.name()).isEqualTo(own.get(m));
      }
    }
  }

  @Autowired FactStore factStore;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void aTransactionCountingTwiceAndOneCountingOnceInterleavedBothCommit() throws Exception {
    // an answer to a complaint not yet counted received counts it received, then answered; another
    // answer counts answered. Each transaction's office totals are written when it commits, so the
    // second never waits for the first's totals while holding the answered rows it waits for
    YearMonth month = YearMonth.of(2026, 5);
    FactStore.Dimensions at = new FactStore.Dimensions(regency, null, null, null);
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    java.util.concurrent.CountDownLatch receivedCounted =
        new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService other =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      tx.executeWithoutResult(
          status -> {
            factStore.count(first.id(), at, month, Map.of(Measure.COMPLAINTS_RECEIVED, 1L));
            java.util.concurrent.Future<?> once =
                other.submit(
                    () ->
                        tx.executeWithoutResult(
                            s ->
                                factStore.count(
                                    first.id(),
                                    at,
                                    month,
                                    Map.of(Measure.COMPLAINTS_ANSWERED, 1L))));
            try {
              once.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException("the other transaction did not commit", e);
            }
            factStore.count(first.id(), at, month, Map.of(Measure.COMPLAINTS_ANSWERED, 1L));
          });
    } finally {
      other.shutdownNow();
    }
    Figures.Row counted = total(first.id(), month);
    assertThat(counted.get(Measure.COMPLAINTS_RECEIVED)).isEqualTo(1);
    assertThat(counted.get(Measure.COMPLAINTS_ANSWERED)).isEqualTo(2);
    Figures.Row totals = statistics.perScope(List.of(first.id()), month, month).get(first.id());
    assertThat(totals.get(Measure.COMPLAINTS_RECEIVED)).isEqualTo(1);
    assertThat(totals.get(Measure.COMPLAINTS_ANSWERED)).isEqualTo(2);
  }

  @Test
  void theTableOfOfficesSumsHandCountedApplicationsOverAnyPeriod() {
    // the fixtures of ApplicationFactTests (a national holiday, a paused deadline, a late
    // rejection) and one across New Year (1 January 2027 a national holiday too): submitted Wed
    // 30 Dec, approved Mon 4 Jan = 31 Dec and 4 Jan = 2 working days, deadline 5 Jan: on time
    WorkingDays calendar =
        new WorkingDays(
            List.of(
                LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
    Application holiday = ApplicationFactTests.holiday(first.id());
    Application paused = ApplicationFactTests.paused(first.id());
    Application rejected = ApplicationFactTests.lateRejection(first.id());
    Application newYear =
        ApplicationFactTests.application(
            first.id(),
            ApplicationFactTests.at(30, 9),
            LocalDate.of(2027, 1, 5),
            ApplicationFactTests.step(
                null, ApplicationStatus.SUBMITTED, ApplicationFactTests.at(30, 9), null),
            ApplicationFactTests.step(
                ApplicationStatus.SUBMITTED,
                ApplicationStatus.APPROVED,
                LocalDateTime.of(2027, 1, 4, 10, 0),
                null));
    assertThat(ApplicationFact.of(newYear, calendar, Zone.WIB.id()).workingDays()).isEqualTo(2);
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    for (Application a :
        List.of(holiday, paused, rejected, newYear, ApplicationFactTests.holiday(second.id()))) {
      transactions.executeWithoutResult(
          status ->
              assertThat(factStore.store(ApplicationFact.of(a, calendar, Zone.WIB.id()), regency))
                  .isTrue());
    }
    YearMonth november = YearMonth.of(2026, 11);
    YearMonth december = YearMonth.of(2026, 12);
    YearMonth january = YearMonth.of(2027, 1);

    // November to January, across the year: received 1 + 3; finished 3 in December (2 approved
    // on time in 2 and 5 working days, 1 rejected late in 6) and 1 in January (on time in 2)
    Map<Measure, Long> period =
        Map.of(
            Measure.RECEIVED, 4L,
            Measure.FINISHED, 4L,
            Measure.FINISHED_ON_TIME, 3L,
            Measure.APPROVED, 3L,
            Measure.REJECTED, 1L,
            Measure.COMPLETION_REQUESTED, 1L);
    for (int run = 0; run < 2; run++) {
      Figures.Row row = table(first.id(), november, january, period, 0, 0, 2, 0, 0, 1, 1);
      assertThat(row.median()).isEqualTo(2); // 2, 2, 5, 6: rank 2 of 4
      assertThat(row.p90()).isEqualTo(6); // rank 4 of 4
      assertThat(FigureTable.of("o", "o", row, false).cell("derived.onTime").value())
          .isEqualTo(75L);
      // publicly 4 is "< 5", and a share of fewer than 5 finished is not shown
      FigureTable shown = FigureTable.of("o", "o", row, true);
      assertThat(shown.cell("measure.RECEIVED").suppressed()).isTrue();
      assertThat(shown.cell("derived.onTime").value()).isNull();
      table(
          first.id(),
          january,
          january,
          Map.of(Measure.FINISHED, 1L, Measure.FINISHED_ON_TIME, 1L, Measure.APPROVED, 1L),
          0,
          0,
          1);
      table(first.id(), november, november, Map.of(Measure.RECEIVED, 1L));
      table(
          second.id(),
          november,
          january,
          Map.of(
              Measure.RECEIVED, 1L,
              Measure.FINISHED, 1L,
              Measure.FINISHED_ON_TIME, 1L,
              Measure.APPROVED, 1L),
          0,
          0,
          1);
      assertThat(total(regency, december).get(Measure.RECEIVED)).isEqualTo(4);
      // the migration that fills the offices' totals from the counts (for a deployment that had
      // none) gives the same rows, however often it runs
      transactions.executeWithoutResult(
          status -> {
            jdbc.sql("lock table stat_count, stat_duration in share mode").update();
            jdbc.sql("delete from stat_office_total where scope_id in (?, ?)")
                .params(first.id(), second.id())
                .update();
            migration("V109__statistics_office_totals_fill.sql");
            migration("V109__statistics_office_totals_fill.sql");
          });
    }
  }

  /**
   * Checks an office's row of the regency's table against the counts expected (0 for the others)
   * and the office's own figures of the same period.
   */
  private Figures.Row table(
      UUID office, YearMonth from, YearMonth to, Map<Measure, Long> expected, long... days) {
    Figures.Row row = statistics.perScope(List.of(first.id(), second.id()), from, to).get(office);
    Figures.Row own = statistics.figures(Statistics.Selection.of(office, from, to)).total();
    String period = from + ".." + to;
    for (Measure m : Measure.values()) {
      assertThat(row.get(m)).as(m + " " + period).isEqualTo(expected.getOrDefault(m, 0L));
      assertThat(own.get(m)).as(m + " " + period).isEqualTo(row.get(m));
    }
    assertThat(row.received("ONLINE")).as(period).isEqualTo(row.get(Measure.RECEIVED));
    assertThat(own.received("ONLINE")).as(period).isEqualTo(row.received("ONLINE"));
    assertThat(row.days()).as(period).containsExactly(days);
    assertThat(own.days()).as(period).containsExactly(days);
    return row;
  }

  private static Tally sum(Map<YearMonth, Tally> months) {
    return months.values().stream().reduce(Tally.EMPTY, Tally::plus);
  }

  private static List<String> elementKeys() {
    return java.util.Arrays.stream(Element.values()).map(Element::key).toList();
  }

  /** A response through the office's walk-in form: eight elements one score, pengaduan another. */
  private boolean walkIn(UUID office, int score, int pengaduan, UUID service) {
    return responses
            .answer(office, ResponseChannel.WALK_IN, form(score, pengaduan, service))
            .status()
        == Responses.Status.SAVED;
  }

  /** A paper form keyed in, dated as written on it. */
  private boolean paper(UUID office, LocalDate day, int score, int pengaduan, UUID service) {
    Map<String, String> form = form(score, pengaduan, service);
    form.put(id.go.kecamatan.surveys.Answers.DATE, day.toString());
    return responses.keyInPaper(office, form).status() == Responses.Status.SAVED;
  }

  private static Map<String, String> form(int score, int pengaduan, UUID service) {
    Map<String, String> form = new HashMap<>();
    for (Element e : Element.values()) {
      form.put(e.key(), String.valueOf(e == Element.PENGADUAN ? pengaduan : score));
    }
    if (service != null) {
      form.put(id.go.kecamatan.surveys.Answers.SERVICE, service.toString());
    }
    return form;
  }

  /** Runs the migration that counts the responses stored before the statistics' listener. */
  private void backfillIkm() {
    migration("V110__statistics_ikm_backfill_typed_totals.sql");
  }

  /** Runs a migration's statements again. */
  private void migration(String name) {
    try (InputStream in = getClass().getResourceAsStream("/db/migration/" + name)) {
      jdbc.sql(new String(in.readAllBytes(), StandardCharsets.UTF_8)).update();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Figures.Row total(UUID scope, YearMonth month) {
    return statistics.figures(Statistics.Selection.of(scope, month, month)).total();
  }

  private Filed file(String kind, String text) {
    var outcome =
        complaints.file(
            first,
            new FilingForm(
                kind,
                category.toString(),
                text + " (uji statistik)",
                "",
                "Kantor kecamatan",
                "",
                "ANONIM",
                "Siti Aminah",
                "0812-3456-7890",
                "",
                "",
                "",
                true),
            List.of(),
            Complaints.Intake.ONLINE);
    assertThat(outcome.ok()).as(() -> String.valueOf(outcome.errors().all())).isTrue();
    return outcome.value();
  }

  private void verify(Filed f) {
    assertThat(
            handling.verify(officer, f.id(), version(f), category.toString()).orElseThrow().any())
        .isFalse();
  }

  private int version(Filed f) {
    return jdbc.sql("select version from complaint where id = ?")
        .param(f.id())
        .query(Integer.class)
        .single();
  }

  private void respond(UUID office, String day, int score, int pengaduan) {
    jdbc.sql(
            """
            insert into survey_response (id, office_id, instrument, channel, answered_on,
              persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana)
            values (?, ?, '2017.1', 'WALK_IN', cast(? as date), ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            office,
            day,
            score,
            score,
            score,
            score,
            score,
            score,
            score,
            pengaduan,
            score)
        .update();
  }
}
