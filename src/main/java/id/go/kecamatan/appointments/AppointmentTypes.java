package id.go.kecamatan.appointments;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.counter.ServiceGroup;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The office administrator's bookable types (jenis janji temu). Changing the seats of a type also
 * changes the future slots already made, as far as their bookings allow (a slot never gets fewer
 * seats than it has booked).
 */
@Service
public class AppointmentTypes {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ServiceGroups groups;
  private final AuditTrail audit;
  private final Clock clock;

  AppointmentTypes(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      ServiceGroups groups,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.groups = groups;
    this.audit = audit;
    this.clock = clock;
  }

  /** The form of a type, as typed. */
  public record Form(
      String kind,
      String name,
      String serviceGroupId,
      String slotMinutes,
      String seatsPerSlot,
      String daysAhead,
      String dailyQuota,
      boolean active) {

    public static Form blank() {
      return new Form("SERVICE", "", "", "10", "2", "14", "", true);
    }

    public static Form of(AppointmentType t) {
      return new Form(
          t.kind().name(),
          t.name(),
          t.serviceGroupId() == null ? "" : t.serviceGroupId().toString(),
          String.valueOf(t.slotMinutes()),
          String.valueOf(t.seatsPerSlot()),
          String.valueOf(t.daysAhead()),
          t.dailyQuota() == null ? "" : String.valueOf(t.dailyQuota()),
          t.active());
    }
  }

  /** Every type of the office, active first. */
  public List<AppointmentType> all(UUID officeId) {
    return jdbc.sql(
            "select * from appointment_type where office_id = ? order by active desc, kind, name")
        .param(officeId)
        .query(AppointmentTypes::type)
        .list();
  }

  /** The types residents may book. */
  public List<AppointmentType> active(UUID officeId) {
    return all(officeId).stream().filter(AppointmentType::active).toList();
  }

  /** The type of the office, or empty (also another office's). */
  public Optional<AppointmentType> find(UUID officeId, UUID id) {
    return jdbc.sql("select * from appointment_type where id = ? and office_id = ?")
        .params(id, officeId)
        .query(AppointmentTypes::type)
        .optional();
  }

  /** Creates (id null) or changes a type of the office, or says why not. */
  public Outcome<UUID> save(UUID officeId, UUID id, Form form) {
    FieldErrors errors = new FieldErrors();
    AppointmentType.Kind kind = null;
    try {
      kind = AppointmentType.Kind.valueOf(form.kind() == null ? "" : form.kind());
    } catch (IllegalArgumentException e) {
      errors.reject("kind", "appointments.type.error.kind");
    }
    String name = FieldErrors.clean(form.name());
    errors.text("name", name, 120);
    UUID groupId = null;
    if (form.serviceGroupId() != null && !form.serviceGroupId().isBlank()) {
      groupId = uuid(form.serviceGroupId());
      UUID wanted = groupId;
      if (wanted == null
          || groups.of(officeId).stream().map(ServiceGroup::id).noneMatch(wanted::equals)) {
        errors.reject("serviceGroupId", "appointments.type.error.group");
      }
    }
    Integer slot = errors.integer("slotMinutes", form.slotMinutes(), 5, 120, true);
    Integer seats = errors.integer("seatsPerSlot", form.seatsPerSlot(), 1, 50, true);
    Integer days = errors.integer("daysAhead", form.daysAhead(), 1, 90, true);
    Integer quota = errors.integer("dailyQuota", form.dailyQuota(), 1, 2000, false);
    if (id != null && find(officeId, id).isEmpty()) {
      throw new IllegalArgumentException("No such type");
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    UUID typeId = id == null ? UUID.randomUUID() : id;
    AppointmentType.Kind finalKind = kind;
    UUID finalGroup = groupId;
    try {
      transactions.executeWithoutResult(
          tx -> {
            if (id == null) {
              jdbc.sql(
                      """
                      insert into appointment_type (id, office_id, kind, service_group_id, name,
                        slot_minutes, seats_per_slot, days_ahead, daily_quota, active, created_at)
                      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                      """)
                  .params(
                      typeId,
                      officeId,
                      finalKind.name(),
                      finalGroup,
                      name,
                      slot,
                      seats,
                      days,
                      quota,
                      form.active(),
                      Timestamp.from(clock.instant()))
                  .update();
            } else {
              jdbc.sql(
                      """
                      update appointment_type set kind = ?, service_group_id = ?, name = ?,
                        slot_minutes = ?, seats_per_slot = ?, days_ahead = ?, daily_quota = ?,
                        active = ?
                      where id = ? and office_id = ?
                      """)
                  .params(
                      finalKind.name(),
                      finalGroup,
                      name,
                      slot,
                      seats,
                      days,
                      quota,
                      form.active(),
                      typeId,
                      officeId)
                  .update();
              LocalDate today = LocalDate.now(clock);
              jdbc.sql(
                      """
                      update appointment_slot set seats = greatest(booked, ?)
                      where type_id = ? and day > ?
                      """)
                  .params(seats, typeId, today)
                  .update();
              jdbc.sql(
                      """
                      update appointment_day set quota = greatest(booked, ?)
                      where type_id = ? and day > ?
                      """)
                  .params(quota == null ? 2000 : quota, typeId, today)
                  .update();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", name);
            details.put("kind", finalKind.name());
            details.put("slotMinutes", slot);
            details.put("seatsPerSlot", seats);
            details.put("daysAhead", days);
            details.put("dailyQuota", quota == null ? "" : quota);
            details.put("active", form.active());
            audit.record(
                officeId,
                id == null ? "appointment.type.created" : "appointment.type.updated",
                "appointment_type",
                typeId,
                details);
          });
    } catch (DuplicateKeyException e) {
      return Outcome.failed(new FieldErrors().reject("name", "appointments.type.error.nameTaken"));
    }
    return Outcome.done(typeId);
  }

  static UUID uuid(String text) {
    try {
      return text == null || text.isBlank() || text.length() > 40
          ? null
          : UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static AppointmentType type(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    int quota = rs.getInt("daily_quota");
    boolean noQuota = rs.wasNull();
    return new AppointmentType(
        rs.getObject("id", UUID.class),
        rs.getObject("office_id", UUID.class),
        AppointmentType.Kind.valueOf(rs.getString("kind")),
        rs.getObject("service_group_id", UUID.class),
        rs.getString("name"),
        rs.getInt("slot_minutes"),
        rs.getInt("seats_per_slot"),
        rs.getInt("days_ahead"),
        noQuota ? null : quota,
        rs.getBoolean("active"));
  }
}
