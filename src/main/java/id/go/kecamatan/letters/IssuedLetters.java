package id.go.kecamatan.letters;

import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.LetterRevocations;
import id.go.kecamatan.letters.internal.LetterRepository;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The issued letters for other modules: read only, without the PDF. The letter row itself is
 * written at signing, in the transaction that moves the application to ISSUED; its verification
 * code must be a {@link VerificationCode#generate generated} {@link VerificationCode#value()}.
 */
@Service
public class IssuedLetters implements LetterRevocations {

  private final LetterRepository letters;

  IssuedLetters(LetterRepository letters) {
    this.letters = letters;
  }

  /** The letter behind a verification code as typed or scanned (no scan is counted). */
  public Optional<IssuedLetter> byVerificationCode(String code) {
    return VerificationCode.parse(code).flatMap(c -> letters.byCode(c.value()));
  }

  /**
   * The letters issued for the applications with these tracking codes, revoked ones included, by
   * tracking code; for a resident who may open those applications (the portal).
   */
  public Map<String, IssuedLetter> ofTrackingCodes(Collection<String> trackingCodes) {
    return letters.byTrackingCodes(trackingCodes).stream()
        .collect(Collectors.toMap(IssuedLetter::trackingCode, Function.identity()));
  }

  /** The signed PDF of an issued letter. */
  public Optional<byte[]> pdf(IssuedLetter letter) {
    return letters.pdf(letter.officeId(), letter.id());
  }

  /** The letter of one office's application, if one was issued. */
  public Optional<IssuedLetter> ofApplication(UUID officeId, ApplicationId applicationId) {
    return letters.byApplication(officeId, applicationId.value());
  }

  @Override
  public Optional<Revocation> of(UUID officeId, ApplicationId applicationId) {
    return ofApplication(officeId, applicationId)
        .filter(IssuedLetter::revoked)
        .map(l -> new Revocation(l.revokedAt(), l.revocationReason()));
  }
}
