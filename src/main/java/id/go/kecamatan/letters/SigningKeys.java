package id.go.kecamatan.letters;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.letters.internal.signing.CertificateAuthority;
import id.go.kecamatan.letters.internal.signing.KeySealer;
import id.go.kecamatan.letters.internal.signing.SigningKeyStore;
import id.go.kecamatan.letters.internal.signing.SigningLockedException;
import id.go.kecamatan.letters.internal.signing.SigningLockout;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.Sha256;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.nio.CharBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signers' keys: a P-256 key pair per signer with a certificate issued by the deployment's
 * certificate authority, the private key stored only encrypted under the signer's passphrase (which
 * is never stored). A forgotten passphrase cannot be recovered: the signer replaces the key, which
 * issues a new certificate. Letters signed before keep the old certificate in their signature.
 *
 * <p>On the web a key is created or replaced, and a NIK saved, only with the staff account's
 * password typed again ({@link #createWithPassword}, {@link #saveNik}): a borrowed session alone
 * cannot choose a signer's passphrase. A wrong password counts like a wrong passphrase in the
 * signer's lock-out, nothing is replaced while signing is locked, and replacing does not lift the
 * lock-out.
 */
@Service
public class SigningKeys {

  /** The fewest characters (code points) of a passphrase. */
  public static final int MIN_PASSPHRASE = 8;

  /** The most characters (code points) of a passphrase. */
  public static final int MAX_PASSPHRASE = 200;

  /** Longer typed passwords are wrong without hashing them (the account rule allows 128). */
  private static final int MAX_PASSWORD = 1024;

  /** How long a signer's certificate is valid. */
  public static final Duration VALIDITY = Duration.ofDays(2 * 365);

  private final SigningKeyStore store;
  private final CertificateAuthority authority;
  private final KeySealer sealer;
  private final SigningLockout lockout;
  private final StaffAccounts accounts;
  private final Offices offices;
  private final AuditTrail audit;
  private final PasswordEncoder passwords;
  private final Clock clock;

  SigningKeys(
      SigningKeyStore store,
      CertificateAuthority authority,
      KeySealer sealer,
      SigningLockout lockout,
      StaffAccounts accounts,
      Offices offices,
      AuditTrail audit,
      PasswordEncoder passwords,
      Clock clock) {
    this.store = store;
    this.authority = authority;
    this.sealer = sealer;
    this.lockout = lockout;
    this.accounts = accounts;
    this.offices = offices;
    this.audit = audit;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * The length rule of a passphrase, the one definition for new keys and for signing: {@value
   * #MIN_PASSPHRASE} to {@value #MAX_PASSPHRASE} characters counted as code points.
   */
  public static boolean passphraseLengthOk(char[] passphrase) {
    int length = passphraseLength(passphrase);
    return length >= MIN_PASSPHRASE && length <= MAX_PASSPHRASE;
  }

  private static int passphraseLength(char[] passphrase) {
    return passphrase == null ? 0 : Character.codePointCount(passphrase, 0, passphrase.length);
  }

  /** The rules of a new passphrase (field {@code passphrase}). */
  public static FieldErrors checkPassphrase(char[] passphrase) {
    FieldErrors errors = new FieldErrors();
    int length = passphraseLength(passphrase);
    if (length == 0) {
      errors.reject("passphrase", "error.required");
    } else if (length < MIN_PASSPHRASE) {
      errors.reject("passphrase", "signing.passphrase.tooShort", MIN_PASSPHRASE);
    } else if (length > MAX_PASSPHRASE) {
      errors.reject("passphrase", "signing.passphrase.tooLong", MAX_PASSPHRASE);
    } else if (new String(passphrase).chars().anyMatch(Character::isISOControl)) {
      errors.reject("passphrase", "error.control");
    }
    return errors;
  }

  /**
   * Creates or replaces the signer's own key from the web: the account's password (field {@code
   * password}) is checked first, and counts in the lock-out when wrong; the name and NIP come from
   * the account. See {@link #create}.
   *
   * @return the new certificate, or the errors of the password, passphrase or NIP
   */
  @Transactional
  public Outcome<SignerCertificate> createWithPassword(
      UUID officeId, UUID staffId, char[] password, char[] passphrase) {
    Staff staff = signer(officeId, staffId);
    FieldErrors errors = checkPassphrase(passphrase);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    errors = reauthenticate(officeId, staffId, password);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    return create(staffId, officeId, staff.fullName(), staff.nip(), passphrase);
  }

  /**
   * Creates the signer's key, or replaces it (a new key pair and certificate), under a new
   * passphrase, without asking for the account's password: for the demo data and tests only, the
   * web uses {@link #createWithPassword}. Refused while signing is locked; the wrong passphrases
   * counted stay counted. Audited as {@code signing-key.created} or {@code signing-key.replaced}.
   *
   * @param staffId a staff account of this office with the SIGNER role
   * @param name the signer's name, the certificate's CN
   * @param nip the signer's NIP (the certificate's serialNumber), may be {@code null}
   * @return the new certificate, or the errors of the passphrase, name or NIP
   */
  @Transactional
  public Outcome<SignerCertificate> create(
      UUID staffId, UUID officeId, String name, String nip, char[] passphrase) {
    signer(officeId, staffId);
    Optional<Instant> locked = lockout.lockedUntil(staffId);
    if (locked.isPresent()) {
      return Outcome.failed(
          new FieldErrors().reject("passphrase", "signing.locked", time(locked.get())));
    }
    FieldErrors errors = checkPassphrase(passphrase);
    errors.text("name", name, 120);
    String cleanNip = FieldErrors.clean(nip);
    if (cleanNip != null && !cleanNip.matches("\\d{18}")) {
      errors.reject("nip", "signing.nip.invalid");
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    X500NameBuilder subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "ID")
            .addRDN(BCStyle.O, offices.get(officeId).displayName());
    if (cleanNip != null) {
      subject.addRDN(BCStyle.SERIALNUMBER, cleanNip);
    }
    subject.addRDN(BCStyle.CN, name.strip());
    X500Name x500 = subject.build();
    Instant now = clock.instant();
    KeyPair pair = CertificateAuthority.newKeyPair();
    X509Certificate certificate =
        authority.issue(
            pair.getPublic(), x500, now.minus(Duration.ofMinutes(5)), now.plus(VALIDITY));
    byte[] sealed =
        sealer.seal(
            pair.getPrivate().getEncoded(), passphrase, SigningKeyStore.sealingContext(staffId));
    boolean replaced = store.save(officeId, staffId, certificate, sealed, now);
    SignerCertificate shown = certificate(officeId, staffId).orElseThrow();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("subject", shown.subject());
    details.put("serial", shown.serialNumber());
    details.put("sha256", shown.sha256Fingerprint());
    audit.record(
        officeId,
        replaced ? "signing-key.replaced" : "signing-key.created",
        "staff",
        staffId,
        details);
    return Outcome.done(shown);
  }

  public boolean hasKey(UUID officeId, UUID staffId) {
    return store.find(officeId, staffId).isPresent();
  }

  /** The signer's current certificate, if the signer has a key. */
  public Optional<SignerCertificate> certificate(UUID officeId, UUID staffId) {
    return store
        .find(officeId, staffId)
        .map(
            key -> {
              X509Certificate c = key.certificate();
              return new SignerCertificate(
                  X500Name.getInstance(c.getSubjectX500Principal().getEncoded()).toString(),
                  c.getSerialNumber().toString(16).toUpperCase(),
                  X500Name.getInstance(c.getIssuerX500Principal().getEncoded()).toString(),
                  c.getNotBefore().toInstant(),
                  c.getNotAfter().toInstant(),
                  fingerprint(c),
                  key.createdAt(),
                  key.replacedAt());
            });
  }

  /** The signer's NIK for a remote signing service. */
  public Optional<String> nik(UUID officeId, UUID staffId) {
    return store.nik(officeId, staffId);
  }

  /**
   * Saves the signer's NIK for a remote signing service (field {@code nik}) with the account's
   * password typed again (field {@code password}, counted in the lock-out when wrong); audited.
   */
  @Transactional
  public FieldErrors saveNik(UUID officeId, UUID staffId, String nik, char[] password) {
    signer(officeId, staffId);
    FieldErrors errors = new FieldErrors();
    String digits = nik == null ? "" : nik.replaceAll("[\\s.]", "");
    if (digits.isEmpty()) {
      errors.reject("nik", "error.required");
    } else if (!digits.matches("\\d{16}")) {
      errors.reject("nik", "signing.nik.invalid");
    }
    if (errors.any()) {
      return errors;
    }
    errors = reauthenticate(officeId, staffId, password);
    if (errors.any()) {
      return errors;
    }
    store.saveNik(officeId, staffId, digits, clock.instant());
    audit.record(
        officeId, "signing-key.nik-saved", "staff", staffId, Map.of("nik", masked(digits)));
    return errors;
  }

  private Staff signer(UUID officeId, UUID staffId) {
    Staff staff = accounts.get(officeId, staffId);
    if (!staff.roles().contains(Role.SIGNER)) {
      throw new IllegalArgumentException("Only a signer has a signing key");
    }
    return staff;
  }

  /**
   * The account's password typed again (field {@code password}), as a try in the signer's lock-out:
   * refused while locked, counted and audited when wrong, not counted when right (which lifts
   * nothing either).
   */
  private FieldErrors reauthenticate(UUID officeId, UUID staffId, char[] password) {
    FieldErrors errors = new FieldErrors();
    if (password == null || password.length == 0) {
      return errors.reject("password", "error.required");
    }
    SigningLockout.Attempt attempt;
    try {
      attempt = lockout.reserve(officeId, staffId);
    } catch (SigningLockedException e) {
      return errors.reject("password", "signing.locked", time(e.until()));
    }
    boolean right;
    try {
      right = passwordMatches(staffId, password);
    } catch (RuntimeException e) {
      lockout.release(attempt);
      throw e;
    }
    if (right) {
      lockout.release(attempt);
      return errors;
    }
    audit.record(officeId, "signing-key.password-refused", "staff", staffId, Map.of());
    return lockout.wrongPassphrase(attempt) instanceof SigningLockedException locked
        ? errors.reject("password", "signing.locked", time(locked.until()))
        : errors.reject("password", "signing.password.wrong");
  }

  private boolean passwordMatches(UUID staffId, char[] password) {
    if (password.length > MAX_PASSWORD) {
      return false;
    }
    try {
      return passwords.matches(CharBuffer.wrap(password), accounts.passwordHashOf(staffId));
    } catch (IllegalArgumentException e) {
      // e.g. longer than the hash function takes: not the password
      return false;
    }
  }

  private String time(Instant instant) {
    return DateTimeFormatter.ofPattern("HH:mm").withZone(clock.getZone()).format(instant);
  }

  private static String masked(String nik) {
    return nik.substring(0, 6) + "******" + nik.substring(12);
  }

  static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = Sha256.of(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
