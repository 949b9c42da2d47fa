package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.notifications.internal.MessageRetention.Span;
import id.go.kecamatan.notifications.internal.MessageRetention.Span.Unit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageRetentionTests {

  static final Instant NOW = Instant.parse("2026-03-01T18:30:00Z");

  @Test
  void messagesWrittenBeforeTheirRetentionAreDue() {
    MessageRetention retention = new MessageRetention(Duration.ofDays(180), Duration.ofDays(1));

    assertThat(retention.messagesBefore(NOW)).isEqualTo(Instant.parse("2025-09-02T18:30:00Z"));
    assertThat(retention.oneTimeCodesBefore(NOW)).isEqualTo(Instant.parse("2026-02-28T18:30:00Z"));
  }

  @Test
  void signInCodesAreNeverKeptLongerThanOtherMessages() {
    MessageRetention retention = new MessageRetention(Duration.ofDays(7), Duration.ofDays(30));

    assertThat(retention.oneTimeCodes()).isEqualTo(Duration.ofDays(7));
    assertThat(retention.oneTimeCodesBefore(NOW)).isEqualTo(retention.messagesBefore(NOW));
  }

  @Test
  void aZeroOrNegativeRetentionIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new MessageRetention(Duration.ZERO, Duration.ofDays(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layanan.notifications.retention");
    assertThatThrownBy(() -> new MessageRetention(Duration.ofDays(180), Duration.ofHours(-1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layanan.notifications.otp-retention");
  }

  @Test
  void thePageStatesARetentionInItsLargestWholeUnitAndNeverLess() {
    assertThat(Span.of(Duration.ofDays(180))).isEqualTo(new Span(180, Unit.DAYS));
    assertThat(Span.of(Duration.ofDays(1))).isEqualTo(new Span(1, Unit.DAYS));
    assertThat(Span.of(Duration.ofHours(36))).isEqualTo(new Span(36, Unit.HOURS));
    assertThat(Span.of(Duration.ofHours(12))).isEqualTo(new Span(12, Unit.HOURS));
    assertThat(Span.of(Duration.ofMinutes(90))).isEqualTo(new Span(90, Unit.MINUTES));
    assertThat(Span.of(Duration.ofMinutes(10))).isEqualTo(new Span(10, Unit.MINUTES));
    assertThat(Span.of(Duration.ofSeconds(30))).isEqualTo(new Span(1, Unit.MINUTES));
    assertThat(Span.of(Duration.ofMinutes(10).plusSeconds(1)))
        .isEqualTo(new Span(11, Unit.MINUTES));
  }
}
