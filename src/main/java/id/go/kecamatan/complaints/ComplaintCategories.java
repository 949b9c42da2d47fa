package id.go.kecamatan.complaints;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint categories of each office (two levels), kept by its administrator: name, what the
 * reporter can expect, the responsible role or officer, the handling tier and whether it is
 * offered.
 */
@Service
public class ComplaintCategories {

  private static final String COLUMNS =
      "id, office_id, parent_id, name, expectation, responsible_role, responsible_staff_id,"
          + " tier_days, active, position";

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ComplaintCategories(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The form of a category, as typed. */
  public record Form(
      String parentId,
      String name,
      String expectation,
      String responsibleRole,
      String responsibleStaffId,
      String tierDays,
      boolean active,
      String position) {

    public static Form of(Category c) {
      return new Form(
          c.parentId() == null ? "" : c.parentId().toString(),
          c.name(),
          c.expectation(),
          c.responsibleRole() == null ? "" : c.responsibleRole(),
          c.responsibleStaffId() == null ? "" : c.responsibleStaffId().toString(),
          String.valueOf(c.tierDays()),
          c.active(),
          String.valueOf(c.position()));
    }

    public static Form blank() {
      return new Form("", "", "", "", "", "5", true, "0");
    }
  }

  /** Every category of the office, each top category followed by its subcategories. */
  public List<Category> all(UUID officeId) {
    List<Category> all =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from complaint_category where office_id = ? order by position, lower(name)")
            .param(officeId)
            .query(ComplaintCategories::category)
            .list();
    return treeOrder(all);
  }

  /** The categories a reporter may choose: active, under an active parent. */
  public List<Category> offered(UUID officeId) {
    List<Category> all = all(officeId);
    Map<UUID, Boolean> topActive = new LinkedHashMap<>();
    all.stream().filter(Category::top).forEach(c -> topActive.put(c.id(), c.active()));
    return all.stream()
        .filter(c -> c.active() && (c.top() || topActive.getOrDefault(c.parentId(), false)))
        .toList();
  }

  public Optional<Category> get(UUID officeId, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from complaint_category where office_id = ? and id = ?")
        .params(officeId, id)
        .query(ComplaintCategories::category)
        .optional();
  }

  /** Adds a category, or says what is wrong with the form. */
  @Transactional
  public Outcome<Category> create(UUID officeId, Form form) {
    return save(officeId, null, form);
  }

  /** Changes a category of the office; empty when it is not the office's. */
  @Transactional
  public Optional<Outcome<Category>> update(UUID officeId, UUID id, Form form) {
    Optional<Category> before = get(officeId, id);
    return before.map(c -> save(officeId, c, form));
  }

  private Outcome<Category> save(UUID officeId, Category before, Form form) {
    FieldErrors errors = new FieldErrors();
    String name = FieldErrors.clean(form.name());
    errors.text("name", name, 120);
    String expectation = FieldErrors.clean(form.expectation());
    errors.optionalText("expectation", expectation, 500);
    UUID parent = null;
    if (form.parentId() != null && !form.parentId().isBlank()) {
      parent = uuid(form.parentId());
      Optional<Category> p = parent == null ? Optional.empty() : get(officeId, parent);
      if (p.isEmpty() || !p.get().top() || (before != null && p.get().id().equals(before.id()))) {
        errors.reject("parentId", "complaints.category.error.parent");
      } else if (before != null && hasChildren(officeId, before.id())) {
        errors.reject("parentId", "complaints.category.error.hasChildren");
      }
    }
    String role = form.responsibleRole() == null ? "" : form.responsibleRole().strip();
    if (!role.isEmpty()) {
      try {
        Role r = Role.valueOf(role);
        if (r == Role.REGENCY_ADMIN) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException e) {
        errors.reject("responsibleRole", "complaints.category.error.role");
      }
    }
    UUID staff = null;
    if (form.responsibleStaffId() != null && !form.responsibleStaffId().isBlank()) {
      staff = uuid(form.responsibleStaffId());
      boolean ours =
          staff != null
              && jdbc.sql("select count(*) from staff where id = ? and office_id = ? and active")
                      .params(staff, officeId)
                      .query(Long.class)
                      .single()
                  > 0;
      if (!ours) {
        errors.reject("responsibleStaffId", "complaints.category.error.staff");
      }
    }
    Integer tier = errors.integer("tierDays", form.tierDays(), 1, 60, true);
    Integer position = errors.integer("position", form.position(), 0, 999, false);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    UUID id = before == null ? UUID.randomUUID() : before.id();
    try {
      if (before == null) {
        jdbc.sql(
                "insert into complaint_category ("
                    + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                id,
                officeId,
                parent,
                name,
                expectation == null ? "" : expectation,
                role.isEmpty() ? null : role,
                staff,
                tier,
                form.active(),
                position == null ? 0 : position)
            .update();
      } else {
        jdbc.sql(
                """
                update complaint_category set parent_id = ?, name = ?, expectation = ?,
                  responsible_role = ?, responsible_staff_id = ?, tier_days = ?, active = ?,
                  position = ?
                where id = ? and office_id = ?
                """)
            .params(
                parent,
                name,
                expectation == null ? "" : expectation,
                role.isEmpty() ? null : role,
                staff,
                tier,
                form.active(),
                position == null ? 0 : position,
                id,
                officeId)
            .update();
      }
    } catch (DuplicateKeyException e) {
      return Outcome.failed(errors.reject("name", "complaints.category.error.exists"));
    }
    Category saved = get(officeId, id).orElseThrow();
    Map<String, Object> after = describe(saved);
    audit.record(
        officeId,
        before == null ? "complaint.category.created" : "complaint.category.updated",
        "complaint_category",
        id,
        before == null ? after : AuditTrail.changes(describe(before), after));
    return Outcome.done(saved);
  }

  private boolean hasChildren(UUID officeId, UUID id) {
    return jdbc.sql("select count(*) from complaint_category where office_id = ? and parent_id = ?")
            .params(officeId, id)
            .query(Long.class)
            .single()
        > 0;
  }

  private static Map<String, Object> describe(Category c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("parent", c.parentId() == null ? null : c.parentId().toString());
    m.put("name", c.name());
    m.put("expectation", c.expectation());
    m.put("role", c.responsibleRole());
    m.put("staff", c.responsibleStaffId() == null ? null : c.responsibleStaffId().toString());
    m.put("tierDays", c.tierDays());
    m.put("active", c.active());
    m.put("position", c.position());
    return m;
  }

  static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static List<Category> treeOrder(List<Category> all) {
    List<Category> ordered = new java.util.ArrayList<>();
    for (Category top : all) {
      if (top.top()) {
        ordered.add(top);
        all.stream().filter(c -> top.id().equals(c.parentId())).forEach(ordered::add);
      }
    }
    return ordered;
  }

  private static Category category(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Category(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getObject(7, UUID.class),
        rs.getInt(8),
        rs.getBoolean(9),
        rs.getInt(10));
  }
}
