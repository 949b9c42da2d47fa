package id.go.kecamatan.surveys;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.surveys.internal.Invitations;
import id.go.kecamatan.surveys.internal.ResponseStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes responses to the survey: through an invitation's link (once), the office's walk-in form,
 * the counter tablet, or a paper form keyed in by an officer (assisted, audited). Nothing is stored
 * unless every answer is valid; a response names neither the invitation nor the resident.
 */
@Service
public class Responses {

  /**
   * The path of an office's walk-in form ({@code {slug}}: the office's), which its QR codes, the
   * IKM pages and the counter's receipts point residents to.
   */
  public static final String WALK_IN_FORM = "/kecamatan/{slug}/survei";

  /** What became of a response. */
  public enum Status {
    /** An invitation's link that may still be answered. */
    OPEN,
    SAVED,
    INVALID,
    ALREADY_ANSWERED,
    EXPIRED,
    UNKNOWN
  }

  /**
   * @param officeId the office answered about, null for an unknown link
   * @param low a low score on the handling of complaints or a low overall rating: the resident is
   *     offered to file a complaint
   */
  public record Result(Status status, FieldErrors errors, UUID officeId, boolean low) {

    static Result of(Status status, UUID officeId) {
      return new Result(status, new FieldErrors(), officeId, false);
    }
  }

  private final Invitations invitations;
  private final ResponseStore store;
  private final OfficeQuestions questions;
  private final Catalog catalog;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Responses(
      Invitations invitations,
      ResponseStore store,
      OfficeQuestions questions,
      Catalog catalog,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.invitations = invitations;
    this.store = store;
    this.questions = questions;
    this.catalog = catalog;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What an invitation's link leads to, before the form is shown. */
  public Result invitation(String token) {
    Invitations.Lookup lookup = invitations.lookup(token);
    if (lookup instanceof Invitations.Lookup.Open open) {
      return Result.of(Status.OPEN, open.officeId());
    }
    if (lookup instanceof Invitations.Lookup.Used used) {
      return Result.of(Status.ALREADY_ANSWERED, used.officeId());
    }
    if (lookup instanceof Invitations.Lookup.Expired expired) {
      return Result.of(Status.EXPIRED, expired.officeId());
    }
    return Result.of(Status.UNKNOWN, null);
  }

  /** The response through an invitation's link: stored once, whatever the number of tries. */
  public Result answerInvitation(String token, Map<String, String> form) {
    Invitations.Lookup lookup = invitations.lookup(token);
    if (!(lookup instanceof Invitations.Lookup.Open open)) {
      return invitation(token);
    }
    Map<String, String> fields = new HashMap<>(form);
    fields.remove(Answers.SERVICE); // the invitation knows the service
    FieldErrors errors = new FieldErrors();
    Optional<Answers> read = Answers.read(fields, Set.of(), errors);
    Map<OfficeQuestion, Object> extra =
        OfficeQuestions.read(questions.active(open.officeId()), fields, errors);
    if (read.isEmpty() || errors.any()) {
      return new Result(Status.INVALID, errors, open.officeId(), false);
    }
    Answers answers =
        new Answers(
            read.get().scores(), read.get().profile(), open.serviceId(), read.get().suggestion());
    try {
      transactions.executeWithoutResult(
          tx -> {
            store.use(open.invitationId());
            UUID id =
                store.insert(
                    open.officeId(),
                    open.serviceId(),
                    ResponseChannel.INVITATION,
                    today(),
                    answers);
            questions.store(id, extra);
          });
    } catch (DuplicateKeyException e) {
      return Result.of(Status.ALREADY_ANSWERED, open.officeId());
    }
    return new Result(Status.SAVED, errors, open.officeId(), answers.low());
  }

  /** A response through the office's public form or its counter tablet, dated today. */
  public Result answer(UUID officeId, ResponseChannel channel, Map<String, String> form) {
    if (channel != ResponseChannel.WALK_IN && channel != ResponseChannel.COUNTER) {
      throw new IllegalArgumentException(channel.name());
    }
    FieldErrors errors = new FieldErrors();
    Optional<Answers> answers = Answers.read(form, services(officeId), errors);
    Map<OfficeQuestion, Object> extra =
        OfficeQuestions.read(questions.active(officeId), form, errors);
    if (answers.isEmpty() || errors.any()) {
      return new Result(Status.INVALID, errors, officeId, false);
    }
    transactions.executeWithoutResult(
        tx ->
            questions.store(
                store.insert(officeId, answers.get().serviceId(), channel, today(), answers.get()),
                extra));
    return new Result(Status.SAVED, errors, officeId, answers.get().low());
  }

  /**
   * A paper form keyed in by an officer of the office (assisted), dated as written on it; the audit
   * trail records who keyed it in, the response's content stays out of it.
   */
  public Result keyInPaper(UUID officeId, Map<String, String> form) {
    FieldErrors errors = new FieldErrors();
    Optional<LocalDate> day = Answers.readDate(form, today(), errors);
    Optional<Answers> answers = Answers.read(form, services(officeId), errors);
    Map<OfficeQuestion, Object> extra =
        OfficeQuestions.read(questions.active(officeId), form, errors);
    if (answers.isEmpty() || day.isEmpty() || errors.any()) {
      return new Result(Status.INVALID, errors, officeId, false);
    }
    transactions.executeWithoutResult(
        tx -> {
          UUID id =
              store.insert(
                  officeId,
                  answers.get().serviceId(),
                  ResponseChannel.PAPER,
                  day.get(),
                  answers.get());
          questions.store(id, extra);
          audit.record(officeId, "survey.paper.entered", "survey_response", id, Map.of());
        });
    return new Result(Status.SAVED, errors, officeId, answers.get().low());
  }

  /** The office's services a respondent may name. */
  public Set<UUID> services(UUID officeId) {
    return catalog.allServices(officeId).stream()
        .map(ServiceType::id)
        .collect(Collectors.toUnmodifiableSet());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
