package id.go.kecamatan.office;

import id.go.kecamatan.shared.web.Texts;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A kecamatan office (kantor kecamatan), the tenant of the system.
 *
 * @param code kecamatan region code, e.g. {@code 35.16.16}
 * @param slug the office's address on the public site, e.g. {@code jetis-mojokerto}
 * @param unitCode the unit code used in letter numbers, e.g. {@code 416.305}
 * @param officeHours the office's note about its hours (catatan jam pelayanan), e.g. where
 *     announcements of closures are published; the hours themselves are {@link OpeningHours}
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

  /** A clock time such as 07.30 or 15:00, which a note about the hours must not state. */
  static final Pattern CLOCK_TIME =
      Pattern.compile("(?<![0-9.:])[0-2]?[0-9][.:][0-5][0-9](?![0-9])");

  /** Whether a text states a clock time. */
  public static boolean statesTime(String text) {
    return text != null && CLOCK_TIME.matcher(text).find();
  }

  /**
   * The note about the hours, one line per entry, as the public pages show it under the opening
   * hours: empty when it states a clock time (a note written before the hours were kept as {@link
   * OpeningHours}, which would contradict them; the profile form no longer accepts one).
   */
  public List<String> officeHoursLines() {
    return statesTime(officeHours) ? List.of() : Texts.lines(officeHours);
  }

  /** "Kecamatan Jetis" */
  public String displayName() {
    return "Kecamatan " + name;
  }
}
