package id.go.kecamatan.counter;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service groups of an office and their ticket series: letter prefix, number range, daily reset
 * and the daily quota of walk-in tickets. Set up by the office administrator.
 */
@Service
public class ServiceGroups {

  /**
   * A group with its series.
   *
   * @param dailyQuota walk-in tickets a day, null for no quota beyond the number range
   * @param minutesPerTicket the expected minutes per ticket, for the waiting estimate until the day
   *     has its own figures
   */
  public record Setting(
      UUID id,
      String prefix,
      String name,
      int firstNumber,
      int lastNumber,
      boolean dailyReset,
      Integer dailyQuota,
      int minutesPerTicket,
      boolean active,
      int version) {

    public ServiceGroup group() {
      return new ServiceGroup(id, prefix, name);
    }
  }

  /** The set-up form as typed. */
  public record Form(
      String prefix,
      String name,
      String firstNumber,
      String lastNumber,
      String dailyReset,
      String dailyQuota,
      String minutesPerTicket,
      String active) {

    public static Form empty() {
      return new Form("", "", "1", "999", "true", "", "10", "true");
    }

    public static Form of(Setting s) {
      return new Form(
          s.prefix(),
          s.name(),
          String.valueOf(s.firstNumber()),
          String.valueOf(s.lastNumber()),
          String.valueOf(s.dailyReset()),
          s.dailyQuota() == null ? "" : String.valueOf(s.dailyQuota()),
          String.valueOf(s.minutesPerTicket()),
          String.valueOf(s.active()));
    }
  }

  private static final String COLUMNS =
      "id, prefix, name, first_number, last_number, daily_reset, daily_quota, minutes_per_ticket, active, version";

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ServiceGroups(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The office's active service groups, ordered by prefix; empty when none is set up. */
  public List<ServiceGroup> of(UUID officeId) {
    return settings(officeId).stream().filter(Setting::active).map(Setting::group).toList();
  }

  /** Every group of the office, active or not, ordered by prefix. */
  public List<Setting> settings(UUID officeId) {
    return jdbc.sql("select " + COLUMNS + " from service_group where office_id = ? order by prefix")
        .param(officeId)
        .query(ServiceGroups::setting)
        .list();
  }

  /** A group of this office (another office's group is not found). */
  public Optional<Setting> setting(UUID officeId, UUID groupId) {
    return jdbc.sql("select " + COLUMNS + " from service_group where office_id = ? and id = ?")
        .params(officeId, groupId)
        .query(ServiceGroups::setting)
        .optional();
  }

  /** Adds a group ({@code groupId} null) or changes one of this office. */
  @Transactional
  public Outcome<UUID> save(UUID officeId, UUID groupId, Form form) {
    FieldErrors errors = new FieldErrors();
    String prefix =
        form.prefix() == null ? "" : form.prefix().strip().toUpperCase(java.util.Locale.ROOT);
    if (prefix.isEmpty()) {
      errors.reject("prefix", "error.required");
    } else if (!prefix.matches("[A-Z]")) {
      errors.reject("prefix", "counter.error.prefix");
    }
    String name = FieldErrors.clean(form.name());
    errors.text("name", name, 80);
    Integer first = errors.integer("firstNumber", form.firstNumber(), 1, 9998, true);
    Integer last = errors.integer("lastNumber", form.lastNumber(), 2, 9999, true);
    if (first != null && last != null && first >= last) {
      errors.reject("lastNumber", "counter.error.range");
    }
    Integer quota = errors.integer("dailyQuota", form.dailyQuota(), 1, 9999, false);
    Integer minutes = errors.integer("minutesPerTicket", form.minutesPerTicket(), 1, 240, true);
    if (!errors.has("prefix")) {
      boolean taken =
          jdbc.sql(
                      "select count(*) from service_group where office_id = ? and prefix = ? and id is distinct from ?")
                  .params(officeId, prefix, groupId)
                  .query(Long.class)
                  .single()
              > 0;
      if (taken) {
        errors.reject("prefix", "counter.error.prefixTaken");
      }
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    boolean reset = !"false".equals(form.dailyReset());
    boolean active = !"false".equals(form.active());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("prefix", prefix);
    details.put("name", name);
    details.put("range", first + "-" + last);
    details.put("dailyReset", reset);
    details.put("dailyQuota", quota == null ? "-" : quota);
    details.put("active", active);
    if (groupId == null) {
      UUID id = UUID.randomUUID();
      jdbc.sql(
              """
              insert into service_group (id, office_id, prefix, name, first_number, last_number,
                daily_reset, daily_quota, minutes_per_ticket, active)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(id, officeId, prefix, name, first, last, reset, quota, minutes, active)
          .update();
      audit.record(officeId, "counter.group.added", "service_group", id, details);
      return Outcome.done(id);
    }
    int updated =
        jdbc.sql(
                """
                update service_group set prefix = ?, name = ?, first_number = ?, last_number = ?,
                  daily_reset = ?, daily_quota = ?, minutes_per_ticket = ?, active = ?,
                  version = version + 1
                where id = ? and office_id = ?
                """)
            .params(prefix, name, first, last, reset, quota, minutes, active, groupId, officeId)
            .update();
    if (updated == 0) {
      throw new id.go.kecamatan.shared.web.NotFoundException();
    }
    audit.record(officeId, "counter.group.updated", "service_group", groupId, details);
    return Outcome.done(groupId);
  }

  private static Setting setting(ResultSet rs, int row) throws SQLException {
    return new Setting(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getInt(5),
        rs.getBoolean(6),
        rs.getObject(7, Integer.class),
        rs.getInt(8),
        rs.getBoolean(9),
        rs.getInt(10));
  }
}
