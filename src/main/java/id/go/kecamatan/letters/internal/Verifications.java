package id.go.kecamatan.letters.internal;

import id.go.kecamatan.letters.IssuedLetter;
import id.go.kecamatan.letters.VerificationCode;
import id.go.kecamatan.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The public verification of a letter by its QR code: the letter behind a code, counting each
 * opening of the page, and whether an uploaded file is exactly the issued PDF (same SHA-256).
 */
@Service
public class Verifications {

  /** The largest file compared: the servlet's limit per file. */
  public static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F'};

  private final LetterRepository letters;
  private final Clock clock;

  private final org.springframework.context.ApplicationEventPublisher events;

  Verifications(
      LetterRepository letters,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.letters = letters;
    this.clock = clock;
    this.events = events;
  }

  /**
   * The letter behind a code.
   *
   * @param countScan whether this is an opening of the page to count (a GET, not a HEAD)
   */
  @org.springframework.transaction.annotation.Transactional
  public Optional<IssuedLetter> find(VerificationCode code, boolean countScan) {
    if (!countScan) {
      return letters.byCode(code.value());
    }
    java.time.Instant now = clock.instant();
    Optional<IssuedLetter> letter = letters.scan(code.value(), now);
    letter.ifPresent(
        l ->
            events.publishEvent(
                new id.go.kecamatan.letters.LetterVerified(
                    l.id(),
                    l.officeId(),
                    new id.go.kecamatan.application.ApplicationId(l.applicationId()),
                    now)));
    return letter;
  }

  /** What an uploaded file turned out to be. */
  public enum Comparison {
    /** Byte for byte the issued PDF. */
    SAME,
    /** A PDF, but not the issued one: changed, re-saved or another document. */
    DIFFERENT,
    /** No bytes. */
    EMPTY,
    /** Not a PDF (no {@code %PDF} at the start). */
    NOT_PDF,
    /** Larger than {@link #MAX_UPLOAD_BYTES}. */
    TOO_LARGE
  }

  /** Compares an uploaded file with the letter, reading it once and never keeping it. */
  public Comparison compare(IssuedLetter letter, InputStream upload) throws IOException {
    MessageDigest sha256 = Sha256.digest();
    try (DigestInputStream in = new DigestInputStream(upload, sha256)) {
      byte[] head = in.readNBytes(PDF_MAGIC.length);
      if (head.length == 0) {
        return Comparison.EMPTY;
      }
      if (!Arrays.equals(head, PDF_MAGIC)) {
        return Comparison.NOT_PDF;
      }
      long size = head.length;
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        size += n;
        if (size > MAX_UPLOAD_BYTES) {
          return Comparison.TOO_LARGE;
        }
      }
    }
    String digest = HexFormat.of().formatHex(sha256.digest());
    return MessageDigest.isEqual(
            digest.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            letter
                .sha256()
                .strip()
                .toLowerCase(java.util.Locale.ROOT)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        ? Comparison.SAME
        : Comparison.DIFFERENT;
  }
}
