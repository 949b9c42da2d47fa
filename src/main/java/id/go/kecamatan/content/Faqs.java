package id.go.kecamatan.content;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Frequently asked questions (tanya jawab) of the offices and their regencies. An office's pages
 * show its own items and its regency's, except the regency items it hid or adapted (its own copy
 * stands in for those). Questions are general or about one service (by the service's code).
 * Searched with PostgreSQL full-text search (the simple configuration, as the complaints' words).
 * Office administrators write their office's items, regency administrators their regency's; every
 * query filters by the office or the regency, so another's item is not found. Texts are plain, and
 * links to other sites are refused as in announcements. Every change is audited.
 */
@Service
public class Faqs {

  public static final int MAX_QUESTION = 200;
  public static final int MAX_ANSWER = 3_000;

  /** The longest search text taken. */
  public static final int MAX_QUERY = 100;

  private static final String COLUMNS =
      "f.id, f.regency_id, f.office_id, f.service_code, f.question, f.answer, f.adapts_id,"
          + " f.updated_at, f.updated_by, f.version";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Catalog catalog;
  private final Offices offices;
  private final Clock clock;

  Faqs(JdbcClient jdbc, AuditTrail audit, Catalog catalog, Offices offices, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.catalog = catalog;
    this.offices = offices;
    this.clock = clock;
  }

  /** What an administrator types; {@code adaptsId} when an office adapts a regency item. */
  public record Form(
      String serviceCode, String question, String answer, UUID adaptsId, int version) {

    public static Form empty() {
      return new Form("", "", "", null, 0);
    }

    public static Form of(FaqItem item) {
      return new Form(
          item.serviceCode() == null ? "" : item.serviceCode(),
          item.question(),
          item.answer(),
          item.adaptsId(),
          item.version());
    }

    /** An office's copy of a regency item, to adapt. */
    public static Form adapting(FaqItem regencyItem) {
      return new Form(
          regencyItem.serviceCode() == null ? "" : regencyItem.serviceCode(),
          regencyItem.question(),
          regencyItem.answer(),
          regencyItem.id(),
          0);
    }
  }

  /** The outcome of {@link #save}: the item's id, or the errors. */
  public record Saved(UUID id, FieldErrors errors) {}

  // ---- public pages ----

  /**
   * The items an office's pages show: its own, and its regency's that it neither hid nor adapted;
   * general ones first, then by service, oldest first.
   *
   * @param serviceCode only this service's items, or null for all
   * @param query words to search the questions and answers for, or null or blank for all
   */
  public List<FaqItem> published(UUID regencyId, UUID officeId, String serviceCode, String query) {
    String words = query(query);
    StringBuilder sql =
        new StringBuilder("select ")
            .append(COLUMNS)
            .append(
                """
                , false as hidden from faq_item f
                where f.regency_id = :regency
                  and (f.office_id = :office or (f.office_id is null
                    and not exists (select 1 from faq_hidden h
                                     where h.office_id = :office and h.faq_item_id = f.id)
                    and not exists (select 1 from faq_item c
                                     where c.office_id = :office and c.adapts_id = f.id)))
                """);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("regency", regencyId);
    params.put("office", officeId);
    if (serviceCode != null) {
      sql.append(" and f.service_code = :code");
      params.put("code", serviceCode);
    }
    if (words != null) {
      sql.append(
          " and to_tsvector('simple', f.question || ' ' || f.answer)"
              + " @@ plainto_tsquery('simple', :words)");
      params.put("words", words);
    }
    sql.append(" order by f.service_code nulls first, f.created_at, f.id");
    return jdbc.sql(sql.toString()).params(params).query(Faqs::row).list();
  }

  /** A search text as taken: trimmed, cut to {@value #MAX_QUERY} characters; null when empty. */
  public static String query(String query) {
    String q = FieldErrors.clean(query);
    if (q == null) {
      return null;
    }
    q = q.replaceAll("\\p{Cntrl}", " ").strip();
    if (q.length() > MAX_QUERY) {
      q = q.substring(0, MAX_QUERY);
    }
    return q.isEmpty() ? null : q;
  }

  // ---- administration ----

  /**
   * An office administrator's view: the office's own items, and the regency's with whether this
   * office hides them (an adapted one shows as the office's copy, whose {@code adaptsId} names it).
   */
  public List<FaqItem> ofOffice(UUID regencyId, UUID officeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + """
                , exists (select 1 from faq_hidden h where h.office_id = :office
                           and h.faq_item_id = f.id) as hidden
                 from faq_item f
                where f.regency_id = :regency and (f.office_id = :office or f.office_id is null)
                order by f.office_id nulls first, f.service_code nulls first, f.created_at, f.id
                """)
        .param("regency", regencyId)
        .param("office", officeId)
        .query(Faqs::row)
        .list();
  }

  /** A regency administrator's view: the regency's own items. */
  public List<FaqItem> ofRegency(UUID regencyId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", false as hidden from faq_item f where f.regency_id = ? and f.office_id is null"
                + " order by f.service_code nulls first, f.created_at, f.id")
        .params(regencyId)
        .query(Faqs::row)
        .list();
  }

  /** One of the scope's own items (an office's, or the regency's when {@code officeId} is null). */
  public Optional<FaqItem> find(UUID regencyId, UUID officeId, UUID id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", false as hidden from faq_item f where f.id = ? and f.regency_id = ?"
                + " and f.office_id is not distinct from ?")
        .params(id, regencyId, officeId)
        .query(Faqs::row)
        .optional();
  }

  /**
   * The services a scope's items may be about, by code with their names: an office's services, or
   * those of all of a regency's offices (the first name met for a code).
   */
  public Map<String, String> services(UUID regencyId, UUID officeId) {
    Map<String, String> codes = new TreeMap<>();
    List<UUID> officeIds =
        officeId != null
            ? List.of(officeId)
            : offices.officesOf(regencyId).stream().map(Office::id).toList();
    for (UUID id : officeIds) {
      for (ServiceType s : catalog.allServices(id)) {
        codes.putIfAbsent(s.code(), s.name());
      }
    }
    return codes;
  }

  /**
   * Saves a new item ({@code id} null) or a change to one of the scope's own; refused, with nothing
   * saved, when a text is missing, too long, holds markup, control characters or a link to another
   * site, the service is not the scope's, the adapted item is not the regency's or already adapted,
   * or someone saved it in between.
   */
  @Transactional
  public Saved save(UUID regencyId, UUID officeId, UUID id, Form form) {
    FieldErrors errors = new FieldErrors();
    String question = FieldErrors.clean(form.question());
    String answer = lines(form.answer());
    String code = FieldErrors.clean(form.serviceCode());
    errors.text("question", question, MAX_QUESTION);
    link(errors, "question", question);
    errors.text("answer", answer, MAX_ANSWER);
    link(errors, "answer", answer);
    if (code != null && !services(regencyId, officeId).containsKey(code)) {
      errors.reject("serviceCode", "outreach.faq.error.service");
    }
    FaqItem before = null;
    UUID adapts = null;
    if (id != null) {
      before = find(regencyId, officeId, id).orElseThrow(NotFoundException::new);
      adapts = before.adaptsId();
      if (before.version() != form.version()) {
        errors.reject("question", "outreach.faq.error.changed");
      }
    } else if (form.adaptsId() != null) {
      if (officeId == null || find(regencyId, null, form.adaptsId()).isEmpty()) {
        throw new NotFoundException();
      }
      adapts = form.adaptsId();
      Integer existing =
          jdbc.sql("select count(*) from faq_item where office_id = ? and adapts_id = ?")
              .params(officeId, adapts)
              .query(Integer.class)
              .single();
      if (existing > 0) {
        errors.reject("question", "outreach.faq.error.adapted");
      }
    }
    if (errors.any()) {
      return new Saved(null, errors);
    }
    Officer officer = CurrentOfficer.require();
    Timestamp now = Timestamp.from(clock.instant());
    String by = officer.fullName() + " (" + officer.username() + ")";
    UUID saved = id == null ? UUID.randomUUID() : id;
    if (id == null) {
      jdbc.sql(
              """
              insert into faq_item (id, regency_id, office_id, service_code, question, answer,
                adapts_id, created_at, updated_at, updated_by)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(saved, regencyId, officeId, code, question, answer, adapts, now, now, by)
          .update();
    } else {
      int updated =
          jdbc.sql(
                  """
                  update faq_item set service_code = ?, question = ?, answer = ?, updated_at = ?,
                    updated_by = ?, version = version + 1
                  where id = ? and regency_id = ? and office_id is not distinct from ?
                    and version = ?
                  """)
              .params(code, question, answer, now, by, id, regencyId, officeId, form.version())
              .update();
      if (updated == 0) {
        return new Saved(null, new FieldErrors().reject("question", "outreach.faq.error.changed"));
      }
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("service_code", code);
    after.put("question", question);
    after.put("answer", answer);
    if (adapts != null) {
      after.put("adapts_id", adapts.toString());
    }
    audit.record(
        officeId,
        id == null ? "faq.created" : "faq.updated",
        "faq_item",
        saved,
        AuditTrail.changes(before == null ? Map.of() : values(before), after));
    return new Saved(saved, errors);
  }

  /**
   * Deletes one of the scope's own items; a regency item's office copies stay as the offices' own.
   * An office deleting its copy of a regency item shows the regency's again. Audited.
   */
  @Transactional
  public void delete(UUID regencyId, UUID officeId, UUID id) {
    FaqItem item = find(regencyId, officeId, id).orElseThrow(NotFoundException::new);
    jdbc.sql(
            "delete from faq_item where id = ? and regency_id = ? and office_id is not distinct"
                + " from ?")
        .params(id, regencyId, officeId)
        .update();
    audit.record(
        officeId, "faq.deleted", "faq_item", id, AuditTrail.changes(values(item), Map.of()));
  }

  /** An office hides its regency's item from its pages, or shows it again. Audited. */
  @Transactional
  public void hide(UUID regencyId, UUID officeId, UUID regencyItemId, boolean hidden) {
    Objects.requireNonNull(officeId);
    find(regencyId, null, regencyItemId).orElseThrow(NotFoundException::new);
    Officer officer = CurrentOfficer.require();
    if (hidden) {
      jdbc.sql(
              """
              insert into faq_hidden (office_id, faq_item_id, hidden_at, hidden_by)
              values (?, ?, ?, ?) on conflict do nothing
              """)
          .params(
              officeId,
              regencyItemId,
              Timestamp.from(clock.instant()),
              officer.fullName() + " (" + officer.username() + ")")
          .update();
    } else {
      jdbc.sql("delete from faq_hidden where office_id = ? and faq_item_id = ?")
          .params(officeId, regencyItemId)
          .update();
    }
    audit.record(
        officeId,
        hidden ? "faq.hidden" : "faq.shown",
        "faq_item",
        regencyItemId,
        AuditTrail.changes(Map.of("hidden", !hidden), Map.of("hidden", hidden)));
  }

  // ---- helpers ----

  private static Map<String, Object> values(FaqItem item) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("service_code", item.serviceCode());
    v.put("question", item.question());
    v.put("answer", item.answer());
    return v;
  }

  private static void link(FieldErrors errors, String field, String text) {
    if (text != null && !errors.has(field) && Announcements.hasLink(text)) {
      errors.reject(field, "outreach.announcements.error.link");
    }
  }

  private static String lines(String text) {
    String clean = FieldErrors.clean(text);
    return clean == null ? null : clean.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static FaqItem row(ResultSet rs, int i) throws SQLException {
    return new FaqItem(
        rs.getObject("id", UUID.class),
        rs.getObject("regency_id", UUID.class),
        rs.getObject("office_id", UUID.class),
        rs.getString("service_code"),
        rs.getString("question"),
        rs.getString("answer"),
        rs.getObject("adapts_id", UUID.class),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("updated_by"),
        rs.getInt("version"),
        rs.getBoolean("hidden"));
  }
}
