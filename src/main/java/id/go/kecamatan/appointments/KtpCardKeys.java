package id.go.kecamatan.appointments;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A resident's way to a card ({@link KtpCards}): its code and a key, the last four digits of the
 * phone number given or the holder's NIK, with the wrong keys a code takes limited (the look-ups
 * per address are limited apart, by the page).
 */
@Service
public class KtpCardKeys {

  private final JdbcClient jdbc;
  private final RateLimit wrongKeys;

  KtpCardKeys(JdbcClient jdbc, RateLimits limits) {
    this.jdbc = jdbc;
    this.wrongKeys =
        limits.limit("ktp-wrong-keys-per-code", WRONG_KEYS_PER_HOUR, Duration.ofHours(1));
  }

  /**
   * Wrong keys a card's code takes in an hour before it opens nothing for a while: 10,000 phone
   * digits are otherwise tried through in hours, from one address.
   */
  public static final int WRONG_KEYS_PER_HOUR = 10;

  /**
   * The code of the card this key opens: the last four digits of the phone number given, or the
   * holder's NIK, until the code has had {@value #WRONG_KEYS_PER_HOUR} wrong keys in an hour. One
   * answer for an unknown code, a wrong key and a locked code.
   */
  public Optional<String> open(String rawCode, String key) {
    Optional<TrackingCode> code = TrackingCode.parse(rawCode);
    if (code.isEmpty()
        || key == null
        || key.isBlank()
        || key.length() > 40
        || wrongKeys.exhausted(code.get().value())) {
      return Optional.empty();
    }
    String typed = key.replaceAll("[\\s.-]", "");
    Optional<Boolean> known =
        jdbc.sql("select nik, phone_last4 from ktp_card where code = ?")
            .param(code.get().value())
            .query(
                (rs, n) -> {
                  String last4 = rs.getString("phone_last4");
                  boolean byDigits = typed.length() == 4 && last4 != null && same(typed, last4);
                  boolean byNik = typed.length() == 16 && same(typed, rs.getString("nik"));
                  return byDigits || byNik;
                })
            .optional();
    if (known.isPresent() && !known.get()) {
      wrongKeys.take(code.get().value());
    }
    return known.filter(ok -> ok).map(ok -> code.get().value());
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** The card with this code, for its resident's page (opened by {@link #open}). */
  public Optional<KtpCards.Card> forResident(String code) {
    return jdbc.sql("select * from ktp_card where code = ?")
        .param(code)
        .query(KtpCards::card)
        .optional();
  }
}
