package id.go.kecamatan.letters.internal.numbering;

import id.go.kecamatan.catalog.ServiceType;

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
