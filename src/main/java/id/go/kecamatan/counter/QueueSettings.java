package id.go.kecamatan.counter;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.web.FieldErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The queue rules of an office, set by the office administrator. */
@Service
public class QueueSettings {

  /**
   * @param maxInside the most people inside (tickets issued and not finished), null for no limit;
   *     past it a new ticket waits outside
   * @param recallSeconds a ticket is called again no sooner than this after its last call
   * @param priorityStreak at most this many priority tickets are called in a row while a regular
   *     ticket waits (the fairness cap)
   * @param lansiaAge from this age (from the NIK's birth date) a resident is lansia
   * @param notifyAhead a resident who left a number gets a message when this many are before them
   *     or fewer (and one waiting outside is asked in)
   */
  public record Settings(
      Integer maxInside, int recallSeconds, int priorityStreak, int lansiaAge, int notifyAhead) {

    public static final Settings DEFAULT = new Settings(null, 30, 2, 60, 3);
  }

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  QueueSettings(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public Settings of(UUID officeId) {
    return jdbc.sql(
            """
            select max_inside, recall_seconds, priority_streak, lansia_age, notify_ahead
            from queue_settings where office_id = ?
            """)
        .param(officeId)
        .query(
            (rs, i) ->
                new Settings(
                    rs.getObject(1, Integer.class),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5)))
        .optional()
        .orElse(Settings.DEFAULT);
  }

  /** Saves the rules from the form fields as typed. */
  @Transactional
  public FieldErrors save(
      UUID officeId,
      String maxInside,
      String recallSeconds,
      String priorityStreak,
      String lansiaAge,
      String notifyAhead) {
    FieldErrors errors = new FieldErrors();
    Integer max = errors.integer("maxInside", maxInside, 1, 10000, false);
    Integer recall = errors.integer("recallSeconds", recallSeconds, 0, 600, true);
    Integer streak = errors.integer("priorityStreak", priorityStreak, 1, 10, true);
    Integer age = errors.integer("lansiaAge", lansiaAge, 50, 80, true);
    Integer ahead = errors.integer("notifyAhead", notifyAhead, 1, 20, true);
    if (errors.any()) {
      return errors;
    }
    jdbc.sql(
            """
            insert into queue_settings
              (office_id, max_inside, recall_seconds, priority_streak, lansia_age, notify_ahead)
            values (?, ?, ?, ?, ?, ?)
            on conflict (office_id) do update set max_inside = excluded.max_inside,
              recall_seconds = excluded.recall_seconds, priority_streak = excluded.priority_streak,
              lansia_age = excluded.lansia_age, notify_ahead = excluded.notify_ahead,
              version = queue_settings.version + 1
            """)
        .params(officeId, max, recall, streak, age, ahead)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("maxInside", max == null ? "-" : max);
    details.put("recallSeconds", recall);
    details.put("priorityStreak", streak);
    details.put("lansiaAge", age);
    details.put("notifyAhead", ahead);
    audit.record(officeId, "counter.settings.updated", "office", officeId, details);
    return errors;
  }
}
