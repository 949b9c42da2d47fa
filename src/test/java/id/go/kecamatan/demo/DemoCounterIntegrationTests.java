package id.go.kecamatan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.office.Offices;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's queue on a start: today's tickets only for the queues the demo set up. An office whose
 * staff made a queue of their own (one group, one counter) is left as it is, and the start goes on
 * (a second node started on a database where such an office existed failed to start).
 */
@IntegrationTest
class DemoCounterIntegrationTests {

  @Autowired DemoCounter demo;
  @Autowired Offices offices;
  @Autowired ServiceGroups groups;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void anOfficeWithAQueueOfItsOwnIsLeftAsItIsWhenTheDemoMakesTodaysTickets() {
    UUID office =
        jdbc.sql("select id from office where code = '33.02.25'")
            .query(UUID.class)
            .optional()
            .orElseGet(
                () ->
                    offices
                        .createOffice(offices.regencyByCode("33.02").orElseThrow().id(), "33.02.25")
                        .value()
                        .id());
    if (groups.of(office).isEmpty()) {
      groups
          .save(
              office,
              null,
              new ServiceGroups.Form("K", "Umum", "1", "999", "true", "", "5", "true"))
          .value();
    }

    demo.today();

    assertThat(
            jdbc.sql("select count(*) from ticket where office_id = ? and day = ?")
                .params(office, LocalDate.now(clock))
                .query(Long.class)
                .single())
        .isZero();
    // the demo offices' queues are alive as before
    assertThat(
            jdbc.sql(
                    "select count(*) from ticket t join office o on o.id = t.office_id"
                        + " where o.code = '35.16.16' and t.day = ?")
                .param(LocalDate.now(clock))
                .query(Long.class)
                .single())
        .isPositive();
  }
}
