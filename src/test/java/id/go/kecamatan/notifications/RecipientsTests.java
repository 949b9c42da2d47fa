package id.go.kecamatan.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone numbers however written become 62...; e-mail addresses keep their shape. */
class RecipientsTests {

  @ParameterizedTest
  @CsvSource({
    "0812-3456-7890, 6281234567890",
    "+62 812 3456 7890, 6281234567890",
    "62812 3456 7890, 6281234567890",
    "(0812) 3456.7890, 6281234567890",
    "+62 0812 3456 7890, 6281234567890",
    "812345678, 62812345678",
    "021 5551234, 62215551234",
    "0812345, 62812345"
  })
  void phoneNumbersAreNormalisedToTheInternationalForm(String typed, String stored) {
    assertThat(Recipients.of(Channel.WHATSAPP, typed))
        .contains(new Recipient(Channel.WHATSAPP, stored));
    assertThat(Recipients.of(Channel.SMS, typed)).contains(new Recipient(Channel.SMS, stored));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "08",
        "081234",
        "+1 415 555 0100",
        "0812345678901234567",
        "62",
        "6200",
        "0812-3456-789x",
        "0812\u00003456",
        "<script>alert(1)</script>",
        "warga@example.id"
      })
  void otherPhoneNumbersAreRefused(String typed) {
    assertThat(Recipients.of(Channel.WHATSAPP, typed)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "siti@example.id, siti@example.id",
    "  Siti.Aminah+kk@Mail.Example.ID , Siti.Aminah+kk@mail.example.id"
  })
  void emailAddressesKeepTheirLocalPart(String typed, String stored) {
    assertThat(Recipients.of(Channel.EMAIL, typed)).contains(new Recipient(Channel.EMAIL, stored));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "siti",
        "siti@",
        "@example.id",
        "siti@example",
        "siti@@example.id",
        "siti@exa mple.id",
        "siti@example.id\r\nBcc: all@example.id",
        "<siti@example.id>",
        "081234567890"
      })
  void otherEmailAddressesAreRefused(String typed) {
    assertThat(Recipients.of(Channel.EMAIL, typed)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void overlongAndMissingAddressesAreRefused() {
    assertThat(Recipients.of(Channel.EMAIL, "a".repeat(250) + "@example.id")).isEmpty();
    assertThat(Recipients.of(Channel.EMAIL, "a".repeat(100_000))).isEmpty();
    assertThat(Recipients.of(Channel.SMS, null)).isEmpty();
    assertThat(Recipients.of(null, "081234567890")).isEmpty();
  }
}
