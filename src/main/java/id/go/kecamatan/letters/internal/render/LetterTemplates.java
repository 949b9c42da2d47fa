package id.go.kecamatan.letters.internal.render;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.FormDefinition;
import id.go.kecamatan.catalog.FormFields;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter templates of an office's services and its paper settings. A service uses the office's
 * own template when there is one, otherwise the default shipped for its code ({@code
 * letters/templates/<CODE>.html}, or {@code GENERIC.html} for any other service). Templates are
 * compiled once and kept: the shipped ones for good, an office's own until its version changes.
 * Every query filters by the office.
 */
@Service
public class LetterTemplates {

  /** The shipped default for services without a template of their own code. */
  static final String GENERIC = "GENERIC";

  /** The longest letter title. */
  public static final int MAX_TITLE = 200;

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final FormFields forms;
  private final AuditTrail audit;
  private final Clock clock;
  private final ObjectProvider<LetterRenderer> renderer;
  private final Properties defaultTitles = new Properties();
  private final Map<String, Optional<String>> defaultBodies = new ConcurrentHashMap<>();
  private final Map<String, LetterTemplate> compiled = new ConcurrentHashMap<>();

  LetterTemplates(
      JdbcClient jdbc,
      Catalog catalog,
      FormFields forms,
      AuditTrail audit,
      Clock clock,
      ObjectProvider<LetterRenderer> renderer) {
    this.jdbc = jdbc;
    this.renderer = renderer; // the renderer reads templates from here: looked up when saving
    this.catalog = catalog;
    this.forms = forms;
    this.audit = audit;
    this.clock = clock;
    try (InputStream in = resource("titles.properties")) {
      defaultTitles.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A service's template as used for its letters.
   *
   * @param own whether it is the office's own (otherwise the shipped default)
   * @param version the own template's version, for saving; 0 for the default
   */
  public record Effective(String title, String body, boolean own, int version, Instant updatedAt) {}

  /** The template a service's letters use now. */
  public Effective effective(UUID officeId, ServiceType service) {
    return own(officeId, service.id())
        .orElseGet(
            () ->
                new Effective(defaultTitle(service), defaultBody(service.code()), false, 0, null));
  }

  /** Which services of the office have a template of their own. */
  public Set<UUID> servicesWithOwnTemplate(UUID officeId) {
    return Set.copyOf(
        jdbc.sql("select service_id from letter_template where office_id = ?")
            .param(officeId)
            .query(UUID.class)
            .list());
  }

  private Optional<Effective> own(UUID officeId, UUID serviceId) {
    return jdbc.sql(
            """
            select title, body, version, updated_at from letter_template
            where office_id = ? and service_id = ?
            """)
        .params(officeId, serviceId)
        .query(
            (rs, i) ->
                new Effective(
                    rs.getString(1),
                    rs.getString(2),
                    true,
                    rs.getInt(3),
                    rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /** The shipped title of a service's letter: by its code, else its name in capitals. */
  public String defaultTitle(ServiceType service) {
    String title = defaultTitles.getProperty(service.code().toUpperCase(Locale.ROOT));
    return title != null ? title : service.name().toUpperCase(Locale.forLanguageTag("id"));
  }

  /** The shipped body of a service code's letter, or the generic one. */
  public String defaultBody(String serviceCode) {
    String code = serviceCode.toUpperCase(Locale.ROOT);
    return defaultBodies
        .computeIfAbsent(code, LetterTemplates::read)
        .or(() -> defaultBodies.computeIfAbsent(GENERIC, LetterTemplates::read))
        .orElseThrow(() -> new IllegalStateException("The generic letter template is missing"));
  }

  /**
   * A body compiled for rendering; an unknown placeholder renders empty here (the form may have
   * changed since the template was saved). {@code null} when it does not compile at all.
   */
  LetterTemplate compiled(String body) {
    LetterTemplate template = compiled.get(body);
    if (template == null) {
      LetterTemplate.Compiled result = LetterTemplate.compile(body, name -> true);
      if (!result.ok()) {
        return null;
      }
      template = result.template();
      if (compiled.size() > 500) {
        compiled.clear(); // a simple bound: templates change rarely
      }
      compiled.put(body, template);
    }
    return template;
  }

  /** Checks a template body against the service's placeholders. */
  public LetterTemplate.Compiled check(FormDefinition form, String body) {
    return LetterTemplate.compile(body, Placeholders.known(form));
  }

  /**
   * Saves the office's own template of a service after checking it (the rules of {@link
   * LetterTemplate#compile}) and laying out a sample letter with it; the body's first problem is
   * reported on {@code body}, {@code letterTemplates.error.render} when no letter can be made.
   */
  @Transactional
  public Outcome<Effective> save(
      UUID officeId, UUID serviceId, String rawTitle, String body, Integer version) {
    ServiceType service = catalog.service(officeId, serviceId);
    FieldErrors errors = new FieldErrors();
    String title = FieldErrors.clean(rawTitle);
    errors.optionalText("title", title, MAX_TITLE);
    LetterTemplate.Compiled compiledBody = check(forms.definition(officeId, serviceId), body);
    if (!compiledBody.ok()) {
      LetterTemplate.Problem problem = compiledBody.problems().get(0);
      errors.reject("body", problem.key(), problem.args());
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    // a template is only kept if a letter can be made from it: never one that breaks letters
    if (!renderer.getObject().renders(officeId, serviceId, title, compiledBody.template())) {
      return Outcome.failed(errors.reject("body", "letterTemplates.error.render"));
    }
    Effective before = effective(officeId, service);
    Officer officer = CurrentOfficer.get().orElse(null);
    Timestamp now = Timestamp.from(clock.instant());
    int changed;
    if (before.own()) {
      changed =
          jdbc.sql(
                  """
                  update letter_template set title = ?, body = ?, updated_at = ?, updated_by = ?,
                    version = version + 1
                  where office_id = ? and service_id = ? and version = ?
                  """)
              .params(
                  title,
                  body,
                  now,
                  officer == null ? null : officer.staffId(),
                  officeId,
                  serviceId,
                  version == null ? before.version() : version)
              .update();
    } else {
      changed =
          jdbc.sql(
                  """
                  insert into letter_template
                    (office_id, service_id, title, body, updated_at, updated_by, version)
                  values (?, ?, ?, ?, ?, ?, 0) on conflict do nothing
                  """)
              .params(
                  officeId, serviceId, title, body, now, officer == null ? null : officer.staffId())
              .update();
    }
    if (changed == 0) {
      return Outcome.failed(new FieldErrors().reject("version", "error.conflict"));
    }
    audit.record(
        officeId,
        "letter.template.saved",
        "service_type",
        serviceId,
        AuditTrail.changes(values(before), values(title, body)));
    return Outcome.done(effective(officeId, service));
  }

  /** Deletes the office's own template: the service uses the shipped default again. */
  @Transactional
  public void reset(UUID officeId, UUID serviceId) {
    ServiceType service = catalog.service(officeId, serviceId);
    Optional<Effective> before = own(officeId, serviceId);
    if (before.isEmpty()) {
      return;
    }
    jdbc.sql("delete from letter_template where office_id = ? and service_id = ?")
        .params(officeId, serviceId)
        .update();
    audit.record(
        officeId,
        "letter.template.reset",
        "service_type",
        serviceId,
        AuditTrail.changes(
            values(before.get()), values(defaultTitle(service), defaultBody(service.code()))));
  }

  private static Map<String, Object> values(Effective template) {
    return values(template.own() ? template.title() : null, template.body());
  }

  private static Map<String, Object> values(String title, String body) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", title);
    values.put("body", body);
    return values;
  }

  // ---- settings -------------------------------------------------------------------------------

  /** The office's paper and font; the defaults when never set. */
  public LetterSettings settings(UUID officeId) {
    return jdbc.sql("select paper_size, font, version from letter_settings where office_id = ?")
        .param(officeId)
        .query(
            (rs, i) ->
                new LetterSettings(
                    PaperSize.valueOf(rs.getString(1)),
                    LetterFont.valueOf(rs.getString(2)),
                    rs.getInt(3)))
        .optional()
        .orElse(LetterSettings.DEFAULT);
  }

  /** Saves the paper and font; unknown values are refused. */
  @Transactional
  public FieldErrors saveSettings(UUID officeId, String paper, String font) {
    FieldErrors errors = new FieldErrors();
    PaperSize paperSize = parse(PaperSize.class, paper);
    LetterFont letterFont = parse(LetterFont.class, font);
    if (paperSize == null) {
      errors.reject("paper", "letterTemplates.error.paper");
    }
    if (letterFont == null) {
      errors.reject("font", "letterTemplates.error.font");
    }
    if (errors.any()) {
      return errors;
    }
    LetterSettings before = settings(officeId);
    jdbc.sql(
            """
            insert into letter_settings (office_id, paper_size, font, updated_at) values (?, ?, ?, ?)
            on conflict (office_id) do update set paper_size = excluded.paper_size,
              font = excluded.font, updated_at = excluded.updated_at,
              version = letter_settings.version + 1
            """)
        .params(officeId, paperSize.name(), letterFont.name(), Timestamp.from(clock.instant()))
        .update();
    audit.record(
        officeId,
        "letter.settings.updated",
        "office",
        officeId,
        AuditTrail.changes(
            Map.of("paper", before.paper().name(), "font", before.font().name()),
            Map.of("paper", paperSize.name(), "font", letterFont.name())));
    return errors;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    return null;
  }

  /** The shipped template of a service code, if there is one. */
  static Optional<String> read(String code) {
    if (!code.matches("[A-Z0-9-]{1,20}")) {
      return Optional.empty();
    }
    try (InputStream in = resource(code + ".html")) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    return LetterTemplates.class.getResourceAsStream("/letters/templates/" + name);
  }

  /** A service of the office; {@code NotFoundException} for another office's. */
  public ServiceType service(UUID officeId, UUID serviceId) {
    return catalog.service(officeId, serviceId);
  }

  /** The services whose letters an office can edit: all of them, in catalogue order. */
  public List<ServiceType> services(UUID officeId) {
    return catalog.allServices(officeId);
  }
}
