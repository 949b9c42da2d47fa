package id.go.kecamatan.office;

import java.util.UUID;

/**
 * A village of an office: desa (rural, code 2xxx) or kelurahan (urban, code 1xxx).
 *
 * @param kind {@code DESA} or {@code KELURAHAN}
 */
public record Village(UUID id, UUID officeId, String code, String name, String kind) {

  /** Kelurahan codes start with 1 after the kecamatan, desa codes with 2. */
  static String kindOf(String code) {
    String own = code.substring(code.lastIndexOf('.') + 1);
    return own.startsWith("1") ? "KELURAHAN" : "DESA";
  }
}
