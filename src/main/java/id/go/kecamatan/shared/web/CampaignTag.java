package id.go.kecamatan.shared.web;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first-party parameter ({@code ?sumber=K7M3QP}) a poster's short code (kode singkat) carries
 * from the redirect into the service page, the start page and the draft, so that started and
 * submitted applications are counted per code without a cookie and without knowing who scanned.
 * Only the shape is checked here: six characters of the tracking code's alphabet (no {@code 0 O 1 I
 * L}); whether such a code exists, and belongs to the office, the {@code content} module decides
 * when it counts. Anything else is dropped, so the parameter can never carry text into a page.
 */
public final class CampaignTag {

  /** The request parameter. */
  public static final String PARAMETER = "sumber";

  /** The characters of a short code: the tracking code's alphabet. */
  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  /** The length of a short code. */
  public static final int LENGTH = 6;

  private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

  private CampaignTag() {}

  /** The code as typed or scanned, upper case; empty when it is not a well-formed short code. */
  public static Optional<String> of(String raw) {
    if (raw == null || raw.length() > 2 * LENGTH) {
      return Optional.empty();
    }
    String code = raw.strip().toUpperCase(Locale.ROOT);
    return SHAPE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
  }

  /** {@link #of(String)}, or {@code null}. */
  public static String orNull(String raw) {
    return of(raw).orElse(null);
  }

  /** {@code ?sumber=CODE} to append to a link, or the empty string without a code. */
  public static String query(String code) {
    return code == null ? "" : "?" + PARAMETER + "=" + code;
  }
}
