package id.go.kecamatan.shared.web;

import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every template needs besides its own data: messages in the visitor's language, the CSRF
 * token, the signed-in officer, links that keep the language, and dates and times in the
 * deployment's zone.
 */
public final class Page {

  private final MessageSource messages;
  private final Locale locale;
  private final CsrfToken csrf;
  private final Officer officer;
  private final String path;
  private final String query;
  private final KioskMode kiosk;
  private final String languagePath;
  private final String languageQuery;
  private final java.time.ZoneId zone;

  /**
   * A page whose language link leads to {@code languagePath} and {@code languageQuery} instead of
   * its own address: the page a form was sent from, when this page answers the form ({@link
   * Pages#formPage}).
   */
  public Page(
      MessageSource messages,
      Locale locale,
      CsrfToken csrf,
      Officer officer,
      String path,
      String query,
      KioskMode kiosk,
      String languagePath,
      String languageQuery,
      java.time.ZoneId zone) {
    this.zone = zone;
    this.languagePath = languagePath;
    this.languageQuery = languageQuery;
    this.kiosk = kiosk;
    this.messages = messages;
    this.locale = locale;
    this.csrf = csrf;
    this.officer = officer;
    this.path = path;
    this.query = query;
  }

  /** The message for a key in the visitor's language; the key itself when it is missing. */
  public String t(String key, Object... args) {
    Object[] localized = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      localized[i] = args[i] instanceof Localizable value ? value.message(locale) : args[i];
    }
    return messages.getMessage(key, localized, key, locale);
  }

  /** The address of a stylesheet or script with its content's hash ({@link Assets}). */
  public String asset(String path) {
    return Assets.url(path);
  }

  /** The office's self-service kiosk this page shows on, or null on any other browser. */
  public KioskMode kiosk() {
    return kiosk;
  }

  /**
   * A field's {@code autocomplete} value: as given, but {@code off} on a kiosk, so the next person
   * is offered nothing the last one typed.
   */
  public String autocomplete(String value) {
    return kiosk != null ? "off" : value;
  }

  public String lang() {
    return "en".equals(locale.getLanguage()) ? "en" : "id";
  }

  public Locale locale() {
    return locale;
  }

  /** This page in the other language (the form's page, for a page that answers a form). */
  public String otherLanguageUrl() {
    return UriComponentsBuilder.fromPath(languagePath)
        .query(languageQuery)
        .replaceQueryParam("lang", "en".equals(lang()) ? "id" : "en")
        .build()
        .encode()
        .toUriString();
  }

  public String otherLanguageName() {
    return "en".equals(lang()) ? "Bahasa Indonesia" : "English";
  }

  public String otherLanguageCode() {
    return "en".equals(lang()) ? "id" : "en";
  }

  public String path() {
    return path;
  }

  public boolean current(String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  public String csrfParameter() {
    return csrf == null ? "_csrf" : csrf.getParameterName();
  }

  public String csrfToken() {
    return csrf == null ? "" : csrf.getToken();
  }

  public boolean signedIn() {
    return officer != null;
  }

  public Optional<Officer> officer() {
    return Optional.ofNullable(officer);
  }

  public boolean has(Role role) {
    return officer != null && officer.has(role);
  }

  /** Formats an amount in rupiah: {@code Rp0}, {@code Rp15.000}. */
  public String rupiah(long amount) {
    return Formats.rupiah(amount);
  }

  /**
   * A moment in the deployment's zone, in the one style of {@link Formats}: {@code 7 Desember 2026
   * pukul 03.47 WITA}.
   */
  public String dateTime(java.time.Instant instant) {
    return Formats.dateTime(instant, zone, locale);
  }

  /** A time of day in the deployment's zone: {@code 03.47 WITA}. */
  public String time(java.time.Instant instant) {
    return Formats.time(instant, zone, locale);
  }

  /**
   * A time of day kept without a zone (an appointment's), which is the deployment's local time:
   * {@code 09.20 WITA}.
   */
  public String time(java.time.LocalDateTime local) {
    return local == null ? "" : time(local.atZone(zone).toInstant());
  }

  /** The day of a moment in the deployment's zone, as a long date: {@code 7 Desember 2026}. */
  public String date(java.time.Instant instant) {
    return instant == null ? "" : date(instant.atZone(zone).toLocalDate());
  }

  /** The label of the deployment's zone ({@link Zone#label}): {@code WITA}. */
  public String zone() {
    return Zone.of(zone).label();
  }

  /** {@code 7 Desember 2026}. */
  public String date(java.time.LocalDate date) {
    return Formats.longDate(date, locale);
  }

  /** A date kept as ISO text (a form's answer, {@code 1994-09-12}) as {@code 12 September 1994}. */
  public String date(String isoDate) {
    return Formats.isoDateAsLong(isoDate, locale);
  }

  /** A whole number kept as text (a form's answer, {@code 1500000}) as {@code 1.500.000}. */
  public String number(String digits) {
    return Formats.wholeNumber(digits, locale);
  }
}
