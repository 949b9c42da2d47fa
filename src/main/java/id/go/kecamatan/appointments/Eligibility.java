package id.go.kecamatan.appointments;

import java.time.LocalDate;
import java.time.Period;

/**
 * Who may record an e-KTP (perekaman KTP-el): a resident who is 17 or older on the day of the
 * recording, or younger but married (UU 24/2013 art. 63: "telah berusia 17 tahun atau telah kawin
 * atau pernah kawin"). The birth date comes from the NIK; whether the resident is or was married is
 * asked.
 */
public final class Eligibility {

  /** The age from which every resident records an e-KTP. */
  public static final int KTP_AGE = 17;

  private Eligibility() {}

  /** Whether a resident born on {@code birthDate} may record an e-KTP on {@code day}. */
  public static boolean mayRecordKtp(LocalDate birthDate, LocalDate day, boolean married) {
    return married || ageOn(birthDate, day) >= KTP_AGE;
  }

  /** Full years of age on a day (a 29 February birthday counts on 1 March in other years). */
  public static int ageOn(LocalDate birthDate, LocalDate day) {
    return day.isBefore(birthDate) ? -1 : Period.between(birthDate, day).getYears();
  }

  /**
   * The birth date a NIK's two-digit year stands for, seen from {@code today}: the latest such date
   * not after today (a NIK of someone born in 2008 and one born in 1908 read the same).
   */
  public static LocalDate birthDate(LocalDate decoded, LocalDate today) {
    LocalDate date = decoded;
    while (date.isAfter(today)) {
      date = date.minusYears(100);
    }
    while (!date.plusYears(100).isAfter(today)) {
      date = date.plusYears(100);
    }
    return date;
  }
}
