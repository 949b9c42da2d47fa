package id.go.kecamatan.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.catalog.ServiceDemand;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The counts behind "most asked for first" on the public office page. */
@IntegrationTest
class ServiceDemandIntegrationTests {

  @Autowired Applications applications;
  @Autowired ServiceDemand demand;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void everySubmittedApplicationCountsForItsServiceInItsOffice() {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID jetis = fixtures.jetis();
    UUID other = fixtures.office("33.02.27");
    UUID domisili = serviceId(jetis, "DOMISILI");
    int before = demand.lastTwelveMonths(jetis).getOrDefault(domisili, 0);
    int otherBefore = demand.lastTwelveMonths(other).getOrDefault(serviceId(other, "DOMISILI"), 0);

    fixtures.domisili(jetis, fixtures.operatorVillage("desa.jetis"), "Warga Hitung");
    fixtures.domisili(jetis, fixtures.operatorVillage("desa.jetis"), "Warga Hitung Dua");

    assertThat(demand.lastTwelveMonths(jetis)).containsEntry(domisili, before + 2);
    assertThat(demand.lastTwelveMonths(other).getOrDefault(serviceId(other, "DOMISILI"), 0))
        .as("another office's figures")
        .isEqualTo(otherBefore);
  }

  @Test
  void applicationsOlderThanTwelveMonthsNoLongerCount() {
    UUID batunadua = new CaseworkFixtures(applications, jdbc).office("12.77.03");
    UUID legalisir = serviceId(batunadua, "LEGALISIR");
    int before = demand.lastTwelveMonths(batunadua).getOrDefault(legalisir, 0);
    LocalDate thisMonth =
        LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta"))).withDayOfMonth(1);
    add(batunadua, legalisir, thisMonth.minusMonths(12), 500);
    add(batunadua, legalisir, thisMonth.minusMonths(11), 3);

    // written past this node's count, as another node's applications are: shown within a second
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(demand.lastTwelveMonths(batunadua))
                    .containsEntry(legalisir, before + 3));
  }

  private void add(UUID office, UUID service, LocalDate month, int count) {
    jdbc.sql(
            """
            insert into service_demand (office_id, service_id, month, submitted) values (?, ?, ?, ?)
            on conflict (office_id, service_id, month)
            do update set submitted = service_demand.submitted + excluded.submitted
            """)
        .params(office, service, month, count)
        .update();
  }

  private UUID serviceId(UUID office, String code) {
    return jdbc.sql("select id from service_type where office_id = ? and code = ?")
        .params(office, code)
        .query(UUID.class)
        .single();
  }
}
