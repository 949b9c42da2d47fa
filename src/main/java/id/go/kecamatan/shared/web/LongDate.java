package id.go.kecamatan.shared.web;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A date as a message argument, written out in the reader's language ({@code 4 Desember 2026},
 * {@code 4 December 2026}) rather than as {@code 2026-12-04}.
 */
public record LongDate(LocalDate date) implements Localizable {

  @Override
  public String message(Locale locale) {
    return Formats.longDate(date, locale);
  }
}
