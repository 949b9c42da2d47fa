package id.go.kecamatan.statistics.web;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A published version of an office's (or the regency's) monthly report, without its files.
 *
 * @param awaitingSignature prepared for an office that signs its reports and not signed yet: not
 *     public
 * @param signedAt when the signer signed it, {@code null} when unsigned
 * @param signerName who signed it, {@code null} when unsigned
 * @param signerPosition in which capacity, e.g. {@code Camat Jetis}, {@code null} when unsigned
 */
public record PublishedReport(
    UUID id,
    YearMonth month,
    int version,
    Instant publishedAt,
    String publishedBy,
    String reason,
    boolean awaitingSignature,
    Instant signedAt,
    String signerName,
    String signerPosition) {

  /** A version as published, not signed. */
  public PublishedReport(
      UUID id,
      YearMonth month,
      int version,
      Instant publishedAt,
      String publishedBy,
      String reason) {
    this(id, month, version, publishedAt, publishedBy, reason, false, null, null, null);
  }

  /** The file name without extension, e.g. {@code 2026-11-v2}. */
  public String name() {
    return month + "-v" + version;
  }

  /** Whether this version corrects an earlier one. */
  public boolean correction() {
    return version > 1;
  }

  /** Whether the Camat (or a delegate) signed it electronically. */
  public boolean signed() {
    return signedAt != null;
  }
}
