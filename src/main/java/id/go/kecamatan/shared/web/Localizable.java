package id.go.kecamatan.shared.web;

import java.util.Locale;

/** A value that renders itself in the visitor's language when used as a message argument. */
public interface Localizable {
  String message(Locale locale);
}
