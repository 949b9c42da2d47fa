package id.go.kecamatan.office;

import id.go.kecamatan.shared.web.Texts;
import java.util.List;
import java.util.UUID;

/**
 * A kecamatan office (kantor kecamatan), the tenant of the system.
 *
 * @param code kecamatan region code, e.g. {@code 35.16.16}
 * @param slug the office's address on the public site, e.g. {@code jetis-mojokerto}
 * @param unitCode the unit code used in letter numbers, e.g. {@code 416.305}
 * @param letterheadLines the lines of the letterhead (kop surat), top to bottom
 */
public record Office(
    UUID id,
    UUID regencyId,
    String code,
    String slug,
    String name,
    String address,
    String phone,
    String email,
    String whatsapp,
    String officeHours,
    String unitCode,
    String letterheadText,
    boolean hasLogo,
    boolean active,
    int version) {

  public List<String> letterheadLines() {
    return Texts.lines(letterheadText);
  }

  /** The WhatsApp click-to-chat link ({@code https://wa.me/62812...}), or null. */
  public String whatsappLink() {
    if (whatsapp == null || whatsapp.isBlank()) {
      return null;
    }
    String digits = whatsapp.replaceAll("\\D", "");
    if (digits.startsWith("0")) {
      digits = "62" + digits.substring(1);
    }
    return "https://wa.me/" + digits;
  }

  /** Office hours, one line per entry. */
  public List<String> officeHoursLines() {
    return Texts.lines(officeHours);
  }

  /** "Kecamatan Jetis" */
  public String displayName() {
    return "Kecamatan " + name;
  }
}
