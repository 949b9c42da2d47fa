package id.go.kecamatan.letters.internal;

import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.application.IllegalTransitionException;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.letters.IssuedLetter;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's issued letters (surat terbit) for its staff: the list, one letter with its PDF (each
 * opening and download audited, the letters carry personal data), handing the paper letter over
 * (sudah diambil) and revocation (pencabutan) by the office admin. Another office's letter is not
 * found.
 */
@Service
public class LetterDesk {

  /** Letters per page of the list. */
  public static final int PAGE_SIZE = 25;

  /** The longest search text. */
  public static final int MAX_SEARCH = 100;

  /** The longest revocation reason. */
  public static final int MAX_REASON = 500;

  private final LetterRepository letters;
  private final Decisions decisions;
  private final AuditTrail audit;
  private final Clock clock;

  private final org.springframework.context.ApplicationEventPublisher events;

  LetterDesk(
      LetterRepository letters,
      Decisions decisions,
      AuditTrail audit,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.letters = letters;
    this.decisions = decisions;
    this.audit = audit;
    this.clock = clock;
  }

  /** One page of the list and whether more follow. */
  public record Page(List<IssuedLetter> rows, boolean hasNext) {}

  /** The office's letters, newest first, after the keyset when given. */
  public Page list(Officer officer, String search, Instant afterSignedAt, UUID afterId) {
    List<IssuedLetter> rows =
        letters.page(officer.officeId(), search, afterSignedAt, afterId, PAGE_SIZE);
    boolean more = rows.size() > PAGE_SIZE;
    return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, more);
  }

  /** Opens one letter of the officer's office (audited). */
  @Transactional
  public IssuedLetter open(Officer officer, UUID id) {
    IssuedLetter letter = get(officer, id);
    audit.record(
        letter.officeId(),
        "letter.viewed",
        "letter",
        letter.id(),
        Map.of("number", letter.number()));
    return letter;
  }

  /** The letter without an audit record, to show it again after a refused form. */
  public IssuedLetter get(Officer officer, UUID id) {
    return letters.byId(officer.officeId(), id).orElseThrow(NotFoundException::new);
  }

  /** The letter and its signed PDF for a download or print (audited). */
  @Transactional
  public Pdf pdf(Officer officer, UUID id, boolean inline) {
    IssuedLetter letter = get(officer, id);
    byte[] pdf = letters.pdf(officer.officeId(), id).orElseThrow(NotFoundException::new);
    audit.record(
        letter.officeId(),
        inline ? "letter.printed" : "letter.downloaded",
        "letter",
        letter.id(),
        Map.of("number", letter.number()));
    return new Pdf(letter, pdf);
  }

  /** A letter with its PDF. */
  public record Pdf(IssuedLetter letter, byte[] bytes) {}

  /** What became of a request to mark a letter collected. */
  public enum Collected {
    DONE,
    /** Someone else changed the application first, or it is not waiting to be collected. */
    CONFLICT,
    /** A revoked letter is not handed over. */
    REVOKED
  }

  /** The resident took the paper letter (ISSUED -> COLLECTED, audited by the application). */
  public Collected collect(Officer officer, UUID id) {
    IssuedLetter letter = get(officer, id);
    if (letter.revoked()) {
      return Collected.REVOKED;
    }
    if (letter.applicationStatus() != ApplicationStatus.ISSUED) {
      return Collected.CONFLICT;
    }
    try {
      decisions.collect(
          officer.officeId(), new ApplicationId(letter.applicationId()), officer.fullName());
      return Collected.DONE;
    } catch (IllegalTransitionException | OptimisticLockingFailureException e) {
      return Collected.CONFLICT;
    }
  }

  /**
   * An office admin revokes a letter with a reason; it cannot be undone or repeated. The reason is
   * required, plain text, at most {@value #MAX_REASON} characters.
   *
   * @return errors on the field {@code alasan}, also when the letter was revoked already
   * @throws AccessDeniedException when the officer is not the office's admin
   */
  @Transactional
  public Outcome<IssuedLetter> revoke(Officer officer, UUID id, String reason) {
    if (!officer.has(Role.OFFICE_ADMIN)) {
      throw new AccessDeniedException("revocation is the office admin's");
    }
    IssuedLetter letter = get(officer, id);
    String text = reason == null ? "" : reason.strip();
    FieldErrors errors = new FieldErrors().text("alasan", text, MAX_REASON);
    if (letter.revoked()) {
      errors.reject("alasan", "verification.revoke.already");
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    java.time.Instant now = clock.instant();
    if (!letters.revoke(officer.officeId(), id, officer.staffId(), text, now)) {
      return Outcome.failed(new FieldErrors().reject("alasan", "verification.revoke.already"));
    }
    events.publishEvent(
        new id.go.kecamatan.letters.LetterRevoked(
            letter.id(),
            letter.officeId(),
            new id.go.kecamatan.application.ApplicationId(letter.applicationId()),
            now));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("number", letter.number());
    details.put("reason", text);
    audit.record(letter.officeId(), "letter.revoked", "letter", letter.id(), details);
    return Outcome.done(get(officer, id));
  }
}
