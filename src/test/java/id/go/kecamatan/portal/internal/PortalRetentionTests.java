package id.go.kecamatan.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PortalRetentionTests {

  static final Instant NOW = Instant.parse("2026-03-01T18:30:00Z");

  @Test
  void codesAndEndedSessionsGoADayLater() {
    PortalRetention retention = new PortalRetention(Duration.ofMinutes(30));

    assertThat(retention.codesExpiredBefore(NOW)).isEqualTo(Instant.parse("2026-02-28T18:30:00Z"));
    assertThat(retention.sessionsEndedBefore(NOW)).isEqualTo(Instant.parse("2026-02-28T18:30:00Z"));
  }

  @Test
  void anIdleSessionGoesADayAfterItTimedOut() {
    assertThat(new PortalRetention(Duration.ofMinutes(30)).sessionsLastSeenBefore(NOW))
        .isEqualTo(Instant.parse("2026-02-28T18:00:00Z"));
    assertThat(new PortalRetention(Duration.ofHours(2)).sessionsLastSeenBefore(NOW))
        .isEqualTo(Instant.parse("2026-02-28T16:30:00Z"));
  }

  @Test
  void aZeroIdleTimeoutIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new PortalRetention(Duration.ZERO))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layanan.portal.idle-timeout");
  }
}
