package id.go.kecamatan.office;

import id.go.kecamatan.shared.web.Localizable;
import java.util.Locale;

/**
 * Why a NIK, No. KK or NIP is not valid, with the message shown to the user: what the number's name
 * is followed by ("NIK {0}.", "The NIK {0}."), so each message is a predicate ("is required", "has
 * no valid date in digits 7 to 12"), never a sentence of its own.
 */
public enum IdentityProblem implements Localizable {
  EMPTY("wajib diisi", "is required"),
  NOT_16_DIGITS("harus 16 angka", "must be 16 digits"),
  NOT_18_DIGITS("harus 18 angka", "must be 18 digits"),
  UNKNOWN_REGION(
      "tidak diawali kode kecamatan yang terdaftar (6 angka pertama)",
      "does not start with a registered kecamatan code (the first 6 digits)"),
  INVALID_DATE(
      "memuat tanggal yang tidak valid pada angka ke-7 sampai ke-12",
      "has no valid date in digits 7 to 12"),
  INVALID_SERIAL(
      "tidak boleh berakhir dengan nomor urut 0000 (4 angka terakhir)",
      "cannot end in the serial 0000 (the last 4 digits)"),
  BIRTH_DATE_MISMATCH(
      "tidak sesuai dengan tanggal lahir yang diisi", "does not match the date of birth given"),
  SEX_MISMATCH(
      "tidak sesuai dengan jenis kelamin yang diisi (tanggal lahir perempuan ditambah 40)",
      "does not match the sex given (women's birth day is increased by 40)"),
  INVALID_NIP_BIRTH_DATE(
      "memuat tanggal lahir yang tidak valid pada 8 angka pertama",
      "has no valid birth date in the first 8 digits"),
  INVALID_NIP_APPOINTMENT(
      "memuat bulan dan tahun pengangkatan yang tidak valid (angka ke-9 sampai ke-14)",
      "has no valid appointment month and year in digits 9 to 14"),
  INVALID_NIP_SEX(
      "harus memuat 1 (laki-laki) atau 2 (perempuan) pada angka ke-15",
      "must have 1 (male) or 2 (female) as digit 15"),
  INVALID_NIP_SERIAL(
      "tidak boleh berakhir dengan nomor urut 000 (3 angka terakhir)",
      "cannot end in the serial 000 (the last 3 digits)");

  private final String indonesian;
  private final String english;

  IdentityProblem(String indonesian, String english) {
    this.indonesian = indonesian;
    this.english = english;
  }

  /** The message, Indonesian unless the locale is English. */
  @Override
  public String message(Locale locale) {
    return "en".equals(locale.getLanguage()) ? english : indonesian;
  }

  public String message() {
    return indonesian;
  }
}
