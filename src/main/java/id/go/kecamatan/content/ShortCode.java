package id.go.kecamatan.content;

import java.time.Instant;
import java.util.UUID;

/**
 * A short code (kode singkat) of an office's campaign: {@code /q/<code>} redirects to the office's
 * page or one of its services and is printed as a QR code on posters, stickers and brochures or
 * shared in messages. The code never changes, so a printed poster keeps working.
 *
 * @param code six characters of the tracking code's alphabet ({@link
 *     id.go.kecamatan.shared.web.CampaignTag})
 * @param label the campaign's name as the office calls it ("Poster balai desa Jetis")
 * @param villageId the village where the poster hangs, or null
 * @param serviceId the service the code leads to, or null for the office's page
 */
public record ShortCode(
    UUID id,
    UUID officeId,
    String code,
    String label,
    ShortCodeSource source,
    UUID villageId,
    UUID serviceId,
    Instant createdAt,
    String createdBy) {

  /** The address a QR code carries, below the site's public address: {@code /q/K7M3QP}. */
  public String path() {
    return "/q/" + code;
  }
}
