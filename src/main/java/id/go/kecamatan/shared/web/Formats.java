package id.go.kecamatan.shared.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Indonesian formats for money and dates. */
public final class Formats {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
  private static final DateTimeFormatter LONG_ID =
      DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);
  private static final DateTimeFormatter LONG_EN =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private Formats() {}

  /** {@code Rp0}, {@code Rp15.000}. */
  public static String rupiah(long amount) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(INDONESIAN);
    symbols.setGroupingSeparator('.');
    return "Rp" + new DecimalFormat("#,##0", symbols).format(amount);
  }

  /** {@code 22 November 2026}, {@code 17 Agustus 2026}. */
  public static String longDate(LocalDate date, Locale locale) {
    if (date == null) {
      return "";
    }
    return ("en".equals(locale.getLanguage()) ? LONG_EN : LONG_ID).format(date);
  }
}
