package id.go.kecamatan.audit;

import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and lists audit events. */
@Service
public class AuditTrail {

  /**
   * The actor of an event nobody signed in caused (a scheduled job, a resident), as stored; a page
   * shows it in its own language ({@code audit.system}).
   */
  public static final String SYSTEM = "sistem";

  /** The rows a streamed extract fetches at a time. */
  static final int FETCH = 1_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate cursor;
  private final Clock clock;
  private final JsonText json;

  AuditTrail(JdbcClient jdbc, DataSource dataSource, Clock clock, JsonText json) {
    this.jdbc = jdbc;
    this.cursor = new JdbcTemplate(dataSource);
    this.cursor.setFetchSize(FETCH);
    this.clock = clock;
    this.json = json;
  }

  /** One recorded event. */
  public record Entry(
      long id,
      Instant occurredAt,
      String actorName,
      String action,
      String entityType,
      String entityId,
      String details) {}

  /**
   * Records an event by the signed-in officer (or the system when nobody is signed in).
   *
   * @param officeId the office the data belong to, {@code null} for regency-wide data
   * @param action what happened, e.g. {@code service.updated}
   * @param details what changed; see {@link #changes(Map, Map)}
   */
  public void record(
      UUID officeId, String action, String entityType, Object entityId, Map<String, ?> details) {
    Officer officer = CurrentOfficer.get().orElse(null);
    jdbc.sql(
            """
            insert into audit_event
              (occurred_at, actor_id, actor_name, regency_id, office_id, action, entity_type,
               entity_id, details)
            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
            """)
        .params(
            Timestamp.from(clock.instant()),
            officer == null ? null : officer.staffId(),
            officer == null ? SYSTEM : officer.fullName() + " (" + officer.username() + ")",
            officer == null ? null : officer.regencyId(),
            officeId,
            action,
            entityType,
            entityId == null ? null : entityId.toString(),
            json.write(details == null ? Map.of() : details))
        .update();
  }

  /** The latest events of an office, newest first. */
  public List<Entry> latest(UUID officeId, int limit) {
    return jdbc.sql(
            """
            select id, occurred_at, actor_name, action, entity_type, entity_id, details::text
            from audit_event where office_id = ? order by occurred_at desc, id desc limit ?
            """)
        .params(officeId, limit)
        .query(
            (rs, i) ->
                new Entry(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }

  /**
   * Hands each event of an office from {@code from} (inclusive) to {@code to} (exclusive), oldest
   * first, to {@code each} as PostgreSQL returns them ({@value #FETCH} rows at a time, in one
   * read-only transaction), so an extract of any length never sits in memory.
   *
   * @return how many events were handed over
   */
  @Transactional(readOnly = true)
  public int forEach(UUID officeId, Instant from, Instant to, Consumer<Entry> each) {
    int[] n = {0};
    cursor.query(
        """
        select id, occurred_at, actor_name, action, entity_type, entity_id, details::text
        from audit_event where office_id = ? and occurred_at >= ? and occurred_at < ?
        order by occurred_at, id
        """,
        (RowCallbackHandler)
            rs -> {
              each.accept(
                  new Entry(
                      rs.getLong(1),
                      rs.getTimestamp(2).toInstant(),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7)));
              n[0]++;
            },
        officeId,
        Timestamp.from(from),
        Timestamp.from(to));
    return n[0];
  }

  /** The fields whose values differ, as {@code field -> {from, to}}. */
  public static Map<String, Object> changes(Map<String, ?> before, Map<String, ?> after) {
    Map<String, Object> changed = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : after.entrySet()) {
      Object old = before.get(entry.getKey());
      if (!Objects.equals(old, entry.getValue())) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", old);
        change.put("to", entry.getValue());
        changed.put(entry.getKey(), change);
      }
    }
    return changed;
  }
}
