package id.go.kecamatan.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Completions;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.Casework;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Officer;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures follow the applications' events: applications of a service of their own (a copy of
 * the demo Domisili service) submitted, reviewed, completed, approved and rejected through the
 * modules' APIs, then read back from the monthly counts of the office and of the regency.
 */
@IntegrationTest
class StatisticsIntegrationTests {

  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired Completions completions;
  @Autowired Statistics statistics;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;

  @Test
  void figuresFollowTheApplicationsEvents() {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID office = fixtures.jetis();
    UUID village = fixtures.operatorVillage("desa.jetis");
    String code = fixtures.copyOfDomisili(office, null);
    UUID service =
        jdbc.sql("select id from service_type where office_id = ? and code = ?")
            .params(office, code)
            .query(UUID.class)
            .single();
    UUID ktp = fixtures.requirement(office, code, "KTP");

    Application approved = fixtures.domisili(office, village, "Rina Statistik", code);
    Application rejected = fixtures.domisili(office, village, "Dodi Statistik", code);
    Application waiting = fixtures.domisili(office, village, "Sari Statistik", code);
    fixtures.domisili(office, village, "Tono Statistik", code);
    decisions.startReview(office, approved.id(), "Verifikator");
    decisions.approve(office, approved.id(), "Verifikator");
    decisions.reject(office, rejected.id(), "Bukan warga kecamatan ini", "Verifikator");
    decisions.startReview(office, waiting.id(), "Verifikator");
    completions.requestCompletion(office, waiting.id(), Map.of(ktp, "Foto buram"), "Verifikator");

    YearMonth month = statistics.currentMonth();
    Statistics.Selection selection =
        new Statistics.Selection(office, month, month, service, null, null);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Figures.Row row = statistics.figures(selection).total();
              assertThat(row.get(Measure.RECEIVED)).isEqualTo(4);
              assertThat(row.get(Measure.FINISHED)).isEqualTo(2);
              assertThat(row.get(Measure.COMPLETION_REQUESTED)).isEqualTo(1);
            });
    Figures figures = statistics.figures(selection);
    Figures.Row total = figures.total();
    assertThat(total.get(Measure.APPROVED)).isEqualTo(1);
    assertThat(total.get(Measure.REJECTED)).isEqualTo(1);
    assertThat(total.get(Measure.FINISHED_ON_TIME)).isEqualTo(2);
    assertThat(total.received("ONLINE")).isEqualTo(4);
    assertThat(total.median()).isZero(); // finished on the day they came in
    assertThat(figures.months()).hasSize(1);

    // the table per service splits what each service received by channel, as the total does
    Figures.Row perService =
        serviceRow(new Statistics.Selection(office, month, month, null, null, null), service);
    assertThat(perService.get(Measure.RECEIVED)).isEqualTo(4);
    assertThat(perService.received("ONLINE")).isEqualTo(4);
    assertThat(perService.received("COUNTER")).isZero();
    Figures.Row online =
        serviceRow(new Statistics.Selection(office, month, month, null, "ONLINE", null), service);
    assertThat(online.get(Measure.RECEIVED)).isEqualTo(4);
    assertThat(online.received("ONLINE")).isEqualTo(4);
    Figures.Row counter =
        serviceRow(new Statistics.Selection(office, month, month, null, "COUNTER", null), service);
    assertThat(counter.get(Measure.RECEIVED)).isZero();
    assertThat(counter.received("ONLINE")).isZero();

    // the village's own counts and the regency's include them as well
    Figures byVillage =
        statistics.figures(new Statistics.Selection(office, month, month, service, null, village));
    assertThat(byVillage.total().get(Measure.RECEIVED)).isEqualTo(4);
    UUID regency = offices.get(office).regencyId();
    Figures regencyFigures =
        statistics.figures(new Statistics.Selection(regency, month, month, service, null, null));
    assertThat(regencyFigures.total().get(Measure.RECEIVED)).isEqualTo(4);

    // the reasons: the requirement for the public, the officers' words for staff
    assertThat(statistics.reasons(office, month, month, false))
        .anySatisfy(r -> assertThat(r.subject()).startsWith("KTP"))
        .allSatisfy(r -> assertThat(r.reason()).isEmpty());
    assertThat(statistics.reasons(office, month, month, true))
        .extracting(Statistics.Reason::reason)
        .contains("Bukan warga kecamatan ini", "Foto buram");

    // the regency's table of offices reads the office's one-row totals: the same figures as the
    // office's own counts, durations and IKM over a year
    YearMonth from = month.minusMonths(11);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Figures.Row own =
                  statistics.figures(Statistics.Selection.of(office, from, month)).total();
              Figures.Row row = statistics.perScope(List.of(office), from, month).get(office);
              for (Measure m : Measure.values()) {
                assertThat(row.get(m)).as(m.name()).isEqualTo(own.get(m));
              }
              for (String channel : List.of("ONLINE", "COUNTER", "VILLAGE")) {
                assertThat(row.received(channel)).as(channel).isEqualTo(own.received(channel));
              }
              assertThat(row.days()).containsExactly(own.days());
              assertThat(row.ikm()).isEqualTo(own.ikm());
              assertThat(own.get(Measure.RECEIVED)).isPositive();
              assertThat(own.finishedWithDays()).isPositive();
            });
  }

  private Figures.Row serviceRow(Statistics.Selection selection, UUID service) {
    return statistics.figures(selection).services().stream()
        .filter(r -> r.key().equals(service.toString()))
        .findFirst()
        .orElse(Figures.Row.empty(service.toString()));
  }

  @Test
  void aFactComputedAgainCountsNothingTwice() {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID office = fixtures.jetis();
    UUID village = fixtures.operatorVillage("desa.jetis");
    String code = fixtures.copyOfDomisili(office, null);
    UUID service =
        jdbc.sql("select id from service_type where office_id = ? and code = ?")
            .params(office, code)
            .query(UUID.class)
            .single();
    Application a = fixtures.domisili(office, village, "Ulang Statistik", code);
    YearMonth month = statistics.currentMonth();
    Statistics.Selection selection =
        new Statistics.Selection(office, month, month, service, null, null);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> statistics.figures(selection).total().get(Measure.RECEIVED) == 1);

    listeners.refresh(office, a.id());
    listeners.refresh(office, a.id());

    assertThat(statistics.figures(selection).total().get(Measure.RECEIVED)).isEqualTo(1);
  }

  @Autowired Casework casework;
  @Autowired Decisions decisionsForOfficers;

  @Test
  void anOfficersFiguresFollowTheApplicationsAssignedToThem() {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID office = fixtures.jetis();
    UUID village = fixtures.operatorVillage("desa.jetis");
    String code = fixtures.copyOfDomisili(office, null);
    UUID service =
        jdbc.sql("select id from service_type where office_id = ? and code = ?")
            .params(office, code)
            .query(UUID.class)
            .single();
    Officer verifier = fixtures.officer("verifikator.jetis");
    Officer admin = fixtures.officer("admin.jetis");
    Application kept = fixtures.domisili(office, village, "Petugas Satu", code);
    Application moved = fixtures.domisili(office, village, "Petugas Dua", code);
    casework.claim(verifier, kept.id());
    casework.claim(verifier, moved.id());
    decisionsForOfficers.startReview(office, kept.id(), "Verifikator");
    decisionsForOfficers.approve(office, kept.id(), "Verifikator");
    // the admin takes the second one over: its counts move from the verifier to the admin
    casework.claim(admin, moved.id());

    YearMonth month = statistics.currentMonth();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Figures.Row mine = officerRow(verifier, service, month);
              assertThat(mine.get(Measure.RECEIVED)).isEqualTo(1);
              assertThat(mine.get(Measure.FINISHED)).isEqualTo(1);
              assertThat(mine.get(Measure.APPROVED)).isEqualTo(1);
              Figures.Row theirs = officerRow(admin, service, month);
              assertThat(theirs.get(Measure.RECEIVED)).isEqualTo(1);
              assertThat(theirs.get(Measure.FINISHED)).isZero();
            });
    // the office's own figures are unchanged by the assignments
    assertThat(
            statistics
                .figures(new Statistics.Selection(office, month, month, service, null, null))
                .total()
                .get(Measure.RECEIVED))
        .isEqualTo(2);
    // an assignment redelivered counts nothing twice
    listeners.refresh(office, kept.id());
    assertThat(officerRow(verifier, service, month).get(Measure.RECEIVED)).isEqualTo(1);
  }

  private Figures.Row officerRow(Officer officer, UUID service, YearMonth month) {
    return statistics
        .figures(new Statistics.Selection(officer.staffId(), month, month, service, null, null))
        .total();
  }

  @Autowired id.go.kecamatan.statistics.internal.StatisticsListeners listeners;
}
