package id.go.kecamatan.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A self-service kiosk (anjungan mandiri) of an office, as its administrator sees it.
 *
 * @param codeExpiresAt until when its enabling code works, while it is not enabled yet
 * @param enabled whether a device holds its token
 */
public record KioskDevice(
    UUID id,
    UUID officeId,
    String label,
    int idleSeconds,
    Instant codeExpiresAt,
    boolean enabled,
    Instant createdAt,
    String createdBy,
    Instant enabledAt,
    LocalDate lastSeenOn,
    Instant revokedAt) {

  public int idleMinutes() {
    return idleSeconds / 60;
  }
}
