package id.go.kecamatan.letters.internal;

import id.go.kecamatan.letters.Delegation;
import id.go.kecamatan.letters.Delegations;
import id.go.kecamatan.letters.SignerPosition;
import id.go.kecamatan.letters.SignerProfile;
import id.go.kecamatan.letters.SignerProfiles;
import id.go.kecamatan.letters.internal.render.SignatureLine;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may sign the office's letters on a day, and in what wording: the Camat in person; the Sekcam
 * or another signer only while a delegation of the Camat covers the day, as "a.n. CAMAT ..." under
 * their own title or as "Plh. CAMAT ...". A signer without a profile or a delegation cannot sign.
 */
@Component
public class Signatories {

  private final SignerProfiles profiles;
  private final Delegations delegations;
  private final Offices offices;

  Signatories(SignerProfiles profiles, Delegations delegations, Offices offices) {
    this.profiles = profiles;
    this.delegations = delegations;
    this.offices = offices;
  }

  /**
   * The signers who may sign the office's letters on this day ({@link #of} is present), the Camat
   * first, then by name.
   */
  public List<SignerProfile> signersOn(UUID officeId, LocalDate day) {
    return profiles.signers(officeId).stream()
        .map(SignerProfiles.Signer::profile)
        .filter(Objects::nonNull)
        .filter(p -> of(officeId, p.staffId(), day).isPresent())
        .sorted(
            Comparator.comparing((SignerProfile p) -> p.position() != SignerPosition.CAMAT)
                .thenComparing(SignerProfile::fullName))
        .toList();
  }

  /** How this signer signs on this day, or empty when they may not sign. */
  public Optional<Signatory> of(UUID officeId, UUID staffId, LocalDate day) {
    Optional<SignerProfile> found = profiles.profile(officeId, staffId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SignerProfile profile = found.get();
    Office office = offices.get(officeId);
    String officeTitle = "CAMAT " + office.name().toUpperCase(Locale.ROOT);
    String camat = "Camat " + office.name();
    if (profile.position() == SignerPosition.CAMAT) {
      return Optional.of(
          new Signatory(
              profile,
              Signatory.Capacity.OWN,
              null,
              new SignatureLine(
                  null, officeTitle, null, profile.fullName(), profile.rank(), profile.nip()),
              camat));
    }
    return delegations
        .covering(officeId, staffId, day)
        .map(
            delegation ->
                delegation.kind() == Delegation.Kind.AN
                    ? new Signatory(
                        profile,
                        Signatory.Capacity.AN,
                        delegation,
                        new SignatureLine(
                            "a.n.",
                            officeTitle,
                            profile.title(),
                            profile.fullName(),
                            profile.rank(),
                            profile.nip()),
                        "a.n. " + camat + ", " + profile.title())
                    : new Signatory(
                        profile,
                        Signatory.Capacity.PLH,
                        delegation,
                        new SignatureLine(
                            "Plh.",
                            officeTitle,
                            null,
                            profile.fullName(),
                            profile.rank(),
                            profile.nip()),
                        "Plh. " + camat));
  }
}
