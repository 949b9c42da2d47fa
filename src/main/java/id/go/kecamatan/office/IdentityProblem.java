package id.go.kecamatan.office;

import id.go.kecamatan.shared.web.Localizable;
import java.util.Locale;

/** Why a NIK, No. KK or NIP is not valid, with the message shown to the user. */
public enum IdentityProblem implements Localizable {
  EMPTY("wajib diisi", "is required"),
  NOT_16_DIGITS("harus 16 angka", "must be 16 digits"),
  NOT_18_DIGITS("harus 18 angka", "must be 18 digits"),
  UNKNOWN_REGION(
      "6 angka pertama bukan kode kecamatan yang terdaftar",
      "the first 6 digits are not a registered kecamatan code"),
  INVALID_DATE(
      "tanggal pada angka ke-7 sampai ke-12 tidak valid",
      "the date in digits 7 to 12 is not valid"),
  INVALID_SERIAL(
      "nomor urut (4 angka terakhir) tidak boleh 0000",
      "the serial (last 4 digits) cannot be 0000"),
  BIRTH_DATE_MISMATCH(
      "tidak sesuai dengan tanggal lahir yang diisi", "does not match the date of birth given"),
  SEX_MISMATCH(
      "tidak sesuai dengan jenis kelamin yang diisi (tanggal lahir perempuan ditambah 40)",
      "does not match the sex given (women's birth day is increased by 40)"),
  INVALID_NIP_BIRTH_DATE(
      "tanggal lahir pada 8 angka pertama tidak valid",
      "the birth date in the first 8 digits is not valid"),
  INVALID_NIP_APPOINTMENT(
      "bulan dan tahun pengangkatan (angka ke-9 sampai ke-14) tidak valid",
      "the appointment month and year (digits 9 to 14) are not valid"),
  INVALID_NIP_SEX(
      "angka ke-15 harus 1 (laki-laki) atau 2 (perempuan)",
      "digit 15 must be 1 (male) or 2 (female)"),
  INVALID_NIP_SERIAL(
      "nomor urut (3 angka terakhir) tidak boleh 000", "the serial (last 3 digits) cannot be 000");

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
