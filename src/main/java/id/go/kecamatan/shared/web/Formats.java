package id.go.kecamatan.shared.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one style for money, dates and times shown to people, in both languages: long dates ({@code 7
 * Desember 2026}, {@code 7 December 2026}) and times in the deployment's zone with its label
 * ({@link Zone}: {@code 7 Desember 2026 pukul 03.47 WITA}, {@code 7 December 2026 at 03:47 WITA}).
 * ISO dates are for the JSON API and form fields only.
 */
public final class Formats {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
  private static final DateTimeFormatter LONG_ID =
      DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);
  private static final DateTimeFormatter LONG_EN =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /** The site's language for a locale: English for any English one, else Indonesian. */
  public static Locale language(Locale locale) {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
        ? Locale.ENGLISH
        : Locale.forLanguageTag("id");
  }

  private static final DateTimeFormatter TIME_ID = DateTimeFormatter.ofPattern("HH.mm");
  private static final DateTimeFormatter TIME_EN = DateTimeFormatter.ofPattern("HH:mm");

  private Formats() {}

  /**
   * {@code 7 Desember 2026 pukul 03.47 WITA}, {@code 7 December 2026 at 03:47 WITA}: the moment in
   * one of the three zones ({@link Zone}), labelled with it.
   */
  public static String dateTime(java.time.Instant instant, java.time.ZoneId zone, Locale locale) {
    if (instant == null) {
      return "";
    }
    boolean english = "en".equals(locale.getLanguage());
    return longDate(instant.atZone(zone).toLocalDate(), locale)
        + (english ? " at " : " pukul ")
        + time(instant, zone, locale);
  }

  /** {@code 03.47 WITA}, {@code 03:47 WITA}: the time of day in the zone, labelled with it. */
  public static String time(java.time.Instant instant, java.time.ZoneId zone, Locale locale) {
    if (instant == null) {
      return "";
    }
    return ("en".equals(locale.getLanguage()) ? TIME_EN : TIME_ID).format(instant.atZone(zone))
        + " "
        + Zone.of(zone).label();
  }

  /**
   * A date kept as text in ISO form ({@code 1994-09-12}, as a form stores it) as a long date; text
   * that is not such a date is returned as it is.
   */
  public static String isoDateAsLong(String isoDate, Locale locale) {
    if (isoDate == null || isoDate.isBlank()) {
      return "";
    }
    try {
      return longDate(LocalDate.parse(isoDate.strip()), locale);
    } catch (java.time.format.DateTimeParseException e) {
      return isoDate;
    }
  }

  /**
   * A whole number kept as text ({@code 1500000}, as a form stores it) grouped in thousands in the
   * page's language: {@code 1.500.000} in Indonesian, {@code 1,500,000} in English; text that is
   * not such a number is returned as it is.
   */
  public static String wholeNumber(String digits, Locale locale) {
    if (digits == null || !digits.strip().matches("-?\\d{1,15}")) {
      return digits == null ? "" : digits;
    }
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(INDONESIAN);
    boolean english = "en".equals(locale.getLanguage());
    symbols.setGroupingSeparator(english ? ',' : '.');
    symbols.setMinusSign('-');
    return new DecimalFormat("#,##0", symbols).format(Long.parseLong(digits.strip()));
  }

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

  /** A number with two decimals in the page's language: 88,31 in Indonesian, 88.31 in English. */
  public static String decimal(Locale locale, java.math.BigDecimal value) {
    java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(value);
  }
}
