package id.go.kecamatan.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long sent and failed messages are kept (masa simpan) after they were written, as the message
 * log shows them by that time: messages carry personal data (names, tracking codes, phone numbers,
 * e-mail addresses, sign-in codes), so none is kept longer than the office needs to answer "did the
 * resident get it?". The resident portal's sign-in codes (kind {@value OneTimeCodeMessages#KIND})
 * have a shorter time of their own, as a code or magic link is useless ten minutes after it was
 * written. Pending messages are never deleted.
 *
 * @param messages how long any sent or failed message is kept; positive
 * @param oneTimeCodes how long a sent or failed sign-in code message is kept; positive, and never
 *     longer than {@code messages} (the purge of all messages takes them at that age anyway)
 */
public record MessageRetention(Duration messages, Duration oneTimeCodes) {

  public MessageRetention {
    requirePositive(messages, "layanan.notifications.retention");
    requirePositive(oneTimeCodes, "layanan.notifications.otp-retention");
    if (oneTimeCodes.compareTo(messages) > 0) {
      oneTimeCodes = messages;
    }
  }

  /** Sent and failed messages written before this instant are due for deletion. */
  Instant messagesBefore(Instant now) {
    return now.minus(messages);
  }

  /** Sent and failed sign-in code messages written before this instant are due for deletion. */
  Instant oneTimeCodesBefore(Instant now) {
    return now.minus(oneTimeCodes);
  }

  /** {@link #messages()} as the message log states it. */
  public Span messagesSpan() {
    return Span.of(messages);
  }

  /** {@link #oneTimeCodes()} as the message log states it. */
  public Span oneTimeCodesSpan() {
    return Span.of(oneTimeCodes);
  }

  /**
   * A duration in the largest unit that states it without rounding down: whole days, else whole
   * hours, else minutes (rounded up, so the page never promises less than is kept).
   */
  public record Span(long amount, Unit unit) {

    public enum Unit {
      DAYS,
      HOURS,
      MINUTES
    }

    static Span of(Duration duration) {
      if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
        return new Span(duration.toDays(), Unit.DAYS);
      }
      if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
        return new Span(duration.toHours(), Unit.HOURS);
      }
      long minutes = duration.toMinutes();
      return new Span(
          duration.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1, Unit.MINUTES);
    }
  }

  private static void requirePositive(Duration duration, String property) {
    Objects.requireNonNull(duration, property);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalStateException(property + " must be positive, not " + duration);
    }
  }
}
