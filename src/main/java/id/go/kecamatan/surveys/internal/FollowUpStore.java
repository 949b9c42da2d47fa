package id.go.kecamatan.surveys.internal;

import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.FollowUp;
import id.go.kecamatan.surveys.Period;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores the rencana tindak lanjut: one plan per office and period, its items in order. */
@Component
public class FollowUpStore {

  private final JdbcClient jdbc;

  FollowUpStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<FollowUp> find(UUID officeId, Period period) {
    Optional<Row> row =
        jdbc.sql(
                "select id, updated_at from survey_follow_up where office_id = ? and period_kind = ?"
                    + " and period_year = ? and period_number = ?")
            .params(officeId, period.kind().name(), period.year(), period.number())
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class), rs.getTimestamp("updated_at").toInstant()))
            .optional();
    return row.map(r -> new FollowUp(period, items(r.id()), r.updatedAt()));
  }

  /** The periods the office has a plan for, the latest ending first, at most {@code limit}. */
  public List<Period> periods(UUID officeId, int limit) {
    return jdbc
        .sql(
            "select period_kind, period_year, period_number from survey_follow_up"
                + " where office_id = ? and period_year >= (select max(period_year) - 2"
                + " from survey_follow_up where office_id = ?)")
        .params(officeId, officeId)
        .query(
            (rs, n) -> new Period(Period.Kind.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
        .list()
        .stream()
        .sorted(
            Comparator.comparing(Period::to)
                .reversed()
                .thenComparing(p -> p.kind().months(), Comparator.reverseOrder()))
        .limit(limit)
        .toList();
  }

  /** Replaces the plan's items (the caller's transaction); an empty list removes the plan. */
  public void save(UUID officeId, Period period, List<FollowUp.Item> items, Instant now) {
    // one save at a time per office and period: the second waits and replaces the first's
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 2))")
        .param("survey_follow_up/" + officeId + "/" + period.query())
        .query((rs, i) -> 1)
        .list();
    jdbc.sql(
            "delete from survey_follow_up where office_id = ? and period_kind = ?"
                + " and period_year = ? and period_number = ?")
        .params(officeId, period.kind().name(), period.year(), period.number())
        .update();
    if (items.isEmpty()) {
      return;
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into survey_follow_up (id, office_id, period_kind, period_year, period_number,"
                + " updated_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            id, officeId, period.kind().name(), period.year(), period.number(), Timestamp.from(now))
        .update();
    for (int i = 0; i < items.size(); i++) {
      FollowUp.Item item = items.get(i);
      jdbc.sql(
              "insert into survey_follow_up_item (follow_up_id, position, element, programme,"
                  + " timeframe, responsible, status, realisation) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              id,
              i,
              item.element().key(),
              item.programme(),
              item.timeframe(),
              item.responsible(),
              item.status().name(),
              item.realisation())
          .update();
    }
  }

  private List<FollowUp.Item> items(UUID id) {
    return jdbc.sql(
            "select element, programme, timeframe, responsible, status, realisation"
                + " from survey_follow_up_item where follow_up_id = ? order by position")
        .param(id)
        .query(
            (rs, n) ->
                new FollowUp.Item(
                    Element.byKey(rs.getString("element")).orElseThrow(),
                    rs.getString("programme"),
                    rs.getString("timeframe"),
                    rs.getString("responsible"),
                    FollowUp.Status.valueOf(rs.getString("status")),
                    rs.getString("realisation")))
        .list();
  }

  private record Row(UUID id, Instant updatedAt) {}
}
