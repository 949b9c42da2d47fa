package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Plain-text checks on form fields. Markup is rejected on input as a second line of defence (jte
 * escapes output anyway): {@code <} followed, after optional spaces and one of {@code / ! ?}, by a
 * letter, or a comment opening {@code <!--}. So {@code 5<6} and {@code a <= b} pass, but {@code a <
 * b} is rejected.
 */
class FieldErrorsTests {

  private static String errorOf(String value, int max) {
    FieldErrors errors = new FieldErrors().text("f", value, max);
    return errors.has("f") ? errors.get("f").key() : null;
  }

  @Example
  void errorsAreListedInTheFormsOrder() {
    FieldErrors errors =
        new FieldErrors()
            .reject("address", "error.required")
            .reject("other", "error.required")
            .reject("nik", "error.required")
            .reject("name", "error.required")
            .inOrderOf(List.of("nik", "name", "birthPlace", "address"));
    assertThat(errors.entries())
        .extracting(Map.Entry::getKey)
        .containsExactly("nik", "name", "address", "other");
  }

  // --- markup --------------------------------------------------------------------------------

  @Example
  void markupIsRejected() {
    assertThat(errorOf("<script>alert(1)</script>", 200)).isEqualTo("error.markup");
    assertThat(errorOf("<img src=x onerror=alert(1)>", 200)).isEqualTo("error.markup");
    assertThat(errorOf("tebal</b>", 200)).isEqualTo("error.markup");
    assertThat(errorOf("<!-- komentar -->", 200)).isEqualTo("error.markup");
    assertThat(errorOf("<!DOCTYPE html>", 200)).isEqualTo("error.markup");
    assertThat(errorOf("<?xml version=\"1.0\"?>", 200)).isEqualTo("error.markup");
    assertThat(errorOf("< script>", 200)).isEqualTo("error.markup");
    assertThat(errorOf("a < b", 200)).isEqualTo("error.markup");
    assertThat(errorOf("<SVG onload=x>", 200)).isEqualTo("error.markup");
  }

  @Example
  void bidiControlsAndZeroWidthCharactersAreRefused() {
    String[] invisible = {
      "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
      "\u200E", "\u200F", "\u061C", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"
    };
    for (String c : invisible) {
      assertThat(errorOf("Budi" + c + "man", 200))
          .as("U+%04X", (int) c.charAt(0))
          .isEqualTo("error.invisible");
    }
    assertThat(errorOf("Budi Santoso", 200)).isNull();
    assertThat(errorOf("Ren\u00e9 Müller-Ñúñez", 200)).isNull();
  }

  @Example
  void cleanTrimsAndNormalisesToNfc() {
    assertThat(FieldErrors.clean("  Rene\u0301  ")).isEqualTo("Ren\u00e9");
    assertThat(FieldErrors.clean("   ")).isNull();
    assertThat(FieldErrors.clean(null)).isNull();
    assertThat(Texts.normalise("A\u030a")).isEqualTo("\u00c5");
  }

  @Example
  void lessThanSignsThatCannotOpenATagAreAccepted() {
    assertThat(errorOf("5<6", 200)).isNull();
    assertThat(errorOf("usia < 17 tahun", 200)).isNull();
    assertThat(errorOf("a <= b", 200)).isNull();
    assertThat(errorOf("<3", 200)).isNull();
    assertThat(errorOf("Jl. Raya No. 5 > gang 2", 200)).isNull();
    assertThat(errorOf("PT Maju & Jaya \"Sentosa\"", 200)).isNull();
  }

  @Property
  void anyTagNameAfterALessThanSignIsRejected(
      @ForAll("plainText") String before,
      @ForAll @StringLength(min = 1, max = 10) @net.jqwik.api.constraints.AlphaChars String tag,
      @ForAll("tagOpeners") String opener) {
    assertThat(errorOf(before + opener + tag + ">", 500)).isEqualTo("error.markup");
  }

  @Provide
  Arbitrary<String> tagOpeners() {
    return Arbitraries.of("<", "</", "<!", "<?", "< ", "<\t/");
  }

