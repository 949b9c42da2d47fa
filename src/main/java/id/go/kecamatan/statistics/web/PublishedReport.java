package id.go.kecamatan.statistics.web;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** A published version of an office's monthly report, without its files. */
public record PublishedReport(
    UUID id, YearMonth month, int version, Instant publishedAt, String publishedBy, String reason) {

  /** The file name without extension, e.g. {@code 2026-11-v2}. */
  public String name() {
    return month + "-v" + version;
  }

  /** Whether this version corrects an earlier one. */
  public boolean correction() {
    return version > 1;
  }
}
