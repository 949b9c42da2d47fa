package id.go.kecamatan.letters.internal.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class LetterNumberFormatTests {

  private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 22);

  private static String print(String format, int number) {
    return LetterNumberFormat.of(format)
        .format(new LetterNumberFormat.Values("474", "DOMISILI", "416.305", number, NOVEMBER));
  }

  private static String problem(String format) {
    LetterNumberFormat.Parsed parsed = LetterNumberFormat.parse(format);
    assertThat(parsed.format()).as("format %s is refused", format).isNull();
    return parsed.problem().key();
  }

  @Example
  void theDefaultFormatPrintsTheIssueExample() {
    assertThat(print(LetterNumberFormat.DEFAULT, 7)).isEqualTo("474/007/416.305/2026");
  }

  @Example
  void everyTokenIsFilledIn() {
    assertThat(print("B-{nomor}/{klasifikasi}/{kode_unit}/{bulan_romawi}/{bulan}/{tahun}", 15))
        .isEqualTo("B-15/474/416.305/XI/11/2026");
    assertThat(print("{nomor:6}", 42)).isEqualTo("000042");
    assertThat(
            LetterNumberFormat.of("{bulan}/{nomor:2}")
                .format(
                    new LetterNumberFormat.Values(null, null, null, 3, LocalDate.of(2027, 2, 1))))
        .isEqualTo("02/03");
  }

  @Example
  void aNumberWiderThanThePaddingIsPrintedWhole() {
    assertThat(print("{nomor:3}", 1234)).isEqualTo("1234");
    assertThat(print("{nomor:3}", 1)).isEqualTo("001");
  }

  @Example
  void theRomanMonthsOfTheWholeYear() {
    String[] expected = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    for (int month = 1; month <= 12; month++) {
      assertThat(
              LetterNumberFormat.of("{nomor}/{bulan_romawi}")
                  .format(
                      new LetterNumberFormat.Values(
                          "474", "DOMISILI", "416.305", 1, LocalDate.of(2026, month, 28))))
          .isEqualTo("1/" + expected[month - 1]);
    }
    assertThatThrownBy(() -> LetterNumberFormat.roman(13))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void missingCodesPrintAVisibleFallback() {
    assertThat(
            LetterNumberFormat.of(LetterNumberFormat.DEFAULT)
                .format(new LetterNumberFormat.Values(" ", null, null, 7, NOVEMBER)))
        .isEqualTo("TANPA-KLASIFIKASI/007/TANPA-KODE-UNIT/2026");
    assertThat(
            LetterNumberFormat.of("{kode_layanan}/{nomor}")
                .format(new LetterNumberFormat.Values("474", "  ", "416.305", 7, NOVEMBER)))
        .isEqualTo("TANPA-KODE-LAYANAN/7");
  }

  @Example
  void theServiceCodeTellsTheServicesApart() {
    assertThat(print("{kode_layanan}/{nomor:3}/{kode_unit}/{tahun}", 1))
        .isEqualTo("DOMISILI/001/416.305/2026");
    assertThat(
            LetterNumberFormat.of("{klasifikasi}.{kode_layanan}/{nomor:3}")
                .format(new LetterNumberFormat.Values("470", " SKTM ", null, 1, NOVEMBER)))
        .isEqualTo("470.SKTM/001");
    assertThat(problem("{nomor}/{Kode_Layanan}")).isEqualTo("numbering.error.unknownToken");
    assertThat(problem("{nomor}/{kode_layanan:3}")).isEqualTo("numbering.error.unknownToken");
  }

  @Example
  void theServiceCodeCountsAtItsLongestLength() {
    // 7 for the running number, 93 literal and 20 for the longest service code make 120
    String fits = "{nomor}" + "A".repeat(93) + "{kode_layanan}";
    LetterNumberFormat.Parsed parsed = LetterNumberFormat.parse(fits);
    assertThat(parsed.problem()).isNull();
    assertThat(problem(fits + "A")).isEqualTo("numbering.error.tooLongPrinted");
  }

  @Example
  void onlyAFormatThatTellsTheSequencesApartFitsAScopeOfManySequences() {
    LetterNumberFormat byDefault = LetterNumberFormat.of(LetterNumberFormat.DEFAULT);
    LetterNumberFormat withService = LetterNumberFormat.of("{kode_layanan}/{nomor}/{tahun}");
    LetterNumberFormat plain = LetterNumberFormat.of("{nomor}/{kode_unit}/{tahun}");

    assertThat(NumberingScope.OFFICE.tellsApart(plain)).isTrue();
    assertThat(NumberingScope.OFFICE.tellsApart(byDefault)).isTrue();
    assertThat(NumberingScope.CLASSIFICATION.tellsApart(byDefault)).isTrue();
    assertThat(NumberingScope.CLASSIFICATION.tellsApart(withService)).isTrue();
    assertThat(NumberingScope.CLASSIFICATION.tellsApart(plain)).isFalse();
    assertThat(NumberingScope.SERVICE.tellsApart(withService)).isTrue();
    assertThat(NumberingScope.SERVICE.tellsApart(byDefault)).isFalse();
    assertThat(NumberingScope.SERVICE.tellsApart(plain)).isFalse();
  }

  @Example
  void knowsWhichTokensItUses() {
    LetterNumberFormat format = LetterNumberFormat.of("{nomor}/{tahun}");
    assertThat(format.uses(LetterNumberFormat.Token.TAHUN)).isTrue();
    assertThat(format.uses(LetterNumberFormat.Token.KLASIFIKASI)).isFalse();
    assertThat(format.uses(LetterNumberFormat.Token.KODE_UNIT)).isFalse();
    assertThat(format.uses(LetterNumberFormat.Token.KODE_LAYANAN)).isFalse();
    assertThat(
            LetterNumberFormat.of("{kode_layanan}/{nomor}")
                .uses(LetterNumberFormat.Token.KODE_LAYANAN))
        .isTrue();
  }

  @Example
  void hostileAndWrongFormatsAreRefusedWithAReason() {
    assertThat(problem("{klasifikasi}/{nomor:99}/{tahun}")).isEqualTo("numbering.error.width");
    assertThat(problem("{nomor:0}")).isEqualTo("numbering.error.width");
    assertThat(problem("{nomor:}")).isEqualTo("numbering.error.width");
    assertThat(problem("{nomor:x}")).isEqualTo("numbering.error.width");
    assertThat(problem("{nomor}/{x}")).isEqualTo("numbering.error.unknownToken");
    assertThat(problem("{nomor}/{Tahun}")).isEqualTo("numbering.error.unknownToken");
    assertThat(problem("{nomor}/{}")).isEqualTo("numbering.error.unknownToken");
    assertThat(problem("{{nomor}}")).isEqualTo("numbering.error.braces");
    assertThat(problem("{nomor}/{tahun")).isEqualTo("numbering.error.braces");
    assertThat(problem("{nomor}/tahun}")).isEqualTo("numbering.error.braces");
    assertThat(problem("{nomor}/{bulan{tahun}}")).isEqualTo("numbering.error.braces");
    assertThat(problem("474/{tahun}")).isEqualTo("numbering.error.numberToken");
    assertThat(problem("{nomor}/{nomor:3}")).isEqualTo("numbering.error.numberToken");
    assertThat(problem("{nomor}".repeat(100_000 / 7))).isEqualTo("numbering.error.tooLong");
    assertThat(problem("x".repeat(100_000))).isEqualTo("numbering.error.tooLong");
    assertThat(problem("{nomor}/" + "A".repeat(113))).isEqualTo("numbering.error.tooLong");
    assertThat(problem("{nomor}\u0000")).isEqualTo("numbering.error.control");
    assertThat(problem("{nomor}\t/2026")).isEqualTo("numbering.error.control");
    assertThat(problem("{nomor}\u200b/2026")).isEqualTo("numbering.error.control");
    assertThat(problem("{nomor}\u00a0/2026")).isEqualTo("numbering.error.control");
    assertThat(problem("{nomor}\n")).isEqualTo("numbering.error.control");
    assertThat(problem("<b>{nomor}</b>")).isEqualTo("numbering.error.character");
    assertThat(problem("{nomor}<script>alert(1)</script>")).isEqualTo("numbering.error.character");
    assertThat(problem("{nomor}&amp;")).isEqualTo("numbering.error.character");
    assertThat(problem("{nomor}/../../etc/passwd\\")).isEqualTo("numbering.error.character");
    assertThat(problem("")).isEqualTo("numbering.error.required");
    assertThat(problem("   ")).isEqualTo("numbering.error.required");
    assertThat(problem(null)).isEqualTo("numbering.error.required");
    // three unit codes of up to 40 characters each
    assertThat(problem("{kode_unit}{kode_unit}{kode_unit}{nomor}/"))
        .isEqualTo("numbering.error.tooLongPrinted");
  }

  @Example
  void theControlCharacterIsNamedAndTheMarkupCharacterShown() {
    assertThat(LetterNumberFormat.parse("{nomor}\u0000").problem().args())
        .containsExactly("U+0000");
    assertThat(LetterNumberFormat.parse("<{nomor}").problem().args()[0]).isEqualTo("<");
  }

  @Example
  void lettersOfOtherScriptsAndTheSeparatorsAreAccepted() {
    assertThat(print("No. {nomor:4} (Kec-Jetis)_#,:{tahun}", 5))
        .isEqualTo("No. 0005 (Kec-Jetis)_#,:2026");
    assertThat(LetterNumberFormat.parse("Ñomor-Ürut/{nomor}").problem()).isNull();
  }

  @Example
  void ofRefusesAnInvalidFormat() {
    assertThatThrownBy(() -> LetterNumberFormat.of("{x}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void everyProblemHasAMessageInBothLanguages() throws IOException {
    Properties indonesian = bundle("/messages/numbering.properties");
    Properties english = bundle("/messages/numbering_en.properties");
    for (String format :
        new String[] {
          null,
          "x".repeat(121),
          "\u0000{nomor}",
          "<{nomor}",
          "}",
          "{nomor:9}",
          "{y}",
          "x",
          "{kode_unit}{kode_unit}{kode_unit}{nomor}"
        }) {
      String key = LetterNumberFormat.parse(format).problem().key();
      assertThat(indonesian).containsKey(key);
      assertThat(english).containsKey(key);
    }
    for (LetterNumberFormat.Token token : LetterNumberFormat.Token.values()) {
      assertThat(indonesian).containsKey(token.helpKey());
      assertThat(english).containsKey(token.helpKey());
    }
    for (String key :
        new String[] {
          "numbering.error.scopeNeedsServiceCode", "numbering.error.scopeNeedsClassification"
        }) {
      assertThat(indonesian).containsKey(key);
      assertThat(english).containsKey(key);
    }
  }

  private static Properties bundle(String path) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = LetterNumberFormatTests.class.getResourceAsStream(path)) {
      properties.load(in);
    }
    return properties;
  }

  // ---- properties -------------------------------------------------------------------------------

  @Property
  void theNumberIsPaddedToItsWidthAndReadsBack(
      @ForAll @IntRange(min = 1, max = 6) int width,
      @ForAll @IntRange(min = 1, max = 9_999_999) int number) {
    String printed = print("{nomor:" + width + "}", number);
    assertThat(printed).hasSizeGreaterThanOrEqualTo(width).containsOnlyDigits();
    assertThat(Integer.parseInt(printed)).isEqualTo(number);
    assertThat(printed.length()).isEqualTo(Math.max(width, String.valueOf(number).length()));
  }

  @Property
  void anyTextIsEitherRefusedOrPrintsOnlySafeCharacters(
      @ForAll @StringLength(max = 150) String text) {
    LetterNumberFormat.Parsed parsed = LetterNumberFormat.parse(text);
    assertThat(parsed.format() == null).isEqualTo(parsed.problem() != null);
    if (parsed.format() != null) {
      String printed =
          parsed
              .format()
              .format(new LetterNumberFormat.Values("474", "DOMISILI", "416.305", 7, NOVEMBER));
      assertThat(printed).doesNotContain("<", ">", "&", "\"", "'", "{", "}");
      assertThat(printed.length()).isLessThanOrEqualTo(LetterNumberFormat.MAX_LENGTH);
      assertThat(printed.codePoints()).noneMatch(Character::isISOControl);
    }
  }

  @Property
  void validFormatsBuiltFromTokensAndLiteralsPrintTheirTokens(
      @ForAll("literals") String before,
      @ForAll("literals") String after,
      @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = 1, max = 999) int number) {
    String format = before + "{nomor:3}" + after + "{bulan_romawi}/{tahun}";
    LetterNumberFormat.Parsed parsed = LetterNumberFormat.parse(format);
    assertThat(parsed.problem()).isNull();
    String printed =
        parsed
            .format()
            .format(
                new LetterNumberFormat.Values(
                    null, null, null, number, LocalDate.of(2030, month, 1)));
    assertThat(printed)
        .isEqualTo(
            before
                + String.format("%03d", number)
                + after
                + LetterNumberFormat.roman(month)
                + "/2030");
  }

  @Provide
  Arbitrary<String> literals() {
    return Arbitraries.strings().withChars("ABCXYZabcxyz0123456789 /.-_(),:#").ofMaxLength(20);
  }
}
