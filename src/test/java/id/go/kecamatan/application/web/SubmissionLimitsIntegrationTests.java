package id.go.kecamatan.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.TestPhones;
import id.go.kecamatan.shared.web.RateLimits;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The default numbers of the submission limits: a carrier NAT or a village office's shared address
 * gets 30 applications an hour through, a phone number or e-mail address 20 messages an hour from
 * any number of addresses, in whatever format it is typed.
 */
@IntegrationTest
class SubmissionLimitsIntegrationTests {

  @Autowired RateLimits rateLimits;

  SubmissionLimits defaults() {
    return new SubmissionLimits(rateLimits, 30, 20);
  }

  static String address() {
    UUID u = UUID.randomUUID();
    return "10." + (u.hashCode() & 0xff) + "." + UUID.randomUUID();
  }

  static String phone() {
    return TestPhones.unique("0857");
  }

  @Test
  void thirtyResidentsBehindOneAddressGetThroughThenTheAddressWaits() {
    SubmissionLimits limits = defaults();
    String nat = address();
    for (int i = 0; i < 30; i++) {
      assertThat(limits.submission(nat, phone(), null)).as("resident %d", i + 1).isZero();
    }
    long wait = limits.submission(nat, phone(), null);
    // one comes back every two minutes
    assertThat(wait).isBetween(1L, 120L);
    // starting drafts (which send resume codes) is counted apart from submissions
    assertThat(limits.resumeCode(nat, phone(), null)).isZero();
    assertThat(limits.submission(address(), phone(), null)).isZero();
  }

  @Test
  void aPhoneGetsTwentyMessagesAnHourFromAnyAddressInAnyFormat() {
    SubmissionLimits limits = defaults();
    String local = phone();
    String international = "+62 " + local.substring(1, 4) + "-" + local.substring(4);
    for (int i = 0; i < 20; i++) {
      String typed = i % 2 == 0 ? local : international;
      long wait =
          i % 3 == 0
              ? limits.resumeCode(address(), typed, null)
              : limits.submission(address(), typed, null);
      assertThat(wait).as("message %d", i + 1).isZero();
    }
    assertThat(limits.submission(address(), "62" + local.substring(1), null)).isPositive();
    assertThat(limits.resumeCode(address(), local, null)).isPositive();
    assertThat(limits.submission(address(), phone(), null)).isZero();
  }

  @Test
  void anEmailAddressIsOneRecipientWhateverItsCase() {
    SubmissionLimits limits = defaults();
    String mail = "Siti." + UUID.randomUUID() + "@Example.id";
    for (int i = 0; i < 20; i++) {
      String typed = i % 2 == 0 ? mail : " " + mail.toLowerCase() + " ";
      assertThat(limits.submission(address(), null, typed)).isZero();
    }
    assertThat(limits.submission(address(), phone(), mail.toUpperCase())).isPositive();
  }

  @Test
  void phoneNumbersAreKeyedAsTheGatewayDialsThem() {
    assertThat(SubmissionLimits.phoneKey("0812 3456 7890"))
        .isEqualTo(SubmissionLimits.phoneKey("+62 812-3456-7890"))
        .isEqualTo("tel:6281234567890");
    assertThat(SubmissionLimits.phoneKey("tidak ada")).isNull();
    assertThat(SubmissionLimits.phoneKey(null)).isNull();
  }
}
