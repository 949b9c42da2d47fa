package id.go.kecamatan.casework;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks of an application's requirements (pemeriksaan persyaratan): one, or all of them at
 * once from the case page's one form. Each requirement is accepted, or rejected with a reason
 * picked from {@link Casework#REASONS} or written (a written one wins), or left as it is.
 *
 * <p>All or nothing: when any entry is invalid nothing is saved and every invalid requirement gets
 * its error on field {@code reason-<requirementId>}, naming the requirement. Only a check that
 * changes (another verdict, another reason) is recorded: one row of the append-only history, one
 * audit record, and the first check of a service with a second check is cleared.
 *
 * <p>Two officers at once: the form carries the version it was drawn from ({@link #version}: the
 * checks recorded and the application's status changes); when another officer recorded a check in
 * between, or the resident sent new files for a completion, or the form names a requirement the
 * administrator has since removed from the service, nothing is saved and {@link
 * OptimisticLockingFailureException} says so. The application row is locked while the checks are
 * written, so a check never interleaves with an approval reading them.
 */
@Service
public class RequirementChecks {

  /** Residents read the reasons in Indonesian, the language of the office. */
  private static final Locale RESIDENT_LOCALE = Locale.forLanguageTag("id");

  private final Casework casework;
  private final FirstChecks firstChecks;
  private final Catalog catalog;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final JdbcClient jdbc;
  private final java.time.Clock clock;

  RequirementChecks(
      Casework casework,
      FirstChecks firstChecks,
      Catalog catalog,
      AuditTrail audit,
      MessageSource messages,
      JdbcClient jdbc,
      java.time.Clock clock) {
    this.casework = casework;
    this.firstChecks = firstChecks;
    this.catalog = catalog;
    this.audit = audit;
    this.messages = messages;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * What the officer chose for one requirement.
   *
   * @param verdict {@code accept}, {@code reject}, or {@code null}/blank to leave it as it is
   */
  public record Entry(UUID requirementId, String verdict, String reasonKey, String reasonText) {}

  /**
   * The version of the checks a form is drawn from: how many checks were ever recorded plus the
   * application's version, which every change of status raises. A completion request and the
   * resident's new files (or a return from signing) record no check but change what a check is
   * about, so a form drawn before them is stale too.
   */
  public int version(CaseFile file) {
    Application application = file.application();
    return file.checks().size() + applicationVersion(application, false);
  }

  private int applicationVersion(Application application, boolean lock) {
    return jdbc.sql(
            "select version from application where office_id = ? and id = ?"
                + (lock ? " for update" : ""))
        .params(application.officeId(), application.id().value())
        .query(Integer.class)
        .single();
  }

  /**
   * Records the check of one requirement: {@link #record} with one entry and no version.
   *
   * @param verdict {@code accept} or {@code reject} (anything else is an error on {@code
   *     reason-<requirementId>})
   */
  public Outcome<Integer> check(
      Officer officer,
      ApplicationId id,
      UUID requirementId,
      String verdict,
      String reasonKey,
      String reasonText) {
    // here a verdict is what is asked for: none is an error, not "leave it"
    String given = verdict == null || verdict.isBlank() ? "?" : verdict;
    return record(
        officer, id, List.of(new Entry(requirementId, given, reasonKey, reasonText)), null, false);
  }

  /**
   * Records the checks of one form.
   *
   * @param entries the officer's choices; an entry for a requirement the service does not have is a
   *     {@link NotFoundException}, or with a version a stale form (the requirement was removed
   *     since the form was drawn)
   * @param version the {@link #version} the form was drawn from, or {@code null} not to compare
   * @param acceptRemaining also accept every requirement with files that has no check and no
   *     verdict given
   * @return how many checks changed, or the errors ({@code reason-<requirementId>}, {@code status})
   * @throws OptimisticLockingFailureException another officer recorded a check, the resident sent
   *     new files or the administrator removed a requirement since the form was drawn
   */
  @Transactional
  public Outcome<Integer> record(
      Officer officer,
      ApplicationId id,
      List<Entry> entries,
      Integer version,
      boolean acceptRemaining) {
    Casework.requireDecider(officer);
    Application application = casework.scoped(officer, id);
    List<Requirement> requirements =
        catalog.service(application.officeId(), application.serviceId()).requirements();
    Map<UUID, String> names = new LinkedHashMap<>();
    requirements.forEach(r -> names.put(r.id(), r.name()));
    for (Entry e : entries) {
      if (!names.containsKey(e.requirementId())) {
        if (version != null) {
          // the form names a requirement the service no longer has: drawn before an
          // administrator changed the requirements, it is stale like one drawn before a check
          throw new OptimisticLockingFailureException("The service's requirements changed");
        }
        throw new NotFoundException();
      }
    }
    FieldErrors errors = new FieldErrors();
    if (application.status() != ApplicationStatus.IN_REVIEW) {
      String field =
          entries.size() == 1 ? "reason-" + entries.get(0).requirementId() : "persyaratan";
      return Outcome.failed(errors.reject(field, "casework.error.notInReview"));
    }
    // first every entry, so that the officer sees all the errors at once and nothing is half saved
    Map<UUID, Verdict> wanted = new LinkedHashMap<>();
    for (Entry e : entries) {
      Verdict v = parse(e, names.get(e.requirementId()), errors);
      if (v != null) {
        wanted.put(e.requirementId(), v);
      }
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    // not while an approval or another officer's checks read or write them: the row lock
    // serialises them; the version then tells whether the form is still current
    int applicationVersion = applicationVersion(application, true);
    Map<UUID, Verdict> current = new HashMap<>();
    int recorded =
        jdbc.sql(
                """
                select requirement_id, accepted, reason from requirement_check
                where office_id = ? and application_id = ? order by id
                """)
            .params(application.officeId(), application.id().value())
            .query(
                (rs, i) -> {
                  current.put(
                      rs.getObject(1, UUID.class), new Verdict(rs.getBoolean(2), rs.getString(3)));
                  return 1;
                })
            .list()
            .size();
    if (version != null && version != recorded + applicationVersion) {
      throw new OptimisticLockingFailureException("The checks changed since the form was drawn");
    }
    if (acceptRemaining) {
      for (UUID requirement : names.keySet()) {
        // only what has files: a missing document is never accepted in passing
        if (!current.containsKey(requirement)
            && !wanted.containsKey(requirement)
            && !application.attachments().getOrDefault(requirement, List.of()).isEmpty()) {
          wanted.put(requirement, new Verdict(true, null));
        }
      }
    }
    int changed = 0;
    for (Map.Entry<UUID, Verdict> w : wanted.entrySet()) {
      if (w.getValue().equals(current.get(w.getKey()))) {
        continue;
      }
      insert(application, officer, w.getKey(), w.getValue());
      changed++;
    }
    if (changed > 0) {
      firstChecks.clear(application.officeId(), application.id(), "requirementChecked");
    }
    return Outcome.done(changed);
  }

  private record Verdict(boolean accepted, String reason) {}

  /** The verdict of one entry, {@code null} for none (or an error, added to {@code errors}). */
  private Verdict parse(Entry e, String name, FieldErrors errors) {
    String field = "reason-" + e.requirementId();
    String verdict = FieldErrors.clean(e.verdict());
    if (verdict == null) {
      return null;
    }
    if ("accept".equals(verdict)) {
      return new Verdict(true, null);
    }
    if (!"reject".equals(verdict)) {
      errors.reject(field, "casework.error.named.verdict", name);
      return null;
    }
    String written = FieldErrors.clean(e.reasonText());
    String key = FieldErrors.clean(e.reasonKey());
    if (written != null) {
      FieldErrors one = new FieldErrors().text(field, written, Casework.MAX_REASON);
      if (one.any()) {
        FieldErrors.Error error = one.get(field);
        Object[] args = new Object[error.args().length + 1];
        args[0] = name;
        System.arraycopy(error.args(), 0, args, 1, error.args().length);
        errors.reject(field, namedKey(error.key()), args);
        return null;
      }
      return new Verdict(false, written);
    }
    if (key != null && Casework.REASONS.contains(key)) {
      return new Verdict(
          false, messages.getMessage("casework.reason." + key, null, RESIDENT_LOCALE));
    }
    errors.reject(
        field,
        key != null ? "casework.error.named.reasonUnknown" : "casework.error.named.reasonRequired",
        name);
    return null;
  }

  private void insert(Application application, Officer officer, UUID requirement, Verdict v) {
    jdbc.sql(
            """
            insert into requirement_check
              (office_id, application_id, requirement_id, accepted, reason, checked_at, checked_by)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            application.officeId(),
            application.id().value(),
            requirement,
            v.accepted(),
            v.reason(),
            Timestamp.from(clock.instant()),
            officer.fullName())
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("requirement", requirement.toString());
    details.put("accepted", v.accepted());
    details.put("reason", v.reason());
    audit.record(
        application.officeId(),
        "casework.requirement.checked",
        "application",
        application.id(),
        details);
  }

  /** The message of a reason's text error that names its requirement. */
  private static String namedKey(String key) {
    return switch (key) {
      case "error.required" -> "casework.error.named.error.required";
      case "error.tooLong" -> "casework.error.named.error.tooLong";
      case "error.markup" -> "casework.error.named.error.markup";
      case "error.control" -> "casework.error.named.error.control";
      case "error.invisible" -> "casework.error.named.error.invisible";
      default -> throw new IllegalStateException("No message naming the requirement for " + key);
    };
  }
}