  /** Letters, digits, spaces and punctuation without {@code <} or control characters. */
  @Provide
  Arbitrary<String> plainText() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars(" .,;:-()/'\"&>=!?éèÀ")
        .ofMaxLength(80);
  }

  @Property
  void plainTextWithinTheLimitIsAccepted(
      @ForAll("plainText") String value, @ForAll @IntRange(min = 80, max = 500) int max) {
    if (value.isBlank()) {
      assertThat(errorOf(value, max)).isEqualTo("error.required");
    } else {
      assertThat(errorOf(value, max)).isNull();
    }
  }

  // --- length --------------------------------------------------------------------------------

  @Property
  void textLongerThanTheLimitIsTooLong(@ForAll @IntRange(min = 1, max = 300) int max) {
    String exactly = "a".repeat(max);
    assertThat(errorOf(exactly, max)).isNull();
    FieldErrors errors = new FieldErrors().text("f", exactly + "b", max);
    assertThat(errors.get("f").key()).isEqualTo("error.tooLong");
    assertThat(errors.get("f").args()).containsExactly(max);
  }

  // --- control characters --------------------------------------------------------------------

  @Property
  void controlCharactersAreRejectedButLineBreaksAndTabsAreNot(
      @ForAll("plainText") String before,
      @ForAll("controls") char control,
      @ForAll("plainText") String after) {
    // "x" first: text of only \u000b, \u000c or \u001c-\u001f counts as blank, so "required".
    assertThat(errorOf("x" + before + control + after, 500)).isEqualTo("error.control");
  }

  @Example
  void textOfOnlyWhitespaceControlCharactersIsBlank() {
    assertThat(errorOf("\u001f", 10)).isEqualTo("error.required");
  }

  @Provide
  Arbitrary<Character> controls() {
    return Arbitraries.chars()
        .range('\u0000', '\u001f')
        .with('\u007f')
        .filter(c -> c != '\r' && c != '\n' && c != '\t');
  }

  @Example
  void lineBreaksAndTabsAreAccepted() {
    assertThat(errorOf("baris satu\r\nbaris dua\n\tmenjorok", 200)).isNull();
  }

  // --- required and optional -----------------------------------------------------------------

  @Example
  void requiredTextMustNotBeBlank() {
    assertThat(errorOf(null, 10)).isEqualTo("error.required");
    assertThat(errorOf("   ", 10)).isEqualTo("error.required");
    assertThat(new FieldErrors().optionalText("f", null, 10).any()).isFalse();
    assertThat(new FieldErrors().optionalText("f", "", 10).any()).isFalse();
  }

  @Example
  void theFirstErrorOfAFieldWins() {
    FieldErrors errors =
        new FieldErrors().reject("f", "error.required").reject("f", "error.tooLong", 3);
    assertThat(errors.get("f").key()).isEqualTo("error.required");
    assertThat(errors.all()).hasSize(1);
  }

  @Example
  void errorsKeepTheOrderFieldsWereChecked() {
    FieldErrors errors = new FieldErrors().reject("b", "x").reject("a", "y").reject("c", "z");
    assertThat(errors.entries())
        .extracting(java.util.Map.Entry::getKey)
        .containsExactly("b", "a", "c");
  }

  // --- numbers, e-mail, phone ----------------------------------------------------------------

  @Property
  void wholeNumbersInRangeAreRead(@ForAll @IntRange(min = -1000, max = 1000) int value) {
    FieldErrors errors = new FieldErrors();
    Integer read = errors.integer("n", " " + value + " ", 0, 100, true);
    if (value >= 0 && value <= 100) {
      assertThat(read).isEqualTo(value);
      assertThat(errors.any()).isFalse();
    } else {
      assertThat(read).isNull();
      assertThat(errors.get("n").key()).isEqualTo("error.range");
      assertThat(errors.get("n").args()).containsExactly(0, 100);
    }
  }

  @Example
  void numbersMustBeWholeNumbers() {
    assertThat(new FieldErrors().integer("n", "1,5", 0, 10, true)).isNull();
    FieldErrors errors = new FieldErrors();
    errors.integer("n", "12345678901234", 0, 10, true);
    assertThat(errors.get("n").key()).isEqualTo("error.number");
    FieldErrors missing = new FieldErrors();
    assertThat(missing.integer("n", "", 0, 10, false)).isNull();
    assertThat(missing.any()).isFalse();
    missing.integer("n", " ", 0, 10, true);
    assertThat(missing.get("n").key()).isEqualTo("error.required");
  }

  @Example
  void emailAddresses() {
    assertThat(new FieldErrors().email("e", "kecamatan.jetis@mojokertokab.go.id").any()).isFalse();
    assertThat(new FieldErrors().email("e", "").any()).isFalse();
    assertThat(new FieldErrors().email("e", "bukan-email").get("e").key()).isEqualTo("error.email");
    assertThat(new FieldErrors().email("e", "a@b").get("e").key()).isEqualTo("error.email");
    // markup in an address is simply not an address; so is what a mail server would refuse
    assertThat(new FieldErrors().email("e", "<a@b.id>").get("e").key()).isEqualTo("error.email");
    assertThat(new FieldErrors().email("e", "a@b.id.").get("e").key()).isEqualTo("error.email");
  }

  @Example
  void indonesianPhoneNumbers() {
    assertThat(new FieldErrors().phone("p", "0812 3456 7890").any()).isFalse();
    assertThat(new FieldErrors().phone("p", "+62 812-3456-7890").any()).isFalse();
    assertThat(new FieldErrors().phone("p", "(0321) 361234").any()).isFalse();
    assertThat(new FieldErrors().phone("p", "12345").get("p").key()).isEqualTo("error.phone");
    assertThat(new FieldErrors().phone("p", "+1 202 555 0100").get("p").key())
        .isEqualTo("error.phone");
  }

  @Example
  void cleanTrimsAndTurnsEmptyIntoNull() {
    assertThat(FieldErrors.clean("  Jetis ")).isEqualTo("Jetis");
    assertThat(FieldErrors.clean("   ")).isNull();
    assertThat(FieldErrors.clean(null)).isNull();
  }
}
