package id.go.kecamatan.counter;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The counters (loket) of an office and the service groups each serves. */
@Service
public class Desks {

  /** A counter: "Loket 2", the groups it calls from. */
  public record Desk(UUID id, int number, String name, boolean active, Set<UUID> groupIds) {

    public String title() {
      return name;
    }
  }

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Desks(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Every counter of the office, by number. */
  public List<Desk> of(UUID officeId) {
    Map<UUID, Set<UUID>> groups = new LinkedHashMap<>();
    jdbc.sql(
            """
            select dg.desk_id, dg.group_id from service_desk_group dg
            join service_desk d on d.id = dg.desk_id where d.office_id = ?
            """)
        .param(officeId)
        .query(
            rs -> {
              groups
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                  .add(rs.getObject(2, UUID.class));
            });
    return jdbc.sql(
            "select id, number, name, active from service_desk where office_id = ? order by number")
        .param(officeId)
        .query(
            (rs, i) -> {
              UUID id = rs.getObject(1, UUID.class);
              return new Desk(
                  id,
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getBoolean(4),
                  Set.copyOf(groups.getOrDefault(id, Set.of())));
            })
        .list();
  }

  /** A counter of this office. */
  public Optional<Desk> get(UUID officeId, UUID deskId) {
    return of(officeId).stream().filter(d -> d.id().equals(deskId)).findFirst();
  }

  /**
   * Adds ({@code deskId} null) or changes a counter.
   *
   * @param groupIds the groups it serves: each must be a group of this office
   */
  @Transactional
  public Outcome<UUID> save(
      UUID officeId,
      UUID deskId,
      String rawNumber,
      String rawName,
      List<String> groupIds,
      String active) {
    FieldErrors errors = new FieldErrors();
    Integer number = errors.integer("number", rawNumber, 1, 99, true);
    String name = FieldErrors.clean(rawName);
    errors.text("name", name, 60);
    Set<UUID> groups = new LinkedHashSet<>();
    Set<UUID> ofOffice =
        Set.copyOf(
            jdbc.sql("select id from service_group where office_id = ?")
                .param(officeId)
                .query(UUID.class)
                .list());
    for (String raw : groupIds == null ? List.<String>of() : groupIds) {
      try {
        UUID id = UUID.fromString(raw);
        if (!ofOffice.contains(id)) {
          errors.reject("groups", "counter.error.groups");
        }
        groups.add(id);
      } catch (IllegalArgumentException e) {
        errors.reject("groups", "counter.error.groups");
      }
    }
    if (groups.isEmpty()) {
      errors.reject("groups", "counter.error.groupsRequired");
    }
    if (number != null
        && jdbc.sql(
                    "select count(*) from service_desk where office_id = ? and number = ? and id is distinct from ?")
                .params(officeId, number, deskId)
                .query(Long.class)
                .single()
            > 0) {
      errors.reject("number", "counter.error.deskTaken");
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    boolean isActive = !"false".equals(active);
    UUID id = deskId;
    if (id == null) {
      id = UUID.randomUUID();
      jdbc.sql(
              "insert into service_desk (id, office_id, number, name, active) values (?, ?, ?, ?, ?)")
          .params(id, officeId, number, name, isActive)
          .update();
    } else if (jdbc.sql(
                "update service_desk set number = ?, name = ?, active = ?, version = version + 1 where id = ? and office_id = ?")
            .params(number, name, isActive, id, officeId)
            .update()
        == 0) {
      throw new NotFoundException();
    }
    jdbc.sql("delete from service_desk_group where desk_id = ?").param(id).update();
    for (UUID group : groups) {
      jdbc.sql("insert into service_desk_group (desk_id, group_id) values (?, ?)")
          .params(id, group)
          .update();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("number", number);
    details.put("name", name);
    details.put("groups", new ArrayList<>(groups).stream().map(UUID::toString).toList());
    details.put("active", isActive);
    audit.record(
        officeId,
        deskId == null ? "counter.desk.added" : "counter.desk.updated",
        "service_desk",
        id,
        details);
    return Outcome.done(id);
  }
}
