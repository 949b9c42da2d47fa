package id.go.kecamatan.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validation of a submitted form: each field gets at most one error, a message key of the bundles,
 * shown beside the field and in the error summary (GOV.UK pattern).
 */
public final class FieldErrors {

  /** Text that looks like markup: a tag opening, closing, comment or doctype. */
  private static final Pattern MARKUP = Pattern.compile("<\\s*(?:[/!?]?\\s*[a-zA-Z]|!--)");

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

  private final Map<String, Error> errors = new LinkedHashMap<>();

  /** One error: the message key and its arguments. */
  public record Error(String key, Object[] args) {}

  public FieldErrors reject(String field, String key, Object... args) {
    errors.putIfAbsent(field, new Error(key, args));
    return this;
  }

  /** Adds the errors of another form part (the first error of a field wins). */
  public FieldErrors addAll(FieldErrors other) {
    other.errors.forEach(errors::putIfAbsent);
    return this;
  }

  /**
   * Puts the errors of {@code fields} first, in that order (the form's), the others after them as
   * they were: the error summary lists the errors as the page shows the fields (GOV.UK), whatever
   * order the checks ran in.
   */
  public FieldErrors inOrderOf(List<String> fields) {
    Map<String, Error> ordered = new LinkedHashMap<>();
    for (String field : fields) {
      Error error = errors.get(field);
      if (error != null) {
        ordered.put(field, error);
      }
    }
    errors.forEach(ordered::putIfAbsent);
    errors.clear();
    errors.putAll(ordered);
    return this;
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public boolean any() {
    return !errors.isEmpty();
  }

  public Map<String, Error> all() {
    return Map.copyOf(errors);
  }

  /** Fields in the order they were checked, for the error summary. */
  public Iterable<Map.Entry<String, Error>> entries() {
    return errors.entrySet();
  }

  public Error get(String field) {
    return errors.get(field);
  }

  /** Required text of at most {@code max} characters, plain text only. */
  public FieldErrors text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return reject(field, "error.required");
    }
    return optionalText(field, value, max);
  }

  /**
   * Optional text of at most {@code max} characters, plain text only: no markup, no control
   * characters, no invisible formatting characters (bidi controls, zero-width characters; see
   * {@link Texts}). Pass the value through {@link #clean} first, so what is stored is NFC.
   */
  public FieldErrors optionalText(String field, String value, int max) {
    if (value == null || value.isEmpty()) {
      return this;
    }
    if (value.length() > max) {
      return reject(field, "error.tooLong", max);
    }
    if (MARKUP.matcher(value).find()) {
      return reject(field, "error.markup");
    }
    if (CONTROL.matcher(value).find()) {
      return reject(field, "error.control");
    }
    if (Texts.hasInvisibleFormatting(value)) {
      return reject(field, "error.invisible");
    }
    return this;
  }

  /** A whole number in a range, given as text from a form. */
  public Integer integer(String field, String value, int min, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        reject(field, "error.required");
      }
      return null;
    }
    String trimmed = value.trim();
    if (!trimmed.matches("-?\\d{1,10}")) {
      reject(field, "error.number");
      return null;
    }
    long number = Long.parseLong(trimmed);
    if (number < min || number > max) {
      reject(field, "error.range", min, max);
      return null;
    }
    return (int) number;
  }

  /** An e-mail address, optional, by the one rule of {@link EmailAddress}. */
  public FieldErrors email(String field, String value) {
    String address = clean(value);
    if (address == null) {
      return this;
    }
    if (address.length() > EmailAddress.MAX) {
      return reject(field, "error.tooLong", EmailAddress.MAX);
    }
    return EmailAddress.valid(address) ? this : reject(field, "error.email");
  }

  /** An Indonesian phone number (0812..., +62812..., 021...), optional. */
  public FieldErrors phone(String field, String value) {
    if (value == null || value.isBlank()) {
      return this;
    }
    String digits = value.replaceAll("[\\s.()-]", "");
    if (!digits.matches("(\\+62|62|0)\\d{6,13}")) {
      reject(field, "error.phone");
    }
    return this;
  }

  /** Trims, normalises to Unicode NFC ({@link Texts#normalise}) and turns empty into null. */
  public static String clean(String value) {
    String normalised = Texts.normalise(value);
    return normalised == null || normalised.isEmpty() ? null : normalised;
  }
}
