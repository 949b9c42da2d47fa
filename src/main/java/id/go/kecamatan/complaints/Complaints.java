package id.go.kecamatan.complaints;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.complaints.internal.ComplaintStore;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.Slot;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.office.WorkingDays;
import id.go.kecamatan.shared.Sha256;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Filing a complaint and what its reporter does with it: open it with the tracking code and the
 * secret (or the last four digits of the phone number), reply when asked, give feedback on the
 * answer. The filing stores the attachments through the documents pipeline in the same transaction:
 * a refused file or a wrong field leaves nothing stored.
 */
@Service
public class Complaints {

  /** The alphabet of the secret: the tracking code's, without look-alikes. */
  private static final String SECRET_ALPHABET = TrackingCode.ALPHABET;

  private final ComplaintStore store;
  private final ComplaintCategories categories;
  private final WorkingCalendar calendar;
  private final Documents documents;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final RateLimit wrongDigits;
  private final SecureRandom random = new SecureRandom();

  Complaints(
      ComplaintStore store,
      ComplaintCategories categories,
      WorkingCalendar calendar,
      Documents documents,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      JdbcClient jdbc,
      RateLimits limits,
      Clock clock) {
    this.store = store;
    this.categories = categories;
    this.calendar = calendar;
    this.documents = documents;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.clock = clock;
    this.wrongDigits =
        limits.limit("complaint-wrong-keys-per-code", WRONG_KEYS_PER_HOUR, Duration.ofHours(1));
  }

  /** Who files: the reporter online, or an officer on an assisted channel. */
  public record Intake(Channel channel, String assistedBy) {
    public static final Intake ONLINE = new Intake(Channel.ONLINE, null);
  }

