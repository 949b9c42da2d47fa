package id.go.kecamatan.counter;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Offices and groups of the tests (the counter's, the two nodes'), apart from the demo offices. */
public final class CounterFixtures {

  private CounterFixtures() {}

  /** A bare office of the Mojokerto regency (no staff, no services), created once. */
  public static synchronized Office office(Offices offices, JdbcClient jdbc, String code) {
    return jdbc.sql("select id from office where code = ?")
        .param(code)
        .query(UUID.class)
        .optional()
        .map(offices::get)
        .orElseGet(
            () ->
                offices
                    .createOffice(offices.regencyByCode("35.16").orElseThrow().id(), code)
                    .value());
  }

  /** A new group with a letter not used in the office yet. */
  static UUID group(
      JdbcClient jdbc, UUID officeId, int first, int last, boolean dailyReset, Integer quota) {
    String used =
        String.join(
            "",
            jdbc.sql("select prefix from service_group where office_id = ?")
                .param(officeId)
                .query(String.class)
                .list());
    String prefix =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            .chars()
            .mapToObj(c -> String.valueOf((char) c))
            .filter(c -> !used.contains(c))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no letter left in the test office"));
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into service_group (id, office_id, prefix, name, first_number, last_number,
              daily_reset, daily_quota, minutes_per_ticket)
            values (?, ?, ?, ?, ?, ?, ?, ?, 5)
            """)
        .params(id, officeId, prefix, "Kelompok " + prefix, first, last, dailyReset, quota)
        .update();
    return id;
  }
}
