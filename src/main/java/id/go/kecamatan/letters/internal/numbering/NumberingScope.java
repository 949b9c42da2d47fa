package id.go.kecamatan.letters.internal.numbering;

import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.letters.internal.numbering.LetterNumberFormat.Token;

/**
 * Which letters share a running number: all letters of the office, the letters of one
 * classification code, or the letters of one service. The scope key names one sequence in {@code
 * letter_sequence} and {@link LetterNumber#scope()}.
 */
public enum NumberingScope {
  OFFICE,
  CLASSIFICATION,
  SERVICE;

  /** The key of the sequence a letter of this service is numbered in. */
  public String key(ServiceType service) {
    return switch (this) {
      case OFFICE -> "OFFICE";
      case CLASSIFICATION ->
          "K:" + (service.classificationCode() == null ? "" : service.classificationCode().strip());
      case SERVICE -> "S:" + service.id();
    };
  }

  /**
   * Whether this format prints what tells the scope's sequences apart. Each sequence counts from 1,
   * so without it the first letter of every classification or service gets the same number.
   */
  public boolean tellsApart(LetterNumberFormat format) {
    return switch (this) {
      case OFFICE -> true;
      case CLASSIFICATION -> format.uses(Token.KLASIFIKASI) || format.uses(Token.KODE_LAYANAN);
      case SERVICE -> format.uses(Token.KODE_LAYANAN);
    };
  }

  /** The first two characters every key of this scope starts with. */
  String prefix() {
    return switch (this) {
      case OFFICE -> "OF";
      case CLASSIFICATION -> "K:";
      case SERVICE -> "S:";
    };
  }

  /** The message key of the scope's name. */
  public String labelKey() {
    return "numbering.scope." + name();
  }
}
