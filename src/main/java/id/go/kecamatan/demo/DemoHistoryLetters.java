package id.go.kecamatan.demo;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.SigningReport;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The letters of the history's approved applications ({@link DemoHistory}): the demo Camat signs
 * them through {@link LetterSigning}, as in the signing queue, on the working day after each
 * approval, in that order, so their numbers rise with their dates; then each letter, its ISSUED
 * step and so the statistics' count of letters signed (made from the letter after the commit) are
 * moved to that day, in the caller's transaction. The PDF itself was signed today (its signature
 * time and printed date say so): a signature is never dated back.
 *
 * <p>Left waiting: the approvals of the last working day (a few in the Camat's queue, as in a
 * living office), and approvals whose letter day falls in the previous year: a letter signed today
 * takes a number of this year's sequence, which a letter of last year never had, so the demo does
 * not pretend to have signed it then.
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.history", havingValue = "true")
class DemoHistoryLetters {

  /** An approved application of the history and the day and time its letter is dated. */
  private record Letter(ApplicationId id, Instant approved, Instant signed) {}

  private final LetterSigning signing;
  private final StaffAccounts accounts;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoHistoryLetters(LetterSigning signing, StaffAccounts accounts, JdbcClient jdbc, Clock clock) {
    this.signing = signing;
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Signs the office's approved applications submitted before this month (the history's: the other
   * demo applications are today's) and dates their letters in the past.
   */
  void sign(Office office, String key) {
    LocalDate today = LocalDate.now(clock);
    List<Letter> letters = new ArrayList<>();
    for (Letter approved :
        jdbc.sql(
                """
                select a.id, c.changed_at from application a
                join application_status_change c
                  on c.office_id = a.office_id and c.application_id = a.id
                  and c.to_status = 'APPROVED'
                where a.office_id = ? and a.status = 'APPROVED' and a.submitted_at < ?
                """)
            .params(
                office.id(),
                Timestamp.from(today.withDayOfMonth(1).atStartOfDay(clock.getZone()).toInstant()))
            .query(
                (rs, n) ->
                    new Letter(
                        new ApplicationId(rs.getObject(1, UUID.class)),
                        rs.getTimestamp(2).toInstant(),
                        null))
            .list()) {
      LocalDate day = nextWorkingDay(LocalDate.ofInstant(approved.approved(), clock.getZone()));
      if (day.isBefore(today) && day.getYear() == today.getYear()) {
        letters.add(
            new Letter(
                approved.id(), approved.approved(), day.atStartOfDay(clock.getZone()).toInstant()));
      }
    }
    letters.sort(Comparator.comparing(Letter::signed).thenComparing(Letter::approved));
    // the Camat signs a day's letters from nine o'clock, some twenty minutes apart
    List<Letter> dated = new ArrayList<>();
    LocalDate previous = null;
    int ofDay = 0;
    for (Letter letter : letters) {
      LocalDate day = LocalDate.ofInstant(letter.signed(), clock.getZone());
      ofDay = day.equals(previous) ? ofDay + 1 : 0;
      previous = day;
      LocalTime time = LocalTime.of(9, 0).plusMinutes(ofDay * 20L + (dated.size() * 7L) % 15);
      dated.add(
          new Letter(
              letter.id(),
              letter.approved(),
              day.atTime(time).atZone(clock.getZone()).toInstant()));
    }
    Officer camat = camat(key);
    for (int from = 0; from < dated.size(); from += LetterSigning.MAX_BATCH) {
      List<Letter> batch =
          dated.subList(from, Math.min(dated.size(), from + LetterSigning.MAX_BATCH));
      Outcome<SigningReport> signed =
          signing.sign(
              camat, batch.stream().map(Letter::id).toList(), DemoData.PASSWORD.toCharArray());
      if (!signed.ok() || !signed.value().skipped().isEmpty()) {
        throw new IllegalStateException(
            "Demo history letters of " + office.name() + " were not signed");
      }
    }
    for (Letter letter : dated) {
      moveInto(office, letter);
    }
  }

  private static LocalDate nextWorkingDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
      next = next.plusDays(1);
    }
    return next;
  }

  /** The letter, and the ISSUED step of its application, dated when the Camat signed it. */
  private void moveInto(Office office, Letter letter) {
    Timestamp at = Timestamp.from(letter.signed());
    jdbc.sql(
            """
            update letter set signed_at = :at, letter_date = :day
            where office_id = :office and application_id = :id
            """)
        .param("at", at)
        .param("day", LocalDate.ofInstant(letter.signed(), clock.getZone()))
        .param("office", office.id())
        .param("id", letter.id().value())
        .update();
    jdbc.sql(
            """
            update application_status_change set changed_at = :at
            where office_id = :office and application_id = :id and to_status = 'ISSUED'
            """)
        .param("at", at)
        .param("office", office.id())
        .param("id", letter.id().value())
        .update();
  }

  private Officer camat(String key) {
    Staff camat = accounts.byUsername("camat." + key).orElseThrow();
    return new Officer(
        camat.id(),
        camat.username(),
        camat.fullName(),
        camat.regencyId(),
        camat.officeId(),
        null,
        camat.roles());
  }
}
