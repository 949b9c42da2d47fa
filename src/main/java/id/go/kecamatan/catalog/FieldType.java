package id.go.kecamatan.catalog;

/** The kind of answer a question of an application form (formulir) expects. */
public enum FieldType {
  TEXT,
  LONG_TEXT,
  NUMBER,
  DATE,
  CHOICE,
  MULTIPLE_CHOICE,
  YES_NO,
  /** Nomor Induk Kependudukan, 16 digits. */
  NIK,
  /** Nomor Kartu Keluarga, 16 digits. */
  KK,
  PHONE,
  EMAIL,
  /** A desa/kelurahan of the office, answered by its id. */
  VILLAGE,
  ADDRESS;

  /** The answer of a {@link #YES_NO} question. */
  public static final String YES = "ya";

  public static final String NO = "tidak";

  public boolean hasOptions() {
    return this == CHOICE || this == MULTIPLE_CHOICE;
  }

  public boolean textual() {
    return this == TEXT || this == LONG_TEXT || this == ADDRESS;
  }

  /** The longest answer accepted when the form sets no maximum. */
  public int defaultMaxLength() {
    return switch (this) {
      case LONG_TEXT -> 2000;
      case ADDRESS -> 500;
      default -> 200;
    };
  }
}
