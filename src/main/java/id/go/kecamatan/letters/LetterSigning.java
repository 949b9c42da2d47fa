package id.go.kecamatan.letters;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.application.IllegalTransitionException;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.GeneratedFiles;
import id.go.kecamatan.letters.internal.LetterRepository;
import id.go.kecamatan.letters.internal.LetterWorkers;
import id.go.kecamatan.letters.internal.Signatories;
import id.go.kecamatan.letters.internal.Signatory;
import id.go.kecamatan.letters.internal.SigningMetrics;
import id.go.kecamatan.letters.internal.SigningMetrics.Failure;
import id.go.kecamatan.letters.internal.numbering.LetterNumber;
import id.go.kecamatan.letters.internal.numbering.LetterNumbering;
import id.go.kecamatan.letters.internal.render.LetterRendering;
import id.go.kecamatan.letters.internal.render.LetterRequest;
import id.go.kecamatan.letters.internal.render.RenderedLetter;
import id.go.kecamatan.letters.internal.signing.SignatureDetails;
import id.go.kecamatan.letters.internal.signing.SignatureProvider;
import id.go.kecamatan.letters.internal.signing.SignerIdentity;
import id.go.kecamatan.letters.internal.signing.SigningLockedException;
import id.go.kecamatan.letters.internal.signing.SigningSession;
import id.go.kecamatan.letters.internal.signing.SigningUnavailableException;
import id.go.kecamatan.letters.internal.signing.WrongPassphraseException;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.Sha256;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.shared.web.PublicAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing and issuing letters: for each approved application the letter is laid out as PDF/A-3 with
 * the number it expects ({@link LetterNumbering#claim}), the signature block and the QR code of its
 * verification page, signed (PAdES) with the signer's key opened once for the whole batch and
 * stored, by a worker thread while the batch goes on with the letters before it; then, in ONE short
 * transaction per letter and in the order of the batch, the application moves to ISSUED, the number
 * is taken ({@link LetterNumbering#take}, its lock held until the commit), the letter is recorded
 * and {@link LetterIssued} published. A letter whose number is not the one it expected (a letter
 * before it failed, another node signed meanwhile) is laid out and signed again with the number it
 * got, under the lock. A failure anywhere rolls the whole letter back, its number included, so
 * numbers have no gaps and follow the order of issue; a wrong passphrase signs nothing and takes no
 * number.
 */
@Service
public class LetterSigning {

  /** The most letters signed with one passphrase entry. */
  public static final int MAX_BATCH = 50;

  /** How many letters of a batch are on their way at once: one per worker, and one more. */
  private static final int AHEAD = LetterWorkers.THREADS + 1;

  /**
   * How many while the signer's key is being opened: as many as the other cores lay out meanwhile
   * (some 0.4 s of key derivation, at several milliseconds a letter).
   */
  private static final int AHEAD_WHILE_OPENING = 24;

  private final Applications applications;
  private final Decisions decisions;
  private final Catalog catalog;
  private final Offices offices;
  private final Signatories signatories;
  private final LetterNumbering numbering;
  private final LetterRendering rendering;
  private final SignatureProvider signer;
  private final SigningKeys signingKeys;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final LetterRepository repository;
  private final GeneratedFiles files;
  private final SigningMetrics metrics;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final PublicAddress address;
  private final SecureRandom random = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(LetterSigning.class);

  LetterSigning(
      Applications applications,
      Decisions decisions,
      Catalog catalog,
      Offices offices,
      Signatories signatories,
      LetterNumbering numbering,
      LetterRendering rendering,
      SignatureProvider signer,
      SigningKeys signingKeys,
      AuditTrail audit,
      ApplicationEventPublisher events,
      LetterRepository repository,
      GeneratedFiles files,
      SigningMetrics metrics,
      PlatformTransactionManager transactionManager,
      Clock clock,
      PublicAddress address) {
    this.applications = applications;
    this.decisions = decisions;
    this.catalog = catalog;
    this.offices = offices;
    this.signatories = signatories;
    this.numbering = numbering;
    this.rendering = rendering;
    this.signer = signer;
    this.signingKeys = signingKeys;
    this.audit = audit;
    this.events = events;
    this.repository = repository;
    this.files = files;
    this.metrics = metrics;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.address = address;
  }

  /** How this officer signs today, or empty when they may not sign (no profile or delegation). */
  public Optional<Signatory> authority(Officer officer) {
    if (officer.officeId() == null || !officer.has(Role.SIGNER)) {
      return Optional.empty();
    }
    return signatories.of(officer.officeId(), officer.staffId(), today());
  }

  /**
   * The signers who may sign the office's letters on this day, the Camat first: the Camat, and the
   * Sekcam or another signer only while a delegation covers the day (the rule of the signing
   * itself).
   */
  public List<SignerProfile> signersOn(UUID officeId, LocalDate day) {
    return signatories.signersOn(officeId, day);
  }

  /**
   * The letter of an approved application as it will look, marked as a draft, without number,
   * signature or QR code.
   */
  public byte[] preview(Officer officer, ApplicationId id) {
    Application application = approved(officer, id);
    return rendering.render(request(application, today(), null, null)).pdf();
  }

  /** The first page of {@link #preview}, as a PNG image to show in the signing queue. */
  public byte[] previewPng(Officer officer, ApplicationId id) {
    return LetterRendering.firstPagePng(preview(officer, id));
  }

  /**
   * Signs the letters of the chosen approved applications with one passphrase entry (fields {@code
   * selection} and {@code passphrase} on errors). Each letter is its own transaction: one changed
   * meanwhile by someone else is skipped and reported, the others are issued.
   *
   * @throws AccessDeniedException for an officer without the SIGNER role
   */
  public Outcome<SigningReport> sign(Officer officer, List<ApplicationId> ids, char[] passphrase) {
    try {
      if (!officer.has(Role.SIGNER) || officer.officeId() == null) {
        throw new AccessDeniedException("Only a signer signs letters");
      }
      FieldErrors errors = new FieldErrors();
      List<ApplicationId> chosen = ids == null ? List.of() : ids.stream().distinct().toList();
      if (chosen.isEmpty()) {
        errors.reject("selection", "letters.sign.error.none");
      } else if (chosen.size() > MAX_BATCH) {
        errors.reject("selection", "letters.sign.error.tooMany", MAX_BATCH);
      }
      if (passphrase == null || passphrase.length == 0) {
        errors.reject("passphrase", "error.required");
      } else if (Character.codePointCount(passphrase, 0, passphrase.length)
          > SigningKeys.MAX_PASSPHRASE) {
        errors.reject("passphrase", "letters.sign.error.passphrase");
      }
      LocalDate today = today();
      Optional<Signatory> signatory = signatories.of(officer.officeId(), officer.staffId(), today);
      if (signatory.isEmpty()) {
        errors.reject("selection", "letters.sign.error.noAuthority");
      }
      if (errors.any()) {
        return Outcome.failed(errors);
      }
      SignerIdentity identity =
          new SignerIdentity(
              officer.staffId(),
              officer.officeId(),
              signatory.get().profile().fullName(),
              signatory.get().profile().nip(),
              // the remote signing service identifies the signer by NIK
              signingKeys.nik(officer.officeId(), officer.staffId()).orElse(null));
      List<SigningReport.Signed> signed = new ArrayList<>();
      List<SigningReport.Skipped> skipped = new ArrayList<>();
      // the key is opened (the passphrase's key derivation, some 0.4 s of one core) on a worker
      // while the first letters are laid out; they are signed once it is open
      try (KeyOpening session = new KeyOpening(() -> signer.open(identity, passphrase))) {
        BatchReads shared = new BatchReads(rendering, numbering, catalog, offices);
        Deque<Pending> onTheirWay = new ArrayDeque<>();
        Iterator<ApplicationId> next = chosen.iterator();
        try {
          while (next.hasNext() || !onTheirWay.isEmpty()) {
            int ahead = session.opened().isDone() ? AHEAD : AHEAD_WHILE_OPENING;
            if (next.hasNext() && onTheirWay.size() < ahead) {
              onTheirWay.add(start(officer, signatory.get(), session, shared, next.next(), today));
              continue;
            }
            Pending pending = onTheirWay.remove();
            ApplicationId id = pending.id();
            try {
              signed.add(finish(officer, signatory.get(), session, shared, pending));
              metrics.signed();
            } catch (NotFoundException | IllegalTransitionException e) {
              skipped.add(skip(officer, id, "letters.sign.skipped.notApproved"));
            } catch (DataIntegrityViolationException e) {
              // the same number text printed twice (a format that cannot tell its sequences apart)
              boolean numberTaken = String.valueOf(e.getMessage()).contains("letter_number_unique");
              skipped.add(
                  skip(
                      officer,
                      id,
                      numberTaken
                          ? "letters.sign.skipped.numberTaken"
                          : "letters.sign.skipped.changed"));
            } catch (OptimisticLockingFailureException e) {
              skipped.add(skip(officer, id, "letters.sign.skipped.changed"));
            } catch (WrongPassphraseException
                | SigningLockedException
                | SigningUnavailableException e) {
              throw e;
            } catch (RuntimeException e) {
              // this letter rolled back; the others go on. No personal data in the log.
              log.error("Letter of application {} not signed", id, e);
              metrics.failed(Failure.ERROR);
              skipped.add(skip(officer, id, "letters.sign.skipped.failed"));
            }
          }
          // a wrong passphrase is told even when no letter could be started
          session.get();
        } finally {
          // the batch stopped (the signer refused): the letters on their way are given up
          onTheirWay.forEach(this::abandon);
        }
      } catch (WrongPassphraseException e) {
        metrics.failed(Failure.WRONG_PASSPHRASE);
        if (signed.isEmpty()) {
          return Outcome.failed(
              new FieldErrors().reject("passphrase", "letters.sign.error.wrongPassphrase"));
        }
        skipRest(officer, chosen, signed, skipped, "letters.sign.skipped.wrongPassphrase");
      } catch (SigningLockedException e) {
        metrics.failed(Failure.LOCKED);
        if (signed.isEmpty()) {
          return Outcome.failed(
              new FieldErrors()
                  .reject(
                      "passphrase",
                      "letters.sign.error.locked",
                      DateTimeFormatter.ofPattern("HH:mm")
                          .withZone(clock.getZone())
                          .format(e.until())));
        }
        skipRest(officer, chosen, signed, skipped, "letters.sign.skipped.locked");
      } catch (SigningUnavailableException e) {
        metrics.failed(Failure.UNAVAILABLE);
        if (signed.isEmpty()) {
          return Outcome.failed(
              new FieldErrors().reject("passphrase", "letters.sign.error.unavailable"));
        }
        skipRest(officer, chosen, signed, skipped, "letters.sign.skipped.unavailable");
      }
      return Outcome.done(new SigningReport(List.copyOf(signed), List.copyOf(skipped)));
    } finally {
      if (passphrase != null) {
        Arrays.fill(passphrase, '\0');
      }
    }
  }

  private void skipRest(
      Officer officer,
      List<ApplicationId> chosen,
      List<SigningReport.Signed> signed,
      List<SigningReport.Skipped> skipped,
      String reason) {
    for (ApplicationId id : chosen) {
      boolean done =
          signed.stream().anyMatch(s -> s.applicationId().equals(id))
              || skipped.stream().anyMatch(s -> s.applicationId().equals(id));
      if (!done) {
        skipped.add(skip(officer, id, reason));
      }
    }
  }

  /** A skipped application, named by its tracking code when it is one of the office's. */
  private SigningReport.Skipped skip(Officer officer, ApplicationId id, String reason) {
    String label;
    try {
      label = applications.get(officer.officeId(), id).trackingCode().value();
    } catch (NotFoundException e) {
      label = id.toString();
    }
    return new SigningReport.Skipped(id, label, reason);
  }

  /**
   * A letter on its way: its application read and checked, its number claimed (in the order of the
   * batch) and its layout, signature and storing given to a worker; or why it could not start.
   */
  private record Pending(
      ApplicationId id,
      Application application,
      LocalDate day,
      String code,
      LetterNumbering.Claim claim,
      Future<Made> made,
      RuntimeException failed) {}

  /** A letter laid out with the number it expects, not signed yet. */
  private record Laid(
      ServiceType service,
      String location,
      LetterRendering.Prepared prepared,
      RenderedLetter rendered) {}

  /** A letter laid out and signed with the number it expects, and stored. */
  private record Made(
      ServiceType service,
      String location,
      LetterRendering.Prepared prepared,
      Instant signedAt,
      GeneratedFiles.Stored stored) {}

  /** A letter issued, and whether it was laid out again with another number than expected. */
  private record Issued(SigningReport.Signed signed, boolean laidOutAgain) {}

  private Pending start(
      Officer officer,
      Signatory signatory,
      KeyOpening session,
      BatchReads shared,
      ApplicationId id,
      LocalDate today) {
    LetterNumbering.Claim claim = null;
    try {
      Application application = approved(officer, id);
      String code = VerificationCode.generate(random).value();
      // on this thread: the verification address may come from the signer's request
      LetterRequest request = request(application, today, signatory, code);
      claim = shared.claims().claim(application.officeId(), application.serviceId(), today);
      LetterNumber expected = claim.expected();
      Future<Made> made =
          LetterWorkers.supply(() -> layOut(shared, application, request, expected))
              .thenCombineAsync(
                  session.opened(),
                  (laid, opened) -> signAndStore(opened, laid, expected),
                  LetterWorkers.executor());
      return new Pending(id, application, today, code, claim, made, null);
    } catch (RuntimeException e) {
      if (claim != null) {
        claim.close();
      }
      return new Pending(id, null, today, null, null, null, e);
    }
  }

  /** On a worker: the letter laid out with the number it expects. */
  private Laid layOut(
      BatchReads shared, Application application, LetterRequest request, LetterNumber number) {
    ServiceType service = shared.service(application.officeId(), application.serviceId());
    String location = shared.place(application.officeId());
    LetterRendering.Prepared prepared = shared.rendering().prepare(request);
    return new Laid(service, location, prepared, prepared.render(number.text()));
  }

  /** On a worker, once the key is open: the letter signed and stored. */
  private Made signAndStore(SigningSession session, Laid laid, LetterNumber number) {
    Instant now = clock.instant();
    byte[] pdf = sign(session, laid.rendered(), laid.service(), laid.location(), number, now);
    // the signed PDF goes to the blob store; removed again unless its letter is recorded
    return new Made(laid.service(), laid.location(), laid.prepared(), now, files.store(pdf));
  }

  private static byte[] sign(
      SigningSession session,
      RenderedLetter rendered,
      ServiceType service,
      String location,
      LetterNumber number,
      Instant now) {
    return session.sign(
        rendered.pdf(),
        rendered.signatureBox(),
        new SignatureDetails(service.name() + " " + number.text(), location, now));
  }

  /**
   * Issues a letter on its way once the letters claimed before it have been: the number's lock is
   * held from taking it to the commit, over the inserts only (and, when the number is not the
   * expected one, over laying out and signing the letter again).
   */
  private SigningReport.Signed finish(
      Officer officer,
      Signatory signatory,
      KeyOpening opening,
      BatchReads shared,
      Pending pending) {
    if (pending.failed() != null) {
      throw pending.failed();
    }
    try (LetterNumbering.Claim claim = pending.claim()) {
      Made made = KeyOpening.result(pending.made());
      SigningSession session = opening.get();
      try {
        awaitTurn(claim);
        Issued issued =
            transactions.execute(tx -> issue(officer, signatory, session, shared, pending, made));
        if (issued.laidOutAgain()) {
          files.remove(made.stored().key());
        }
        return issued.signed();
      } catch (RuntimeException | Error e) {
        files.remove(made.stored().key());
        throw e;
      }
    }
  }

  private Issued issue(
      Officer officer,
      Signatory signatory,
      SigningSession session,
      BatchReads shared,
      Pending pending,
      Made made) {
    Application read = pending.application();
    Application application = decisions.issue(read.officeId(), read.id(), officer.fullName());
    LocalDate day = pending.day();
    LetterNumber number = numbering.take(application.officeId(), application.serviceId(), day);
    GeneratedFiles.Stored stored = made.stored();
    Instant signedAt = made.signedAt();
    boolean sameContent =
        application.applicant().equals(read.applicant())
            && application.answers().equals(read.answers());
    boolean again = !number.equals(pending.claim().expected()) || !sameContent;
    if (again) {
      // not the number (or the application) it was laid out with: again, under the lock
      LetterRendering.Prepared prepared =
          sameContent
              ? made.prepared()
              : shared
                  .rendering()
                  .prepare(request(application, pending.day(), signatory, pending.code()));
      signedAt = clock.instant();
      byte[] pdf =
          sign(
              session,
              prepared.render(number.text()),
              made.service(),
              made.location(),
              number,
              signedAt);
      // in this transaction: removed again if it rolls back
      stored = files.store(pdf);
    }
    UUID letterId = UUID.randomUUID();
    repository.insert(
        new LetterRepository.NewLetter(
            letterId,
            application.officeId(),
            application.id().value(),
            application.serviceId(),
            number,
            pending.code(),
            stored,
            made.service().name(),
            application.applicant().name(),
            day,
            signedAt,
            officer.staffId(),
            signatory.profile().fullName(),
            signatory.profile().nip(),
            signatory.position(),
            signatory.capacity().name()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("number", number.text());
    details.put("trackingCode", application.trackingCode().value());
    details.put("capacity", signatory.capacity().name());
    audit.record(application.officeId(), "letter.signed", "letter", letterId, details);
    events.publishEvent(
        new LetterIssued(
            letterId,
            application.officeId(),
            application.id(),
            application.trackingCode().value(),
            number.text(),
            pending.code(),
            signedAt,
            application.serviceId()));
    return new Issued(
        new SigningReport.Signed(
            application.id(), application.trackingCode().value(), number.text()),
        again);
  }

  /**
   * A letter not finished (the batch stopped): its claim closed, what its worker stored removed.
   */
  private void abandon(Pending pending) {
    if (pending.claim() == null) {
      return;
    }
    try (LetterNumbering.Claim claim = pending.claim()) {
      files.remove(KeyOpening.result(pending.made()).stored().key());
    } catch (RuntimeException e) {
      // its worker failed too: nothing stored
    }
  }

  private static void awaitTurn(LetterNumbering.Claim claim) {
    try {
      claim.awaitTurn();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while a letter waited for its number", e);
    }
  }

  private Application approved(Officer officer, ApplicationId id) {
    Application application = applications.get(officer.officeId(), id);
    if (application.status() != ApplicationStatus.APPROVED) {
      throw new IllegalTransitionException(application.status(), ApplicationStatus.ISSUED);
    }
    return application;
  }

  /**
   * What a letter is laid out from, dated {@code day}: the day its number's year comes from (the
   * batch's day, though a batch begun before midnight finishes after it).
   */
  private LetterRequest request(
      Application application, LocalDate day, Signatory signatory, String code) {
    return new LetterRequest(
        application.officeId(),
        application.serviceId(),
        application.applicant(),
        application.answers(),
        application.trackingCode().value(),
        null,
        day,
        signatory == null ? null : signatory.line(),
        code == null ? null : verificationUrl(code));
  }

  /**
   * The public address of a letter's verification page, as its QR code encodes it: under {@code
   * layanan.letters.public-url}, or when that is not set the address the signer reached the site at
   * (or this server on localhost, outside a web request).
   */
  public String verificationUrl(String code) {
    return address.base() + "/v/" + code;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
  }
}
