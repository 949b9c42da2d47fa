package id.go.kecamatan.letters;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.letters.internal.Signatories;
import id.go.kecamatan.letters.internal.Signatory;
import id.go.kecamatan.letters.internal.render.SignatureBox;
import id.go.kecamatan.letters.internal.signing.SignatureDetails;
import id.go.kecamatan.letters.internal.signing.SignatureProvider;
import id.go.kecamatan.letters.internal.signing.SignerIdentity;
import id.go.kecamatan.letters.internal.signing.SigningLockedException;
import id.go.kecamatan.letters.internal.signing.SigningSession;
import id.go.kecamatan.letters.internal.signing.SigningUnavailableException;
import id.go.kecamatan.letters.internal.signing.WrongPassphraseException;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Signing an office's document other than a letter (the monthly report of the statistics) exactly
 * as its letters are signed: by a signer who may sign the office's letters today (the Camat, or a
 * delegate while a delegation runs, printed "a.n."/"Plh."), with their own key opened by their
 * passphrase (the same lock-out), PAdES over the PDF/A as an incremental update. The caller renders
 * its document with the {@link SignatureBlock} it is given and says where the block lies; the
 * signature's frame is drawn round it. Audited as {@code document.signed}.
 */
@Service
public class DocumentSigning {

  private final Signatories signatories;
  private final SignatureProvider signer;
  private final SigningKeys signingKeys;
  private final Offices offices;
  private final AuditTrail audit;
  private final Clock clock;

  DocumentSigning(
      Signatories signatories,
      SignatureProvider signer,
      SigningKeys signingKeys,
      Offices offices,
      AuditTrail audit,
      Clock clock) {
    this.signatories = signatories;
    this.signer = signer;
    this.signingKeys = signingKeys;
    this.offices = offices;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The signature block as printed under a document signed by this officer today.
   *
   * @param capacity {@code null} for the Camat, {@code "a.n."} or {@code "Plh."} for a delegate
   * @param officeTitle e.g. {@code CAMAT JETIS}
   * @param signerTitle the delegate's own position under an a.n. line, otherwise {@code null}
   * @param rank may be {@code null}
   * @param nip may be {@code null}
   * @param position as stored and shown, e.g. {@code a.n. Camat Jetis, Sekretaris Kecamatan}
   */
  public record SignatureBlock(
      String capacity,
      String officeTitle,
      String signerTitle,
      String name,
      String rank,
      String nip,
      String position) {}

  /** A signed document and who signed it, when. */
  public record SignedDocument(byte[] pdf, String signerName, String position, Instant signedAt) {}

  /** How this officer would sign the office's documents today, or empty when they may not. */
  public Optional<SignatureBlock> block(Officer officer) {
    if (officer == null || officer.officeId() == null || !officer.has(Role.SIGNER)) {
      return Optional.empty();
    }
    return signatories.of(officer.officeId(), officer.staffId(), today()).map(DocumentSigning::of);
  }

  /**
   * Renders the document with this officer's signature block and signs it with one passphrase
   * entry. Errors are on the field {@code passphrase}: required, too long, no authority today,
   * wrong (counted in the lock-out), locked, signing unavailable (no key, expired certificate, the
   * remote service down).
   *
   * @param subject what is signed, for the audit trail, e.g. {@code report}
   * @param reason the signature's reason, e.g. {@code Laporan bulanan pelayanan November 2026}
   * @param render the document rendered with the block, and where the block lies
   */
  public Outcome<SignedDocument> sign(
      Officer officer,
      String subject,
      UUID subjectId,
      String reason,
      Function<SignatureBlock, PdfA.Located> render,
      char[] passphrase) {
    try {
      FieldErrors errors = new FieldErrors();
      if (passphrase == null || passphrase.length == 0) {
        return Outcome.failed(errors.reject("passphrase", "error.required"));
      }
      if (Character.codePointCount(passphrase, 0, passphrase.length) > SigningKeys.MAX_PASSPHRASE) {
        return Outcome.failed(errors.reject("passphrase", "letters.sign.error.passphrase"));
      }
      Optional<Signatory> signatory =
          officer.officeId() == null || !officer.has(Role.SIGNER)
              ? Optional.empty()
              : signatories.of(officer.officeId(), officer.staffId(), today());
      if (signatory.isEmpty()) {
        return Outcome.failed(errors.reject("passphrase", "letters.document.error.noAuthority"));
      }
      SignerIdentity identity =
          new SignerIdentity(
              officer.staffId(),
              officer.officeId(),
              signatory.get().profile().fullName(),
              signatory.get().profile().nip(),
              signingKeys.nik(officer.officeId(), officer.staffId()).orElse(null));
      Instant now = clock.instant();
      byte[] signed;
      try (SigningSession session = signer.open(identity, passphrase)) {
        PdfA.Located document = render.apply(of(signatory.get()));
        signed =
            session.sign(
                document.pdf(),
                new SignatureBox(
                    document.page(),
                    document.x(),
                    document.y(),
                    document.width(),
                    document.height()),
                new SignatureDetails(reason, offices.get(officer.officeId()).name(), now));
      } catch (WrongPassphraseException e) {
        return Outcome.failed(
            errors.reject("passphrase", "letters.document.error.wrongPassphrase"));
      } catch (SigningLockedException e) {
        return Outcome.failed(
            errors.reject(
                "passphrase",
                "letters.sign.error.locked",
                DateTimeFormatter.ofPattern("HH:mm").withZone(clock.getZone()).format(e.until())));
      } catch (SigningUnavailableException e) {
        return Outcome.failed(errors.reject("passphrase", "letters.document.error.unavailable"));
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("subject", subject);
      details.put("reason", reason);
      details.put("capacity", signatory.get().capacity().name());
      details.put("sha256", LetterSigning.sha256(signed));
      audit.record(officer.officeId(), "document.signed", subject, subjectId, details);
      return Outcome.done(
          new SignedDocument(
              signed, signatory.get().profile().fullName(), signatory.get().position(), now));
    } finally {
      if (passphrase != null) {
        Arrays.fill(passphrase, '\0');
      }
    }
  }

  private static SignatureBlock of(Signatory signatory) {
    var line = signatory.line();
    return new SignatureBlock(
        line.capacity(),
        line.officeTitle(),
        line.signerTitle(),
        line.name(),
        line.rank(),
        line.nip(),
        signatory.position());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
