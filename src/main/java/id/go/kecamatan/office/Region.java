package id.go.kecamatan.office;

/**
 * A region (wilayah) of the Kemendagri code list.
 *
 * @param code dotted code: {@code 35} province, {@code 35.16} regency, {@code 35.16.16} kecamatan,
 *     {@code 35.16.16.2009} village
 * @param name official name
 */
public record Region(String code, String name) {

  public Level level() {
    return switch (code.split("\\.").length) {
      case 1 -> Level.PROVINCE;
      case 2 -> Level.REGENCY;
      case 3 -> Level.KECAMATAN;
      default -> Level.VILLAGE;
    };
  }

  /** The code of the region above this one. */
  public String parentCode() {
    int dot = code.lastIndexOf('.');
    return dot < 0 ? null : code.substring(0, dot);
  }

  /** Region levels. */
  public enum Level {
    PROVINCE,
    REGENCY,
    KECAMATAN,
    VILLAGE
  }
}
