package id.go.kecamatan.surveys;

import java.util.Arrays;
import java.util.Optional;

/**
 * The nine elements (unsur) of the IKM questionnaire of Permenpan RB 14/2017. Each keeps its
 * identity ({@link #key()}), whatever position a printed form gives it: many forms put sarana as
 * no. 8 and pengaduan as no. 9. The question and its four answer labels (1 worst, 4 best) are those
 * of the {@link Instrument} version, in the message bundle {@code messages/surveys}.
 */
public enum Element {
  PERSYARATAN("persyaratan"),
  PROSEDUR("prosedur"),
  WAKTU("waktu"),
  BIAYA("biaya"),
  PRODUK("produk"),
  KOMPETENSI("kompetensi"),
  PERILAKU("perilaku"),
  PENGADUAN("pengaduan"),
  SARANA("sarana");

  /** The lowest and the highest answer. */
  public static final int MIN_SCORE = 1;

  public static final int MAX_SCORE = 4;

  private final String key;

  Element(String key) {
    this.key = key;
  }

  /** The element's identity in forms, storage and exports, e.g. {@code persyaratan}. */
  public String key() {
    return key;
  }

  public static Optional<Element> byKey(String key) {
    return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
  }
}
