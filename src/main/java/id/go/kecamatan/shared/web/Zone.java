package id.go.kecamatan.shared.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * Indonesia's three time zones (zona waktu), one of which is the deployment's: the regency's own,
 * set once by {@value #SETTING} ({@code LAYANAN_TIME_ZONE}, default {@code Asia/Jakarta}). The
 * {@code Clock} bean carries it ({@link WebConfiguration}), so every day and every time of the
 * application is taken in it: {@code LocalDate.now(clock)}, {@code
 * instant.atZone(clock.getZone())}, SQL given {@code clock.getZone().getId()} as a parameter; the
 * label beside a time shown ({@code 09.20 WITA}) is {@link #of(ZoneId)}{@code .label()}. This is
 * the one class that names a zone (ADR 0045).
 */
public enum Zone {
  /** Waktu Indonesia Barat, UTC+7: Sumatra, Java, Kalimantan Barat and Tengah. */
  WIB("Asia/Jakarta"),
  /** Waktu Indonesia Tengah, UTC+8: Bali, Nusa Tenggara, the rest of Kalimantan, Sulawesi. */
  WITA("Asia/Makassar"),
  /** Waktu Indonesia Timur, UTC+9: Maluku and Papua. */
  WIT("Asia/Jayapura");

  /** The setting that names the deployment's zone. */
  public static final String SETTING = "layanan.time-zone";

  private final ZoneId id;

  Zone(String id) {
    this.id = ZoneId.of(id);
  }

  /** The zone's identifier in the time zone database, as the setting names it. */
  public ZoneId id() {
    return id;
  }

  /** What follows a time shown to people: {@code WIB}, {@code WITA} or {@code WIT}. */
  public String label() {
    return name();
  }

  /**
   * The zone of an identifier; an identifier that is none of the three is refused, as no office of
   * the system keeps another time.
   *
   * @throws IllegalArgumentException for any other identifier
   */
  public static Zone of(ZoneId id) {
    return Arrays.stream(values())
        .filter(zone -> zone.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(id + " is no Indonesian time zone"));
  }

  /** The zone a clock keeps (the {@code Clock} bean's is the deployment's). */
  public static Zone of(Clock clock) {
    return of(clock.getZone());
  }

  /** The zone a setting names ({@code Asia/Makassar}); empty for anything else. */
  public static Optional<Zone> parse(String setting) {
    String id = setting == null ? "" : setting.strip();
    return Arrays.stream(values()).filter(zone -> zone.id.getId().equals(id)).findFirst();
  }

  /**
   * The zone of a region by its Kemendagri code ({@code 51.71}, {@code 63}): by its province, the
   * first two digits. Bali, Nusa Tenggara (51-53), Kalimantan Selatan, Timur and Utara (63-65) and
   * Sulawesi (71-76) keep WITA; Maluku (81-82) and Papua (91-96) WIT; every other province WIB.
   *
   * @throws IllegalArgumentException when the code does not start with two digits
   */
  public static Zone ofRegion(String regionCode) {
    String code = regionCode == null ? "" : regionCode.strip();
    if (!code.matches("\\d{2}(\\..*)?")) {
      throw new IllegalArgumentException(regionCode + " is no region code");
    }
    int province = Integer.parseInt(code.substring(0, 2));
    if ((province >= 51 && province <= 53)
        || (province >= 63 && province <= 65)
        || (province >= 71 && province <= 76)) {
      return WITA;
    }
    if (province == 81 || province == 82 || (province >= 91 && province <= 96)) {
      return WIT;
    }
    return WIB;
  }
}
