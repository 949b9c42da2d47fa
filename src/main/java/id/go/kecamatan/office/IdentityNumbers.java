package id.go.kecamatan.office;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Rules of Indonesian identity numbers.
 *
 * <ul>
 *   <li>NIK (Nomor Induk Kependudukan) and No. KK (Kartu Keluarga): 16 digits {@code PPKKCC DDMMYY
 *       SSSS}: the kecamatan of first registration, a date (the birth date for a NIK, with 40 added
 *       to the day for women; the issue date for a KK) and a serial from 0001. There is no check
 *       digit.
 *   <li>NIP (Nomor Induk Pegawai) of a civil servant: 18 digits {@code YYYYMMDD YYYYMM G NNN}:
 *       birth date, appointment month, sex (1 male, 2 female), serial.
 * </ul>
 */
@Component
public class IdentityNumbers {

  private final Predicate<String> kecamatanExists;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  public IdentityNumbers(RegionDirectory regions, Clock clock) {
    this(regions::kecamatanExists, clock);
  }

  IdentityNumbers(Predicate<String> kecamatanExists, Clock clock) {
    this.kecamatanExists = kecamatanExists;
    this.clock = clock;
  }

  /** What is decoded from a valid NIK. */
  public record NikFacts(String regionCode, LocalDate birthDate, Sex sex, int serial) {}

  /**
   * Checks a NIK; the declared birth date and sex are checked for consistency when given.
   *
   * @return the problems found, empty when the NIK is valid
   */
  public List<IdentityProblem> checkNik(String nik, LocalDate declaredBirthDate, Sex declaredSex) {
    List<IdentityProblem> problems = new ArrayList<>();
    String digits = normalise(nik);
    if (!shape(digits, 16, problems)) {
      return problems;
    }
    if (!kecamatanExists.test(digits.substring(0, 6))) {
      problems.add(IdentityProblem.UNKNOWN_REGION);
    }
    int day = Integer.parseInt(digits.substring(6, 8));
    Sex sex = day > 40 ? Sex.FEMALE : Sex.MALE;
    LocalDate birth =
        date(day > 40 ? day - 40 : day, digits.substring(8, 10), digits.substring(10, 12));
    if (birth == null) {
      problems.add(IdentityProblem.INVALID_DATE);
    }
    if (digits.endsWith("0000")) {
      problems.add(IdentityProblem.INVALID_SERIAL);
    }
    if (birth != null
        && declaredBirthDate != null
        && !sameDayMonthAndYy(birth, declaredBirthDate)) {
      problems.add(IdentityProblem.BIRTH_DATE_MISMATCH);
    }
    if (birth != null && declaredSex != null && declaredSex != sex) {
      problems.add(IdentityProblem.SEX_MISMATCH);
    }
    return problems;
  }

  /** Decodes a NIK, or throws when it is not valid. */
  public NikFacts decodeNik(String nik) {
    List<IdentityProblem> problems = checkNik(nik, null, null);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid NIK: " + problems);
    }
    String digits = normalise(nik);
    int day = Integer.parseInt(digits.substring(6, 8));
    return new NikFacts(
        digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6),
        date(day > 40 ? day - 40 : day, digits.substring(8, 10), digits.substring(10, 12)),
        day > 40 ? Sex.FEMALE : Sex.MALE,
        Integer.parseInt(digits.substring(12)));
  }

  /** Checks a No. KK (family card number): same layout as a NIK, with the issue date. */
  public List<IdentityProblem> checkKk(String kk) {
    List<IdentityProblem> problems = new ArrayList<>();
    String digits = normalise(kk);
    if (!shape(digits, 16, problems)) {
      return problems;
    }
    if (!kecamatanExists.test(digits.substring(0, 6))) {
      problems.add(IdentityProblem.UNKNOWN_REGION);
    }
    LocalDate issued =
        date(
            Integer.parseInt(digits.substring(6, 8)),
            digits.substring(8, 10),
            digits.substring(10, 12));
    if (issued == null) {
      problems.add(IdentityProblem.INVALID_DATE);
    }
    if (digits.endsWith("0000")) {
      problems.add(IdentityProblem.INVALID_SERIAL);
    }
    return problems;
  }

  /** Checks a civil servant's NIP (18 digits). */
  public List<IdentityProblem> checkNip(String nip) {
    List<IdentityProblem> problems = new ArrayList<>();
    String digits = normalise(nip);
    if (!shape(digits, 18, problems)) {
      return problems;
    }
    LocalDate birth = null;
    try {
      birth =
          LocalDate.of(
              Integer.parseInt(digits.substring(0, 4)),
              Integer.parseInt(digits.substring(4, 6)),
              Integer.parseInt(digits.substring(6, 8)));
    } catch (DateTimeException e) {
      // reported below
    }
    LocalDate today = LocalDate.now(clock);
    if (birth == null || birth.getYear() < 1900 || birth.isAfter(today)) {
      problems.add(IdentityProblem.INVALID_NIP_BIRTH_DATE);
    }
    int year = Integer.parseInt(digits.substring(8, 12));
    int month = Integer.parseInt(digits.substring(12, 14));
    if (month < 1
        || month > 12
        || year < 1900
        || YearMonth.of(year, month).isAfter(YearMonth.now(clock))
        || (birth != null && year < birth.getYear() + 14)) {
      problems.add(IdentityProblem.INVALID_NIP_APPOINTMENT);
    }
    char sex = digits.charAt(14);
    if (sex != '1' && sex != '2') {
      problems.add(IdentityProblem.INVALID_NIP_SEX);
    }
    if (digits.endsWith("000")) {
      problems.add(IdentityProblem.INVALID_NIP_SERIAL);
    }
    return problems;
  }

  /** Removes spaces and dots people type to group digits. */
  public static String normalise(String number) {
    return number == null ? "" : number.replaceAll("[\\s.]", "");
  }

  private static boolean shape(String digits, int length, List<IdentityProblem> problems) {
    if (digits.isEmpty()) {
      problems.add(IdentityProblem.EMPTY);
      return false;
    }
    if (digits.length() != length || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      problems.add(length == 16 ? IdentityProblem.NOT_16_DIGITS : IdentityProblem.NOT_18_DIGITS);
      return false;
    }
    return true;
  }

  /** A DDMMYY date in the past hundred years, or null when it does not exist or lies ahead. */
  private LocalDate date(int day, String mm, String yy) {
    LocalDate today = LocalDate.now(clock);
    int twoDigitYear = Integer.parseInt(yy);
    int year = 2000 + twoDigitYear;
    if (year > today.getYear()) {
      year -= 100;
    }
    try {
      LocalDate date = LocalDate.of(year, Integer.parseInt(mm), day);
      if (date.isAfter(today)) {
        date = date.minusYears(100);
      }
      return date;
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean sameDayMonthAndYy(LocalDate fromNik, LocalDate declared) {
    return fromNik.getDayOfMonth() == declared.getDayOfMonth()
        && fromNik.getMonthValue() == declared.getMonthValue()
        && fromNik.getYear() % 100 == declared.getYear() % 100;
  }
}
