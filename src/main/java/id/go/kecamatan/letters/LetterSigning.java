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
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Signing and issuing letters: for each approved application, in ONE transaction, the next letter
 * number is taken, the letter rendered to PDF/A-3 with that number, the signature block and the QR
 * code of its verification page, signed (PAdES) with the signer's key opened once for the whole
 * batch, stored, the application moved to ISSUED and {@link LetterIssued} published. A failure
 * anywhere rolls the whole letter back, its number included, so numbers have no gaps; a wrong
 * passphrase signs nothing and takes no number.
 */
@Service
public class LetterSigning {

  /** The most letters signed with one passphrase entry. */
  public static final int MAX_BATCH = 50;

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
  private final JdbcClient jdbc;
  private final GeneratedFiles files;
  private final SigningMetrics metrics;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final String publicUrl;
  private final Environment environment;
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
      JdbcClient jdbc,
      GeneratedFiles files,
      SigningMetrics metrics,
      PlatformTransactionManager transactionManager,
      Clock clock,
      @Value("${layanan.letters.public-url:}") String publicUrl,
      Environment environment) {
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
    this.jdbc = jdbc;
    this.files = files;
    this.metrics = metrics;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    this.environment = environment;
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
    return rendering.render(request(application, null, null, null)).pdf();
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
      try (SigningSession session = signer.open(identity, passphrase)) {
        for (ApplicationId id : chosen) {
          try {
            signed.add(signOne(officer, signatory.get(), session, id, today));
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

  private SigningReport.Signed signOne(
      Officer officer,
      Signatory signatory,
      SigningSession session,
      ApplicationId id,
      LocalDate today) {
    return transactions.execute(
        tx -> {
          // everything but the number first: the number's lock is held from taking it to the
          // commit, so only the layout, the signature and the inserts happen under it
          Application application = approved(officer, id);
          ServiceType service = catalog.service(application.officeId(), application.serviceId());
          String location = offices.get(application.officeId()).name();
          String code = VerificationCode.generate(random).value();
          LetterRendering.Prepared prepared =
              rendering.prepare(request(application, null, signatory, code));
          decisions.issue(application.officeId(), application.id(), officer.fullName());
          LetterNumber number =
              numbering.take(application.officeId(), application.serviceId(), today);
          RenderedLetter rendered = prepared.render(number.text());
          Instant now = clock.instant();
          byte[] pdf =
              session.sign(
                  rendered.pdf(),
                  rendered.signatureBox(),
                  new SignatureDetails(service.name() + " " + number.text(), location, now));
          UUID letterId = UUID.randomUUID();
          // the signed PDF goes to the blob store; removed again if this transaction rolls back
          GeneratedFiles.Stored stored = files.store(pdf);
          jdbc.sql(
                  """
                  insert into letter
                    (id, office_id, application_id, service_id, number, number_scope,
                     number_year, number_sequence, verification_code, sha256, pdf_key, service_name,
                     applicant_name, letter_date, signed_at, signed_by, signer_name, signer_nip,
                     signer_position, capacity)
                  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                  """)
              .params(
                  letterId,
                  application.officeId(),
                  application.id().value(),
                  application.serviceId(),
                  number.text(),
                  number.scope(),
                  number.year(),
                  number.sequence(),
                  code,
                  stored.sha256(),
                  stored.key(),
                  service.name(),
                  application.applicant().name(),
                  java.sql.Date.valueOf(today),
                  Timestamp.from(now),
                  officer.staffId(),
                  signatory.profile().fullName(),
                  signatory.profile().nip(),
                  signatory.position(),
                  signatory.capacity().name())
              .update();
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
                  code,
                  now));
          return new SigningReport.Signed(
              application.id(), application.trackingCode().value(), number.text());
        });
  }

  private Application approved(Officer officer, ApplicationId id) {
    Application application = applications.get(officer.officeId(), id);
    if (application.status() != ApplicationStatus.APPROVED) {
      throw new IllegalTransitionException(application.status(), ApplicationStatus.ISSUED);
    }
    return application;
  }

  private LetterRequest request(
      Application application, String number, Signatory signatory, String code) {
    return new LetterRequest(
        application.officeId(),
        application.serviceId(),
        application.applicant(),
        application.answers(),
        application.trackingCode().value(),
        number,
        today(),
        signatory == null ? null : signatory.line(),
        code == null ? null : verificationUrl(code));
  }

  /**
   * The public address of a letter's verification page, as its QR code encodes it: under {@code
   * layanan.letters.public-url}, or when that is not set the address the signer reached the site at
   * (or this server on localhost, outside a web request).
   */
  public String verificationUrl(String code) {
    return publicBaseUrl() + "/v/" + code;
  }

  /**
   * The address residents reach the site at, without a trailing slash: {@code
   * layanan.letters.public-url}, or when that is not set the address of the current web request (or
   * this server on localhost, outside a web request). Links in letters and messages start with it.
   */
  public String publicBaseUrl() {
    if (!publicUrl.isEmpty()) {
      return publicUrl;
    }
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
        ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
        : "http://localhost:" + environment.getProperty("local.server.port", "8080");
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