  /**
   * Files a complaint with its attachments (at most {@value FilingForm#MAX_FILES}), or says what is
   * wrong: field errors keyed by the form's field names ({@code lampiran} for the files). The
   * honeypot ({@link FilingForm#website()}) filled is refused like a wrong form, with nothing
   * stored. A complaint of the same contact with the same text still open gives the error {@code
   * complaints.error.duplicate} on {@code description} unless {@link
   * FilingForm#confirmDuplicate()}.
   */
  public Outcome<Filed> file(Office office, FilingForm form, List<Upload> files, Intake intake) {
    FieldErrors errors = new FieldErrors();
    if (form.website() != null && !form.website().isBlank()) {
      return Outcome.failed(errors.reject("description", "complaints.error.robot"));
    }
    Kind kind = parse(Kind.class, form.kind());
    if (kind == null) {
      errors.reject("kind", "complaints.error.kind");
    }
    UUID categoryId = ComplaintCategories.uuid(form.categoryId());
    Optional<Category> category =
        categoryId == null
            ? Optional.empty()
            : categories.offered(office.id()).stream()
                .filter(c -> c.id().equals(categoryId))
                .findFirst();
    if (category.isEmpty()) {
      errors.reject("categoryId", "complaints.error.category");
    }
    String description = FieldErrors.clean(form.description());
    errors.text("description", description, FilingForm.MAX_DESCRIPTION);
    UUID villageId = null;
    if (form.villageId() != null && !form.villageId().isBlank()) {
      villageId = ComplaintCategories.uuid(form.villageId());
      boolean ours =
          villageId != null
              && jdbc.sql("select count(*) from village where id = ? and office_id = ?")
                      .params(villageId, office.id())
                      .query(Long.class)
                      .single()
                  > 0;
      if (!ours) {
        errors.reject("villageId", "complaints.error.village");
      }
    }
    String place = FieldErrors.clean(form.place());
    errors.optionalText("place", place, 200);
    LocalDate occurredOn = null;
    String when = FieldErrors.clean(form.occurredOn());
    if (when != null) {
      try {
        occurredOn = LocalDate.parse(when);
        if (occurredOn.isAfter(LocalDate.now(clock)) || occurredOn.getYear() < 2000) {
          errors.reject("occurredOn", "complaints.error.when");
        }
      } catch (DateTimeParseException e) {
        errors.reject("occurredOn", "error.date");
      }
    }
    Privacy privacy = parse(Privacy.class, form.privacy());
    if (privacy == null) {
      errors.reject("privacy", "complaints.error.privacy");
    }
    String name = FieldErrors.clean(form.name());
    errors.optionalText("name", name, 120);
    String phone = FieldErrors.clean(form.phone());
    errors.optionalText("phone", phone, 20);
    if (!errors.has("phone")) {
      errors.phone("phone", phone);
    }
    String email = FieldErrors.clean(form.email());
    errors.email("email", email);
    String applicationCode = null;
    if (form.applicationCode() != null && !form.applicationCode().isBlank()) {
      Optional<TrackingCode> code = TrackingCode.parse(form.applicationCode());
      if (code.isEmpty()
          || !code.get().officePrefix().equals(TrackingCode.prefixOf(office.code()))) {
        errors.reject("applicationCode", "complaints.error.applicationCode");
      } else {
        applicationCode = code.get().value();
      }
    }
    if (files.size() > FilingForm.MAX_FILES) {
      errors.reject("lampiran", "complaints.error.tooManyFiles", FilingForm.MAX_FILES);
    }
    if (!errors.any()
        && !form.confirmDuplicate()
        && (phone != null || email != null)
        && sameTextOpen(office.id(), phone, email, description)) {
      errors.reject("description", "complaints.error.duplicate");
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    String secret = secret();
    String finalApplicationCode = applicationCode;
    UUID finalVillage = villageId;
    LocalDate finalOccurred = occurredOn;
    return transactions.execute(
        status -> {
          Instant now = clock.instant();
          LocalDate today = LocalDate.now(clock);
          WorkingDays days = calendar.of(office.id());
          Complaint complaint =
              Complaint.receive(
                  office.id(),
                  now,
                  today,
                  intake.channel().assisted() ? intake.assistedBy() : Complaint.REPORTER,
                  days);
          String code = TrackingCode.generate(office.code(), random).value();
          store.insert(
              complaint,
              new ComplaintStore.NewComplaint(
                  code,
                  kind,
                  category.get().id(),
                  description,
                  finalVillage,
                  place,
                  finalOccurred,
                  privacy,
                  name,
                  phone,
                  email,
                  hash(secret),
                  intake.channel(),
                  intake.channel().assisted() ? intake.assistedBy() : null,
                  finalApplicationCode,
                  category.get().responsibleStaffId()),
              now);
          long bytes = 0;
          int position = 0;
          for (Upload upload : files) {
            Outcome<Document> stored =
                documents.store(office.id(), new Slot("lampiran", position, bytes), upload);
            if (!stored.ok()) {
              status.setRollbackOnly();
              return Outcome.<Filed>failed(stored.errors());
            }
            bytes += stored.value().size();
            store.attach(complaint.id(), office.id(), stored.value().id(), position++);
          }
          audit.record(
              office.id(),
              "complaint.filed",
              "complaint",
              complaint.id(),
              Map.of("code", code, "channel", intake.channel().name(), "privacy", privacy.name()));
          events.publishEvent(new ComplaintFiled(office.id(), complaint.id(), code));
          return Outcome.done(new Filed(complaint.id(), code, secret, complaint.verifyDue()));
        });
  }

  private boolean sameTextOpen(UUID officeId, String phone, String email, String description) {
    return jdbc.sql(
                """
                select count(*) from complaint
                where office_id = ? and (phone = ? or lower(email) = lower(?))
                  and md5(lower(description)) = md5(lower(?))
                  and status not in ('CLOSED', 'REJECTED', 'NOT_OUR_AUTHORITY', 'DUPLICATE')
                """)
            .params(officeId, phone, email, description)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Wrong keys a complaint's code takes in an hour before its phone digits open it no longer (its
   * secret still does): 10,000 digits are otherwise tried through in hours, from one address.
   */
  public static final int WRONG_KEYS_PER_HOUR = 10;

  /**
   * The complaint with this code when the key opens it: the secret given on filing, or the last
   * four digits of the phone number given, until the code has had {@value #WRONG_KEYS_PER_HOUR}
   * wrong keys in an hour. One answer for an unknown code, a wrong key and a locked code.
   */
  public Optional<String> open(String rawCode, String key) {
    Optional<TrackingCode> code = TrackingCode.parse(rawCode);
    if (code.isEmpty() || key == null || key.isBlank()) {
      return Optional.empty();
    }
    Optional<ComplaintStore.Keys> keys = store.keys(code.get().value());
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    String typed = key.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    boolean byDigits =
        typed.matches("\\d{4}")
            && keys.get().phoneLast4() != null
            && !wrongDigits.exhausted(code.get().value())
            && MessageDigest.isEqual(
                typed.getBytes(StandardCharsets.UTF_8),
                keys.get().phoneLast4().getBytes(StandardCharsets.UTF_8));
    boolean bySecret =
        MessageDigest.isEqual(
            hash(typed).getBytes(StandardCharsets.UTF_8),
            keys.get().secretHash().getBytes(StandardCharsets.UTF_8));
    if (byDigits || bySecret) {
      return Optional.of(code.get().value());
    }
    wrongDigits.take(code.get().value());
    return Optional.empty();
  }

  /**
   * Who to tell about a complaint and what: its contact (either may be null), code, status and the
   * deadline the reporter hears of.
   */
  public record ReporterContact(
      String name,
      String phone,
      String email,
      String trackingCode,
      ComplaintStatus status,
      LocalDate verifyDue,
      LocalDate due,
      LocalDate replyDue) {}

  /** The reporter's contact of a complaint of the office, for the messages to them. */
  public Optional<ReporterContact> contact(UUID officeId, UUID id) {
    return store
        .details(officeId, id)
        .map(
            d ->
                new ReporterContact(
                    d.reporterName(),
                    d.phone(),
                    d.email(),
                    d.trackingCode(),
                    d.status(),
                    d.verifyDue(),
                    d.due(),
                    d.replyDue()));
  }

  /**
   * The complaint as its reporter sees it (internal notes, assignee and contact left out), by a
   * code the caller already opened with {@link #open}.
   */
  public Optional<ComplaintDetails> forReporter(String trackingCode) {
    return store.byCode(trackingCode).map(Complaints::reporterView);
  }

  static ComplaintDetails reporterView(ComplaintDetails d) {
    return new ComplaintDetails(
        d.id(),
        d.officeId(),
        d.officeName(),
        d.trackingCode(),
        d.kind(),
        d.categoryId(),
        d.categoryName(),
        d.expectation(),
        d.description(),
        d.villageName(),
        d.place(),
        d.occurredOn(),
        d.privacy(),
        null,
        null,
        null,
        d.channel(),
        null,
        d.applicationCode(),
        d.status(),
        d.receivedAt(),
        d.verifyDue(),
        d.answerDue(),
        d.daysLeft(),
        d.replyDue(),
        d.due(),
        null,
        null,
        d.outsideChannel(),
        d.version(),
        d.thread().stream().filter(ComplaintDetails.Entry::visibleToReporter).toList(),
        d.history(),
        d.attachments());
  }

  /**
   * The reporter's reply to the office's question; errors on {@code reply}: required, plain text,
   * at most {@value FilingForm#MAX_DESCRIPTION} characters, and only while the office waits.
   */
  public FieldErrors reply(String trackingCode, String text) {
    FieldErrors errors = new FieldErrors();
    String reply = FieldErrors.clean(text);
    errors.text("reply", reply, FilingForm.MAX_DESCRIPTION);
    if (errors.any()) {
      return errors;
    }
    return reporterAct(
        trackingCode,
        "reply",
        (c, now, today, days) -> c.reporterReplied(now, reply, today, days),
        "complaint.replied");
  }

  /**
   * The reporter's feedback on the answer: satisfied (reasons optional) closes it; not satisfied
   * needs reasons and asks to reopen. Errors on {@code satisfied} and {@code reasons}.
   */
  public FieldErrors feedback(String trackingCode, String satisfied, String reasons) {
    FieldErrors errors = new FieldErrors();
    if (!"ya".equals(satisfied) && !"tidak".equals(satisfied)) {
      errors.reject("satisfied", "complaints.error.satisfied");
    }
    String text = FieldErrors.clean(reasons);
    if ("tidak".equals(satisfied)) {
      errors.text("reasons", text, 2000);
    } else {
      errors.optionalText("reasons", text, 2000);
    }
    if (errors.any()) {
      return errors;
    }
    boolean yes = "ya".equals(satisfied);
    return reporterAct(
        trackingCode,
        "satisfied",
        (c, now, today, days) -> c.feedback(now, yes, text, today),
        yes ? "complaint.feedback.satisfied" : "complaint.feedback.reopen");
  }

  interface Act {
    void apply(Complaint c, Instant now, LocalDate today, WorkingDays days);
  }

  private FieldErrors reporterAct(String trackingCode, String field, Act act, String action) {
    FieldErrors errors = new FieldErrors();
    return transactions.execute(
        status -> {
          Optional<ComplaintStore.Keys> keys = store.keys(trackingCode);
          Optional<UUID> office = keys.flatMap(k -> store.officeOf(k.id()));
          Optional<Complaint> locked = office.flatMap(o -> store.lock(o, keys.get().id()));
          if (locked.isEmpty()) {
            return errors.reject(field, "complaints.error.gone");
          }
          Complaint c = locked.get();
          Instant now = clock.instant();
          try {
            act.apply(c, now, LocalDate.now(clock), calendar.of(c.officeId()));
          } catch (IllegalComplaintTransitionException e) {
            return errors.reject(field, "complaints.error.stale");
          }
          store.save(c);
          audit.record(c.officeId(), action, "complaint", c.id(), Map.of("code", trackingCode));
          for (Complaint.StatusChange change : c.pendingChanges()) {
            events.publishEvent(
                new ComplaintStatusChanged(c.officeId(), c.id(), trackingCode, change));
          }
          return errors;
        });
  }

  private String secret() {
    StringBuilder s = new StringBuilder(14);
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        s.append('-');
      }
      s.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length())));
    }
    return s.toString();
  }

  /** SHA-256 of the secret as typed without blanks and dashes, upper case. */
  static String hash(String secret) {
    return Sha256.hex(secret.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", ""));
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
