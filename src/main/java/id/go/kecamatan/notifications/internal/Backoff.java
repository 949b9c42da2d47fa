package id.go.kecamatan.notifications.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The retry budget of a message: after the first failed attempt it is tried again in 1 minute, then
 * 5 minutes, 15 minutes, 1 hour and 6 hours; when the sixth attempt (about 7 hours 21 minutes after
 * the first) fails too, it is marked FAILED. A message's fallback (the e-mail to a resident whose
 * WhatsApp or SMS does not arrive) is released after {@value #FALLBACK_AFTER} failed attempts,
 * about 21 minutes, so that a resident does not wait hours for news while a gateway is down, or at
 * once when the message fails for good. Written down in the README as well.
 */
final class Backoff {

  static final List<Duration> DELAYS =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(6));

  /** Failed attempts after which a message's fallback is sent as well. */
  static final int FALLBACK_AFTER = 3;

  /** Attempts a message gets in all. */
  static final int ATTEMPTS = DELAYS.size() + 1;

  private Backoff() {}

  /** How long to wait after this many failed attempts; empty when the budget is spent. */
  static Optional<Duration> after(int failedAttempts) {
    return failedAttempts >= 1 && failedAttempts <= DELAYS.size()
        ? Optional.of(DELAYS.get(failedAttempts - 1))
        : Optional.empty();
  }
}
