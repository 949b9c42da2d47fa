package id.go.kecamatan.appointments;

import java.util.concurrent.ThreadLocalRandom;

/** Valid NIKs of residents of Jetis (35.16.16), different on every call. */
public final class KtpFixtures {

  private KtpFixtures() {}

  /** A valid NIK of a resident born in 1975-2004 (a woman when {@code female}). */
  public static String nik(boolean female) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int day = random.nextInt(1, 29) + (female ? 40 : 0);
    int month = random.nextInt(1, 13);
    int year = random.nextInt(75, 105) % 100;
    int serial = random.nextInt(1, 10_000);
    return String.format("351616%02d%02d%02d%04d", day, month, year, serial);
  }

  /** A valid NIK born on the given date (dd, mm, yy). */
  public static String nik(int day, int month, int yy) {
    int serial = ThreadLocalRandom.current().nextInt(1, 10_000);
    return String.format("351616%02d%02d%02d%04d", day, month, yy, serial);
  }
}
