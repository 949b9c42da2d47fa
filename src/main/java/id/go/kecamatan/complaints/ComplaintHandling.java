package id.go.kecamatan.complaints;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.complaints.internal.ComplaintStore;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.office.WorkingDays;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What officers do with a complaint of their office: every transition of the {@link Complaint}
 * status machine, internal notes and assignment. Each action locks the complaint, checks that it is
 * still the version the officer's page showed (so two officers acting at once leave one consistent
 * thread: the second is told to look again), stores the steps and entries, records an audit entry
 * and publishes {@link ComplaintStatusChanged} or {@link ComplaintAnswered}.
 *
 * <p>Every method answers empty when the complaint is not one of the officer's office (a 404), and
 * otherwise the field errors of the action's form (none when it was done).
 */
@Service
public class ComplaintHandling {

  private final ComplaintStore store;
  private final ComplaintCategories categories;
  private final WorkingCalendar calendar;
  private final Offices offices;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final Clock clock;

  ComplaintHandling(
      ComplaintStore store,
      ComplaintCategories categories,
      WorkingCalendar calendar,
      Offices offices,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      JdbcClient jdbc,
      Clock clock) {
    this.store = store;
    this.categories = categories;
    this.calendar = calendar;
    this.offices = offices;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Whether an officer may decide on complaints (verify, answer, close), not only read them. */
  public static boolean mayHandle(Officer officer) {
    return officer.has(Role.OFFICE_ADMIN) || officer.has(Role.VERIFIER) || officer.has(Role.SIGNER);
  }

  /**
   * A complaint of the officer's office, as the case page shows it; for a village operator only one
   * of their village ({@link ComplaintWorklist#seesWholeOffice}), as in the worklist.
   */
  public Optional<ComplaintDetails> details(Officer officer, UUID id) {
    return visible(officer, id) ? store.details(officer.officeId(), id) : Optional.empty();
  }

  /** Whether the complaint is of the officer's office and within the officer's scope. */
  private boolean visible(Officer officer, UUID id) {
    if (officer.officeId() == null) {
      return false;
    }
    if (ComplaintWorklist.seesWholeOffice(officer)) {
      return true;
    }
    return officer.villageId() != null
        && jdbc.sql(
                    "select count(*) from complaint where id = ? and office_id = ? and village_id = ?")
                .params(id, officer.officeId(), officer.villageId())
                .query(Long.class)
                .single()
            > 0;
  }

  /**
   * Verifies it, in a category of the office (the filed one, or another: a forwarded complaint gets
   * one of its new office's); the answer clock starts with the category's tier.
   */
  public Optional<FieldErrors> verify(Officer officer, UUID id, int version, String categoryId) {
    return act(
        officer,
        id,
        version,
        "categoryId",
        "complaint.verified",
        (c, now, today, days, x) -> {
          UUID chosen = ComplaintCategories.uuid(categoryId);
          Optional<Category> category =
              chosen == null ? Optional.empty() : categories.get(officer.officeId(), chosen);
          if (category.isEmpty()) {
            x.errors.reject("categoryId", "complaints.error.category");
            return;
          }
          c.verify(now, officer.fullName(), today, category.get().tierDays(), days);
          jdbc.sql("update complaint set category_id = ? where id = ? and office_id = ?")
              .params(category.get().id(), id, officer.officeId())
              .update();
          x.audit.put("category", category.get().name());
          x.audit.put("tierDays", category.get().tierDays());
        });
  }

  public Optional<FieldErrors> reject(Officer officer, UUID id, int version, String reason) {
    return withText(
        officer,
        id,
        version,
        "reason",
        reason,
        2000,
        "complaint.rejected",
        (c, now, text) -> c.reject(now, officer.fullName(), text));
  }

  /** Not the office's authority: closed with the outside channel named. */
  public Optional<FieldErrors> closeAsOutside(
      Officer officer, UUID id, int version, String outsideChannel) {
    return withText(
        officer,
        id,
        version,
        "outsideChannel",
        outsideChannel,
        200,
        "complaint.outside",
        (c, now, text) -> {
          c.closeAsOutside(now, officer.fullName(), text);
          store.set(officer.officeId(), id, "outside_channel", text);
        });
  }

  /**
   * Not the office's authority: forwarded to another active office of the same regency, which
   * receives it with its thread and its clock.
   */
  public Optional<FieldErrors> forward(Officer officer, UUID id, int version, String targetOffice) {
    return act(
        officer,
        id,
        version,
        "targetOffice",
        "complaint.forwarded",
        (c, now, today, days, x) -> {
          UUID target = ComplaintCategories.uuid(targetOffice);
          Office from = offices.get(officer.officeId());
          Optional<Office> to =
              offices.officesOf(from.regencyId()).stream()
                  .filter(o -> o.active() && o.id().equals(target) && !o.id().equals(from.id()))
                  .findFirst();
          if (to.isEmpty()) {
            x.errors.reject("targetOffice", "complaints.error.targetOffice");
            return;
          }
          c.forward(
              now,
              officer.fullName(),
              "Diteruskan dari " + from.displayName() + " ke " + to.get().displayName());
          x.audit.put("to", to.get().code());
          x.forwardTo = to.get().id();
        });
  }

  /** A duplicate of another complaint of the office (by its tracking code), merged into it. */
  public Optional<FieldErrors> markDuplicate(
      Officer officer, UUID id, int version, String otherCode) {
    return act(
        officer,
        id,
        version,
        "duplicateOf",
        "complaint.duplicate",
        (c, now, today, days, x) -> {
          Optional<TrackingCode> code = TrackingCode.parse(otherCode);
          Optional<UUID> other =
              code.flatMap(
                  k ->
                      jdbc.sql(
                              "select id from complaint where office_id = ? and tracking_code = ? and id <> ? and status <> 'DUPLICATE'")
                          .params(officer.officeId(), k.value(), id)
                          .query(UUID.class)
                          .optional());
          if (other.isEmpty()) {
            x.errors.reject("duplicateOf", "complaints.error.duplicateOf");
            return;
          }
          c.markDuplicate(
              now,
              officer.fullName(),
              "Digabung dengan pengaduan " + code.get().value() + " yang sama isinya.");
          store.set(officer.officeId(), id, "duplicate_of", other.get());
          x.audit.put("into", code.get().value());
        });
  }

  public Optional<FieldErrors> process(Officer officer, UUID id, int version) {
    return act(
        officer,
        id,
        version,
        "status",
        "complaint.processing",
        (c, now, today, days, x) -> c.process(now, officer.fullName()));
  }

  /** Asks the reporter (the clock pauses). */
  public Optional<FieldErrors> ask(Officer officer, UUID id, int version, String question) {
    return act(
        officer,
        id,
        version,
        "question",
        "complaint.asked",
        (c, now, today, days, x) -> {
          String text = text(x.errors, "question", question, 2000);
          if (text != null) {
            c.askReporter(now, officer.fullName(), text, today, days);
          }
        });
  }

  /** The public answer, or a correction of it (a new entry). */
  public Optional<FieldErrors> answer(Officer officer, UUID id, int version, String answer) {
    return act(
        officer,
        id,
        version,
        "answer",
        "complaint.answered",
        (c, now, today, days, x) -> {
          String text = text(x.errors, "answer", answer, FilingForm.MAX_DESCRIPTION);
          if (text != null) {
            boolean correction = c.status() == ComplaintStatus.ANSWERED;
            x.answerDue = c.answerDue();
            c.answer(now, officer.fullName(), text, today, days);
            x.audit.put("correction", correction);
            x.answered = true;
            x.answeredOn = today;
          }
        });
  }

  /** An internal note; the version is not checked (notes never conflict). */
  public Optional<FieldErrors> note(Officer officer, UUID id, String note) {
    return act(
        officer,
        id,
        -1,
        "note",
        "complaint.noted",
        (c, now, today, days, x) -> {
          String text = text(x.errors, "note", note, 2000);
          if (text != null) {
            c.note(now, officer.fullName(), text);
          }
        });
  }

  public Optional<FieldErrors> acceptReopen(Officer officer, UUID id, int version) {
    return act(
        officer,
        id,
        version,
        "status",
        "complaint.reopened",
        (c, now, today, days, x) -> {
          int tier =
              jdbc.sql(
                      "select cat.tier_days from complaint c join complaint_category cat on cat.id = c.category_id where c.id = ?")
                  .param(id)
                  .query(Integer.class)
                  .single();
          c.acceptReopen(now, officer.fullName(), today, tier, days);
        });
  }

  public Optional<FieldErrors> declineReopen(Officer officer, UUID id, int version, String reason) {
    return withText(
        officer,
        id,
        version,
        "declineReason",
        reason,
        2000,
        "complaint.reopen.declined",
        (c, now, text) -> c.declineReopen(now, officer.fullName(), text));
  }

  /**
   * Assigns the complaint to an active officer of the office, or to nobody ({@code staffId} blank).
   * Not a status change: the version is not checked.
   */
  public Optional<FieldErrors> assign(Officer officer, UUID id, String staffId) {
    FieldErrors errors = new FieldErrors();
    if (details(officer, id).isEmpty()) {
      return Optional.empty();
    }
    UUID staff = null;
    if (staffId != null && !staffId.isBlank()) {
      staff = ComplaintCategories.uuid(staffId);
      boolean ours =
          staff != null
              && jdbc.sql("select count(*) from staff where id = ? and office_id = ? and active")
                      .params(staff, officer.officeId())
                      .query(Long.class)
                      .single()
                  > 0;
      if (!ours) {
        return Optional.of(errors.reject("assignee", "complaints.error.assignee"));
      }
    }
    UUID chosen = staff;
    transactions.executeWithoutResult(
        s -> {
          store.set(officer.officeId(), id, "assignee_id", chosen);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("assignee", chosen == null ? null : chosen.toString());
          audit.record(officer.officeId(), "complaint.assigned", "complaint", id, details);
        });
    return Optional.of(errors);
  }

  interface TextAction {
    void apply(Complaint c, Instant now, String text);
  }

  private Optional<FieldErrors> withText(
      Officer officer,
      UUID id,
      int version,
      String field,
      String raw,
      int max,
      String action,
      TextAction then) {
    return act(
        officer,
        id,
        version,
        field,
        action,
        (c, now, today, days, x) -> {
          String text = text(x.errors, field, raw, max);
          if (text != null) {
            then.apply(c, now, text);
            x.audit.put(field, text);
          }
        });
  }

  private static String text(FieldErrors errors, String field, String raw, int max) {
    String text = FieldErrors.clean(raw);
    errors.text(field, text, max);
    return errors.has(field) ? null : text;
  }

  /** What an action found and did besides the complaint's own change. */
  static final class Context {
    final FieldErrors errors = new FieldErrors();
    final Map<String, Object> audit = new LinkedHashMap<>();
    UUID forwardTo;
    boolean answered;
    LocalDate answeredOn;
    LocalDate answerDue;
  }

  interface Action {
    void apply(Complaint c, Instant now, LocalDate today, WorkingDays days, Context x);
  }

  private Optional<FieldErrors> act(
      Officer officer, UUID id, int version, String field, String action, Action body) {
    if (!visible(officer, id)) {
      return Optional.empty();
    }
    return transactions.execute(
        status -> {
          Optional<Complaint> locked = store.lock(officer.officeId(), id);
          if (locked.isEmpty()) {
            return Optional.<FieldErrors>empty();
          }
          Complaint c = locked.get();
          Context x = new Context();
          FieldErrors errors = x.errors;
          if (version >= 0 && c.version() != version) {
            return Optional.of(errors.reject(field, "complaints.error.changed"));
          }
          Map<String, Object> details = x.audit;
          Instant now = clock.instant();
          try {
            body.apply(c, now, LocalDate.now(clock), calendar.of(officer.officeId()), x);
          } catch (IllegalComplaintTransitionException e) {
            errors.reject(field, "complaints.error.stale");
          }
          if (errors.any()) {
            status.setRollbackOnly();
            return Optional.of(errors);
          }
          store.save(c);
          String code =
              jdbc.sql("select tracking_code from complaint where id = ?")
                  .param(id)
                  .query(String.class)
                  .single();
          details.put("code", code);
          UUID office = officer.officeId();
          if (x.forwardTo != null) {
            store.move(office, id, x.forwardTo);
            office = x.forwardTo;
          }
          audit.record(officer.officeId(), action, "complaint", id, details);
          for (Complaint.StatusChange change : c.pendingChanges()) {
            events.publishEvent(new ComplaintStatusChanged(office, id, code, change));
          }
          if (x.answered) {
            events.publishEvent(
                new ComplaintAnswered(
                    office,
                    id,
                    code,
                    now,
                    Boolean.TRUE.equals(details.get("correction")),
                    x.answeredOn,
                    x.answerDue));
          }
          return Optional.of(errors);
        });
  }
}
