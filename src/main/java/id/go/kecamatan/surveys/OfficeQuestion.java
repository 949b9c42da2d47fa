package id.go.kecamatan.surveys;

import java.util.UUID;

/**
 * A question an office adds to its survey, after the nine elements: answered on the four-point
 * scale or in free text, always optional, reported apart and never part of the index. Its text
 * never changes: changing a question is retiring it and adding another.
 */
public record OfficeQuestion(UUID id, Kind kind, String text) {

  /** How the question is answered. */
  public enum Kind {
    /** 1 Tidak baik, 2 Kurang baik, 3 Baik, 4 Sangat baik. */
    SCALE,
    TEXT
  }

  /** The form field of the answer. */
  public String field() {
    return "tambahan-" + id;
  }
}
