package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one e-mail rule: what a form accepts, a message can be sent to. */
class EmailAddressTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "siti@example.id",
        "siti.aminah+kabar@mail.jetis.kecamatan.example",
        "KECAMATAN.JETIS@MojokertoKab.go.id",
        "o'brien@example.com"
      })
  void usualAddressesAreValid(String address) {
    assertThat(EmailAddress.valid(address)).isTrue();
    assertThat(new FieldErrors().email("email", " " + address + " ").any()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "budi@gmail.com.",
        "budi@gmail.com,",
        "budi.@gmail.com",
        ".budi@gmail.com",
        "budi@gmail",
        "budi gmail@x.id",
        "a@b@c.id",
        "<script>@x.id",
        "siti@example.id\r\nBcc: x@evil.example",
        "siti@-example.id",
        "\"siti\"@example.id"
      })
  void anythingElseIsRefusedWithTheEmailMessage(String address) {
    assertThat(EmailAddress.valid(address)).isFalse();
    assertThat(new FieldErrors().email("email", address).get("email").key())
        .isEqualTo("error.email");
  }

  @org.junit.jupiter.api.Test
  void theLocalPartHasAtMost64CharactersAndTheWholeAt254() {
    assertThat(EmailAddress.valid("a".repeat(64) + "@example.id")).isTrue();
    assertThat(EmailAddress.valid("a".repeat(65) + "@example.id")).isFalse();
    String longDomain = "a@" + ("b".repeat(60) + ".").repeat(5) + "id";
    assertThat(longDomain.length()).isGreaterThan(254);
    assertThat(new FieldErrors().email("email", longDomain).get("email").key())
        .isEqualTo("error.tooLong");
  }
}
