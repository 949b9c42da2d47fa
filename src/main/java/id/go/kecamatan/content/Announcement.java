package id.go.kecamatan.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An announcement (pengumuman) of an office, or of the whole regency ({@code officeId} null), shown
 * from {@code startsOn} to {@code endsOn} (days in the deployment's zone) and gone by itself
 * afterwards. Plain text: the body is read as {@link NoticeText} blocks and never as markup.
 *
 * @param ticker the line the counter's display board runs (teks berjalan), or null
 * @param banner whether it may show as the banner on the office's home page
 * @param reviewOn the day its author is reminded to check it is still true
 */
public record Announcement(
    UUID id,
    UUID regencyId,
    UUID officeId,
    String title,
    String body,
    String ticker,
    AnnouncementPriority priority,
    boolean banner,
    LocalDate startsOn,
    LocalDate endsOn,
    LocalDate reviewOn,
    UUID authorId,
    Instant createdAt,
    Instant updatedAt,
    String updatedBy,
    int version) {

  /** For the whole regency rather than one office. */
  public boolean regencyWide() {
    return officeId == null;
  }

  /** Shown on this day. */
  public boolean current(LocalDate day) {
    return !day.isBefore(startsOn) && !day.isAfter(endsOn);
  }

  /** Over: no page shows it any more. */
  public boolean expired(LocalDate day) {
    return day.isAfter(endsOn);
  }
}
