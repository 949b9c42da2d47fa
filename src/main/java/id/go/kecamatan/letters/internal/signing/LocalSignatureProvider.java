package id.go.kecamatan.letters.internal.signing;

import id.go.kecamatan.letters.internal.render.SignatureBox;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The system's own signer (the default, {@code layanan.letters.signer.kind=local}): opens the
 * signer's key with the passphrase and signs PAdES B-B, or B-T when {@code layanan.letters.tsa-url}
 * names a time-stamp authority.
 */
@Component
@ConditionalOnProperty(
    name = "layanan.letters.signer.kind",
    havingValue = "local",
    matchIfMissing = true)
public class LocalSignatureProvider implements SignatureProvider {

  private final SigningKeyStore keys;
  private final CertificateAuthority authority;
  private final SigningLockout lockout;
  private final Clock clock;
  private final TimeStampClient timeStamps;

  LocalSignatureProvider(
      SigningKeyStore keys,
      CertificateAuthority authority,
      SigningLockout lockout,
      Clock clock,
      @Value("${layanan.letters.tsa-url:}") String tsaUrl,
      @Value("${layanan.letters.tsa-timeout:PT20S}") Duration tsaTimeout) {
    this.keys = keys;
    this.authority = authority;
    this.lockout = lockout;
    this.clock = clock;
    this.timeStamps =
        tsaUrl == null || tsaUrl.isBlank()
            ? null
            : new TimeStampClient(URI.create(tsaUrl.strip()), tsaTimeout);
  }

  @Override
  public SigningSession open(SignerIdentity signer, char[] passphrase) {
    SigningKeyStore.StoredKey key =
        keys.find(signer.officeId(), signer.staffId())
            .orElseThrow(
                () -> new SigningUnavailableException("The signer has no signing key yet"));
    // counted before the slow key derivation, so parallel tries cannot pass the lock-out together
    SigningLockout.Attempt attempt = lockout.reserve(signer.officeId(), signer.staffId());
    Optional<byte[]> opened;
    try {
      opened =
          KeySealing.open(
              key.sealedKey(),
              passphrase == null ? new char[0] : passphrase,
              SigningKeyStore.sealingContext(signer.staffId()));
    } catch (RuntimeException e) {
      lockout.release(attempt);
      throw e;
    }
    byte[] pkcs8 = opened.orElseThrow(() -> lockout.wrongPassphrase(attempt));
    lockout.succeeded(attempt);
    PrivateKey privateKey;
    try {
      privateKey = CertificateAuthority.privateKey(pkcs8);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
    X509Certificate certificate = key.certificate();
    Instant now = clock.instant();
    if (certificate.getNotAfter().toInstant().isBefore(now)) {
      throw new SigningUnavailableException(
          "The signer's certificate expired on "
              + certificate.getNotAfter().toInstant()
              + ": the signer replaces the key");
    }
    return new Session(
        new PadesSigner(privateKey, List.of(certificate, authority.certificate()), timeStamps));
  }

  /** An opened key, usable from several threads at once; forgotten on close. */
  private static final class Session implements SigningSession {

    private volatile PadesSigner signer;

    Session(PadesSigner signer) {
      this.signer = signer;
    }

    @Override
    public byte[] sign(byte[] pdf, SignatureBox box, SignatureDetails details) {
      PadesSigner opened = signer;
      if (opened == null) {
        throw new IllegalStateException("The signing session is closed");
      }
      return opened.sign(pdf, box, details);
    }

    @Override
    public void close() {
      signer = null;
    }
  }
}
