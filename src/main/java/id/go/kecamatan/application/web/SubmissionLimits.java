package id.go.kecamatan.application.web;

import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits on what a stranger can make the office send: submissions (API and online form) and drafts
 * that send a resume code, per client address and per recipient (the phone number and the e-mail
 * address the message goes to), each a number an hour, counted in the database for all nodes. The
 * address limit keeps one machine from flooding the office; the recipient limit keeps anyone from
 * flooding a resident's phone at the office's cost, from any number of addresses. Assisted intake
 * by signed-in staff goes through casework and is not limited here.
 */
@Component
class SubmissionLimits {

  private final RateLimit submissionsPerAddress;
  private final RateLimit draftsPerAddress;
  private final RateLimit perRecipient;

  SubmissionLimits(
      RateLimits limits,
      @Value("${layanan.submissions.per-hour-per-address:30}") int perAddress,
      @Value("${layanan.submissions.per-hour-per-recipient:20}") int perRecipient) {
    Duration hour = Duration.ofHours(1);
    this.submissionsPerAddress = limits.limit("submissions-per-address", perAddress, hour);
    this.draftsPerAddress = limits.limit("resume-codes-per-address", perAddress, hour);
    this.perRecipient = limits.limit("messages-per-recipient", perRecipient, hour);
  }

  /**
   * Takes one submission from the address to the recipients (either may be null or blank).
   *
   * @return 0 when allowed, otherwise the seconds to wait
   */
  long submission(String clientAddress, String phone, String email) {
    return take(submissionsPerAddress, clientAddress, phone, email);
  }

  /** Takes one draft that sends its resume code; 0 when allowed, otherwise the seconds to wait. */
  long resumeCode(String clientAddress, String phone, String email) {
    return take(draftsPerAddress, clientAddress, phone, email);
  }

  private long take(RateLimit perAddress, String clientAddress, String phone, String email) {
    long wait = perAddress.take(clientAddress);
    if (wait > 0) {
      return wait;
    }
    String number = phoneKey(phone);
    if (number != null) {
      wait = perRecipient.take(number);
    }
    String mail = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    if (wait == 0 && mail != null) {
      wait = perRecipient.take("mail:" + mail);
    }
    return wait;
  }

  /**
   * The phone number as the gateway would dial it ({@code 0812...}, {@code +62812...} and {@code
   * 62812...} are one recipient), or null without digits.
   */
  static String phoneKey(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.isEmpty()) {
      return null;
    }
    if (digits.startsWith("0")) {
      digits = "62" + digits.substring(1);
    }
    return "tel:" + digits;
  }

  /** Forgets every count (for tests). */
  void reset() {
    submissionsPerAddress.reset();
    draftsPerAddress.reset();
    perRecipient.reset();
  }
}
