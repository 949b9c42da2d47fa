package id.go.kecamatan.catalog;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.db.TableChanges;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalogue of every office. Every method takes the office id and filters by it: a
 * service of another office is reported as not found.
 */
@Service
public class Catalog {

  private static final String COLUMNS =
      """
      id, office_id, code, name, category, description, procedure_steps, completion_days, cost,
      product, complaint_channel, legal_basis, facilities, competence, supervision, staff_count,
      service_guarantee, security_guarantee, performance_evaluation, classification_code,
      channel_online, channel_counter, channel_village, second_check, active, position, version
      """;

  /** The tables of the catalogue the public site keeps in memory ({@link TableChanges}). */
  private static final String[] CATALOGUE = {"service_type", "requirement"};

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TableChanges changes;

  Catalog(JdbcClient jdbc, AuditTrail audit, TableChanges changes) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.changes = changes;
  }

  // ---- reading --------------------------------------------------------------------------------

  /**
   * The active services of an office whose name, code or description contains the query (any case);
   * all active services when the query is empty. Requirements are included.
   */
  public List<ServiceType> activeServices(UUID officeId, String query) {
    String q = query == null ? "" : query.strip();
    List<ServiceType> services =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from service_type where office_id = :office and active"
                    + " and (:q = '' or name ilike :like escape '\\' or code ilike :like escape '\\'"
                    + " or description ilike :like escape '\\') order by position, name")
            .param("office", officeId)
            .param("q", q)
            .param(
                "like", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
            .query(Catalog::service)
            .list();
    return withRequirements(services);
  }

  /** An active service by its code, as shown to the public. */
  public Optional<ServiceType> activeService(UUID officeId, String code) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from service_type where office_id = ? and lower(code) = lower(?) and active")
        .params(officeId, code)
        .query(Catalog::service)
        .optional()
        .map(s -> s.withRequirements(requirements(s.id())));
  }

  /** Every service of an office, active or not, for its administrators. */
  public List<ServiceType> allServices(UUID officeId) {
    return withRequirements(
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from service_type where office_id = ? order by position, name")
            .param(officeId)
            .query(Catalog::service)
            .list());
  }

  /** A service of this office; {@link NotFoundException} for an unknown id or another office's. */
  public ServiceType service(UUID officeId, UUID serviceId) {
    return jdbc.sql("select " + COLUMNS + " from service_type where office_id = ? and id = ?")
        .params(officeId, serviceId)
        .query(Catalog::service)
        .optional()
        .map(s -> s.withRequirements(requirements(s.id())))
        .orElseThrow(NotFoundException::new);
  }

  /**
   * The name of a service of this office, without its requirements (for a message that names it);
   * {@link NotFoundException} for an unknown id or another office's.
   */
  public String serviceName(UUID officeId, UUID serviceId) {
    return jdbc.sql("select name from service_type where office_id = ? and id = ?")
        .params(officeId, serviceId)
        .query(String.class)
        .optional()
        .orElseThrow(NotFoundException::new);
  }

  private List<Requirement> requirements(UUID serviceId) {
    return jdbc.sql(
            "select id, position, name, description, required from requirement where service_type_id = ? order by position")
        .param(serviceId)
        .query(Catalog::requirement)
        .list();
  }

  private List<ServiceType> withRequirements(List<ServiceType> services) {
    if (services.isEmpty()) {
      return services;
    }
    Map<UUID, List<Requirement>> byService = new HashMap<>();
    jdbc.sql(
            "select service_type_id, id, position, name, description, required from requirement"
                + " where service_type_id = any(:ids) order by position")
        .param("ids", services.stream().map(ServiceType::id).toArray(UUID[]::new))
        .query(
            rs -> {
              byService
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new Requirement(
                          rs.getObject(2, UUID.class),
                          rs.getInt(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getBoolean(6)));
            });
    return services.stream()
        .map(s -> s.withRequirements(byService.getOrDefault(s.id(), List.of())))
        .toList();
  }

  // ---- changing -------------------------------------------------------------------------------

  @Transactional
  public Outcome<ServiceType> create(UUID officeId, ServiceForm form) {
    FieldErrors errors = form.validate();
    if (!errors.has("code") && codeTaken(officeId, form.code().strip(), null)) {
      errors.reject("code", "catalog.error.codeTaken");
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    UUID id = UUID.randomUUID();
    Map<String, Object> v = form.values();
    int position =
        jdbc.sql("select coalesce(max(position), 0) + 1 from service_type where office_id = ?")
            .param(officeId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            insert into service_type (id, office_id, position, code, name, category, description,
              procedure_steps, completion_days, cost, product, complaint_channel, legal_basis,
              facilities, competence, supervision, staff_count, service_guarantee,
              security_guarantee, performance_evaluation, classification_code, channel_online,
              channel_counter, channel_village, second_check)
            values (:id, :office, :position, :code, :name, :category, :description, :steps,
              :completionDays, :cost, :product, :complaintChannel, :legalBasis, :facilities,
              :competence, :supervision, :staffCount, :serviceGuarantee, :securityGuarantee,
              :performanceEvaluation, :classificationCode, :online, :counter, :village,
              :secondCheck)
            """)
        .param("id", id)
        .param("office", officeId)
        .param("position", position)
        .params(named(v))
        .update();
    audit.record(officeId, "service.created", "service_type", id, v);
    changes.changed(CATALOGUE);
    return Outcome.done(service(officeId, id));
  }

  @Transactional
  public Outcome<ServiceType> update(UUID officeId, UUID serviceId, ServiceForm form) {
    ServiceType before = service(officeId, serviceId);
    FieldErrors errors = form.validate();
    if (!errors.has("code") && codeTaken(officeId, form.code().strip(), serviceId)) {
      errors.reject("code", "catalog.error.codeTaken");
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    Map<String, Object> v = form.values();
    int updated =
        jdbc.sql(
                """
                update service_type set code = :code, name = :name, category = :category,
                  description = :description, procedure_steps = :steps,
                  completion_days = :completionDays, cost = :cost, product = :product,
                  complaint_channel = :complaintChannel, legal_basis = :legalBasis,
                  facilities = :facilities, competence = :competence, supervision = :supervision,
                  staff_count = :staffCount, service_guarantee = :serviceGuarantee,
                  security_guarantee = :securityGuarantee,
                  performance_evaluation = :performanceEvaluation,
                  classification_code = :classificationCode, channel_online = :online,
                  channel_counter = :counter, channel_village = :village,
                  second_check = :secondCheck, version = version + 1, updated_at = now()
                where id = :id and office_id = :office and version = :version
                """)
            .param("id", serviceId)
            .param("office", officeId)
            .param("version", form.version() == null ? before.version() : form.version())
            .params(named(v))
            .update();
    if (updated == 0) {
      return Outcome.failed(new FieldErrors().reject("version", "error.conflict"));
    }
    changes.changed(CATALOGUE);
    audit.record(
        officeId,
        "service.updated",
        "service_type",
        serviceId,
        AuditTrail.changes(ServiceForm.of(before).values(), v));
    return Outcome.done(service(officeId, serviceId));
  }

  /** Activates or deactivates a service; a deactivated one disappears from the public site. */
  @Transactional
  public void setActive(UUID officeId, UUID serviceId, boolean active) {
    ServiceType before = service(officeId, serviceId);
    if (before.active() == active) {
      return;
    }
    jdbc.sql(
            "update service_type set active = ?, version = version + 1, updated_at = now() where id = ? and office_id = ?")
        .params(active, serviceId, officeId)
        .update();
    changes.changed(CATALOGUE);
    audit.record(
        officeId,
        active ? "service.activated" : "service.deactivated",
        "service_type",
        serviceId,
        Map.of("code", before.code()));
  }

  @Transactional
  public Outcome<Requirement> addRequirement(UUID officeId, UUID serviceId, RequirementForm form) {
    ServiceType service = service(officeId, serviceId);
    FieldErrors errors = form.validate();
    if (!errors.any() && service.requirements().size() >= 40) {
      errors.reject("reqName", "catalog.error.tooManyRequirements", 40);
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    UUID id = UUID.randomUUID();
    int position =
        service.requirements().stream().mapToInt(Requirement::position).max().orElse(0) + 1;
    jdbc.sql(
            "insert into requirement (id, office_id, service_type_id, position, name, description, required) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            officeId,
            serviceId,
            position,
            form.name().strip(),
            FieldErrors.clean(form.description()),
            form.required())
        .update();
    touch(serviceId);
    audit.record(
        officeId,
        "requirement.added",
        "service_type",
        serviceId,
        requirementValues(
            form.name().strip(), FieldErrors.clean(form.description()), form.required()));
    return Outcome.done(
        new Requirement(
            id,
            position,
            form.name().strip(),
            FieldErrors.clean(form.description()),
            form.required()));
  }

  @Transactional
  public Outcome<Requirement> updateRequirement(
      UUID officeId, UUID serviceId, UUID requirementId, RequirementForm form) {
    Requirement before = requirement(officeId, serviceId, requirementId);
    FieldErrors errors = form.validate();
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    jdbc.sql(
            "update requirement set name = ?, description = ?, required = ? where id = ? and office_id = ?")
        .params(
            form.name().strip(),
            FieldErrors.clean(form.description()),
            form.required(),
            requirementId,
            officeId)
        .update();
    touch(serviceId);
    audit.record(
        officeId,
        "requirement.updated",
        "service_type",
        serviceId,
        AuditTrail.changes(
            requirementValues(before.name(), before.description(), before.required()),
            requirementValues(
                form.name().strip(), FieldErrors.clean(form.description()), form.required())));
    return Outcome.done(
        new Requirement(
            requirementId,
            before.position(),
            form.name().strip(),
            FieldErrors.clean(form.description()),
            form.required()));
  }

  /** Moves a requirement one place up ({@code -1}) or down ({@code +1}). */
  @Transactional
  public void moveRequirement(UUID officeId, UUID serviceId, UUID requirementId, int direction) {
    List<Requirement> list = new ArrayList<>(service(officeId, serviceId).requirements());
    int index = -1;
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id().equals(requirementId)) {
        index = i;
      }
    }
    if (index < 0) {
      throw new NotFoundException();
    }
    int target = index + Integer.signum(direction);
    if (target < 0 || target >= list.size()) {
      return;
    }
    Requirement moved = list.remove(index);
    list.add(target, moved);
    for (int i = 0; i < list.size(); i++) {
      jdbc.sql("update requirement set position = ? where id = ? and office_id = ?")
          .params(i + 1, list.get(i).id(), officeId)
          .update();
    }
    touch(serviceId);
    audit.record(
        officeId,
        "requirement.moved",
        "service_type",
        serviceId,
        Map.of("requirement", moved.name(), "from", index + 1, "to", target + 1));
  }

  @Transactional
  public void deleteRequirement(UUID officeId, UUID serviceId, UUID requirementId) {
    Requirement before = requirement(officeId, serviceId, requirementId);
    jdbc.sql("delete from requirement where id = ? and office_id = ?")
        .params(requirementId, officeId)
        .update();
    touch(serviceId);
    audit.record(
        officeId,
        "requirement.removed",
        "service_type",
        serviceId,
        requirementValues(before.name(), before.description(), before.required()));
  }

  public Requirement requirement(UUID officeId, UUID serviceId, UUID requirementId) {
    return jdbc.sql(
            "select id, position, name, description, required from requirement where id = ? and service_type_id = ? and office_id = ?")
        .params(requirementId, serviceId, officeId)
        .query(Catalog::requirement)
        .optional()
        .orElseThrow(NotFoundException::new);
  }

  private void touch(UUID serviceId) {
    jdbc.sql("update service_type set version = version + 1, updated_at = now() where id = ?")
        .param(serviceId)
        .update();
    changes.changed(CATALOGUE);
  }

  private boolean codeTaken(UUID officeId, String code, UUID except) {
    return jdbc.sql(
                "select count(*) from service_type where office_id = ? and lower(code) = lower(?) and id is distinct from ?")
            .params(officeId, code, except)
            .query(Long.class)
            .single()
        > 0;
  }

  private static Map<String, Object> requirementValues(
      String name, String description, boolean required) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("description", description);
    v.put("required", required);
    return v;
  }

  private static Map<String, Object> named(Map<String, Object> v) {
    Map<String, Object> params = new HashMap<>(v);
    @SuppressWarnings("unchecked")
    List<String> steps = (List<String>) v.get("procedureSteps");
    params.remove("procedureSteps");
    params.put("steps", steps.toArray(String[]::new));
    return params;
  }

  private static Requirement requirement(ResultSet rs, int row) throws SQLException {
    return new Requirement(
        rs.getObject(1, UUID.class),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getBoolean(5));
  }

  private static ServiceType service(ResultSet rs, int row) throws SQLException {
    Array steps = rs.getArray("procedure_steps");
    return new ServiceType(
        rs.getObject("id", UUID.class),
        rs.getObject("office_id", UUID.class),
        rs.getString("code"),
        rs.getString("name"),
        ServiceType.Category.valueOf(rs.getString("category")),
        rs.getString("description"),
        steps == null ? List.of() : Arrays.asList((String[]) steps.getArray()),
        rs.getInt("completion_days"),
        rs.getLong("cost"),
        rs.getString("product"),
        rs.getString("complaint_channel"),
        rs.getString("legal_basis"),
        rs.getString("facilities"),
        rs.getString("competence"),
        rs.getString("supervision"),
        rs.getString("staff_count"),
        rs.getString("service_guarantee"),
        rs.getString("security_guarantee"),
        rs.getString("performance_evaluation"),
        rs.getString("classification_code"),
        rs.getBoolean("channel_online"),
        rs.getBoolean("channel_counter"),
        rs.getBoolean("channel_village"),
        rs.getString("second_check") == null ? null : Role.valueOf(rs.getString("second_check")),
        rs.getBoolean("active"),
        rs.getInt("position"),
        rs.getInt("version"),
        List.of());
  }
}
