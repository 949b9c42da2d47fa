package id.go.kecamatan.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/**
 * NIK, No. KK and NIP rules, checked against the real region list and a fixed "today" (23 November
 * 2026 in Jakarta), so a NIK date is read as the last hundred years up to that day.
 */
class IdentityNumbersTests {

  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  static final Clock TODAY =
      Clock.fixed(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, JAKARTA).toInstant(), JAKARTA);
  static final RegionDirectory REGIONS = new RegionDirectory();
  static final IdentityNumbers RULES = new IdentityNumbers(REGIONS, TODAY);

  /** Every kecamatan code of the dataset as six digits ({@code 351616}). */
  static final List<String> KECAMATAN_CODES = kecamatanCodes();

  static final java.util.Set<String> KECAMATAN_SET = java.util.Set.copyOf(KECAMATAN_CODES);

  private static List<String> kecamatanCodes() {
    List<String> codes = new ArrayList<>();
    for (int province = 11; province <= 99; province++) {
      for (Region regency : REGIONS.childrenOf(String.valueOf(province))) {
        for (Region kecamatan : REGIONS.childrenOf(regency.code())) {
          codes.add(kecamatan.code().replace(".", ""));
        }
      }
    }
    return List.copyOf(codes);
  }

  /** What a NIK is made of. */
  record NikParts(String region, LocalDate birthDate, Sex sex, int serial) {
    String nik() {
      int day = birthDate.getDayOfMonth() + (sex == Sex.FEMALE ? 40 : 0);
      return region
          + "%02d%02d%02d".formatted(day, birthDate.getMonthValue(), birthDate.getYear() % 100)
          + "%04d".formatted(serial);
    }

    String dottedRegion() {
      return region.substring(0, 2) + "." + region.substring(2, 4) + "." + region.substring(4);
    }
  }

  @Provide
  Arbitrary<NikParts> niks() {
    // A two-digit year names one of the hundred years up to today: 24 Nov 1926 .. 23 Nov 2026.
    LocalDate first = LocalDate.of(1926, 11, 24);
    int span = (int) (LocalDate.of(2026, 11, 23).toEpochDay() - first.toEpochDay());
    return Combinators.combine(
            Arbitraries.of(KECAMATAN_CODES),
            Arbitraries.integers().between(0, span).map(first::plusDays),
            Arbitraries.of(Sex.class),
            Arbitraries.integers().between(1, 9999))
        .as(NikParts::new);
  }

  @Example
  void theDatasetHasAllKecamatanCodes() {
    assertThat(KECAMATAN_CODES).hasSizeGreaterThan(7000).contains("351616");
  }

  // --- NIK -----------------------------------------------------------------------------------

  @Property
  void validNiksAreAccepted(@ForAll("niks") NikParts parts) {
    assertThat(RULES.checkNik(parts.nik(), null, null)).isEmpty();
    assertThat(RULES.checkNik(parts.nik(), parts.birthDate(), parts.sex())).isEmpty();
  }

  @Property
  void validNiksDecodeBackToTheirParts(@ForAll("niks") NikParts parts) {
    assertThat(RULES.decodeNik(parts.nik()))
        .isEqualTo(
            new IdentityNumbers.NikFacts(
                parts.dottedRegion(), parts.birthDate(), parts.sex(), parts.serial()));
  }

  /**
   * A problem's message follows the number's name ("NIK {0}.", "The NIK {0}."), so in both
   * languages it is a predicate: the identity step showed "NIK the date in digits 7 to 12 is not
   * valid."
   */
  @Example
  void everyProblemReadsAfterTheNumbersName() {
    for (IdentityProblem problem : IdentityProblem.values()) {
      assertThat(problem.message(Locale.ENGLISH))
          .as("%s", problem)
          .matches("(is|must|does|has|cannot) .*");
      assertThat(problem.message(Locale.forLanguageTag("id")))
          .as("%s", problem)
          .matches("(wajib|harus|tidak|memuat) .*");
    }
  }

  @Property
  void spacesAndDotsPeopleTypeAreIgnored(@ForAll("niks") NikParts parts) {
    String nik = parts.nik();
    String grouped =
        " "
            + nik.substring(0, 2)
            + "."
            + nik.substring(2, 4)
            + "."
            + nik.substring(4, 6)
            + " "
            + nik.substring(6, 12)
            + " "
            + nik.substring(12)
            + " ";
    assertThat(RULES.checkNik(grouped, null, null)).isEmpty();
  }

  @Property
  void aDeclaredSexOtherThanTheNiksIsReported(@ForAll("niks") NikParts parts) {
    Sex other = parts.sex() == Sex.MALE ? Sex.FEMALE : Sex.MALE;
    assertThat(RULES.checkNik(parts.nik(), parts.birthDate(), other))
        .containsExactly(IdentityProblem.SEX_MISMATCH);
  }

  @Property
  void aDeclaredBirthDateOtherThanTheNiksIsReported(
      @ForAll("niks") NikParts parts, @ForAll @IntRange(min = 1, max = 36_000) int daysOff) {
    LocalDate declared = parts.birthDate().minusDays(daysOff);
    boolean sameDayMonthAndYy =
        declared.getDayOfMonth() == parts.birthDate().getDayOfMonth()
            && declared.getMonthValue() == parts.birthDate().getMonthValue()
            && declared.getYear() % 100 == parts.birthDate().getYear() % 100;
    // A date exactly a century earlier cannot be told apart by a two-digit year.
    assertThat(RULES.checkNik(parts.nik(), declared, parts.sex()))
        .isEqualTo(sameDayMonthAndYy ? List.of() : List.of(IdentityProblem.BIRTH_DATE_MISMATCH));
  }

  /**
   * Changing one digit of DDMMYY gives an invalid NIK exactly when the new date cannot exist (the
   * oracle is written independently of the rule: day 1-31 or 41-71, month 1-12, day within the
   * month, 29 February in years divisible by four, as every two-digit year maps to 1927–2026 where
   * that is the leap rule).
   */
  @Property
  void aSingleDigitChangeOfTheDateIsRejectedExactlyWhenTheDateIsImpossible(
      @ForAll("niks") NikParts parts,
      @ForAll @IntRange(min = 6, max = 11) int position,
      @ForAll @IntRange(min = 0, max = 9) int digit) {
    char[] nik = parts.nik().toCharArray();
    nik[position] = (char) ('0' + digit);
    String changed = new String(nik);
    boolean possible = possibleDate(changed.substring(6, 12));
    List<IdentityProblem> problems = RULES.checkNik(changed, null, null);
    if (possible) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).containsExactly(IdentityProblem.INVALID_DATE);
      assertThatThrownBy(() -> RULES.decodeNik(changed))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static boolean possibleDate(String ddmmyy) {
    int dd = Integer.parseInt(ddmmyy.substring(0, 2));
    int mm = Integer.parseInt(ddmmyy.substring(2, 4));
    int yy = Integer.parseInt(ddmmyy.substring(4, 6));
    int day = dd > 40 ? dd - 40 : dd;
    if (day < 1 || day > 31 || mm < 1 || mm > 12) {
      return false;
    }
    int[] length = {31, yy % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return day <= length[mm - 1];
  }

  @Property
  void numbersOfAnotherLengthAreRejected(
      @ForAll @NumericChars @StringLength(min = 1, max = 40) String digits) {
    if (digits.length() == 16) {
      return;
    }
    assertThat(RULES.checkNik(digits, null, null)).containsExactly(IdentityProblem.NOT_16_DIGITS);
    assertThat(RULES.checkKk(digits)).containsExactly(IdentityProblem.NOT_16_DIGITS);
  }

  @Property
  void nonDigitsAreRejected(
      @ForAll("niks") NikParts parts,
      @ForAll @IntRange(min = 0, max = 15) int position,
      @ForAll("nonDigits") char replacement) {
    char[] nik = parts.nik().toCharArray();
    nik[position] = replacement;
    assertThat(RULES.checkNik(new String(nik), null, null))
        .containsExactly(IdentityProblem.NOT_16_DIGITS);
  }

  @Provide
  Arbitrary<Character> nonDigits() {
    return Arbitraries.chars()
        .filter(c -> !(c >= '0' && c <= '9') && c != '.' && !Character.isWhitespace(c));
  }

  @Property
  void serialZeroIsRejected(@ForAll("niks") NikParts parts) {
    String nik = parts.nik().substring(0, 12) + "0000";
    assertThat(RULES.checkNik(nik, null, null)).containsExactly(IdentityProblem.INVALID_SERIAL);
    assertThat(RULES.checkKk(nik.substring(0, 6) + "010120" + "0000"))
        .containsExactly(IdentityProblem.INVALID_SERIAL);
  }

  @Property
  void regionCodesThatAreNoKecamatanAreRejected(
      @ForAll("niks") NikParts parts, @ForAll @NumericChars @StringLength(6) String region) {
    if (KECAMATAN_SET.contains(region)) {
      return;
    }
    String nik = region + parts.nik().substring(6);
    assertThat(RULES.checkNik(nik, null, null)).containsExactly(IdentityProblem.UNKNOWN_REGION);
  }

  @Example
  void emptyNumbersAreRequired() {
    assertThat(RULES.checkNik(null, null, null)).containsExactly(IdentityProblem.EMPTY);
    assertThat(RULES.checkNik(" . ", null, null)).containsExactly(IdentityProblem.EMPTY);
    assertThat(RULES.checkKk("")).containsExactly(IdentityProblem.EMPTY);
    assertThat(RULES.checkNip(null)).containsExactly(IdentityProblem.EMPTY);
  }

  @Example
  void aWomanBornOn17August1985InJetis() {
    String nik = "3516165708850003";
    assertThat(RULES.checkNik(nik, LocalDate.of(1985, 8, 17), Sex.FEMALE)).isEmpty();
    assertThat(RULES.decodeNik(nik))
        .isEqualTo(
            new IdentityNumbers.NikFacts("35.16.16", LocalDate.of(1985, 8, 17), Sex.FEMALE, 3));
    assertThat(RULES.checkNik(nik, LocalDate.of(1985, 8, 17), Sex.MALE))
        .containsExactly(IdentityProblem.SEX_MISMATCH);
    assertThat(RULES.checkNik(nik, LocalDate.of(1985, 8, 18), Sex.FEMALE))
        .containsExactly(IdentityProblem.BIRTH_DATE_MISMATCH);
  }

  @Example
  void aTwoDigitYearAfterThisYearIsTheLastCentury() {
    assertThat(RULES.decodeNik("3516160101300001").birthDate()).isEqualTo(LocalDate.of(1930, 1, 1));
    assertThat(RULES.decodeNik("3516162311260001").birthDate())
        .isEqualTo(LocalDate.of(2026, 11, 23));
    // tomorrow's date cannot be a birth date this year, so it is a century ago
    assertThat(RULES.decodeNik("3516162411260001").birthDate())
        .isEqualTo(LocalDate.of(1926, 11, 24));
  }

  @Example
  void unknownRegionsSerialZeroAndImpossibleDatesAreReported() {
    assertThat(RULES.checkNik("9999990101900001", null, null))
        .containsExactly(IdentityProblem.UNKNOWN_REGION);
    // 35.16 is a regency, not a kecamatan
    assertThat(RULES.checkNik("3516000101900001", null, null))
        .containsExactly(IdentityProblem.UNKNOWN_REGION);
    assertThat(RULES.checkNik("3516160101900000", null, null))
        .containsExactly(IdentityProblem.INVALID_SERIAL);
    assertThat(RULES.checkNik("3516163102900001", null, null))
        .containsExactly(IdentityProblem.INVALID_DATE);
    assertThat(RULES.checkNik("3516167102900001", null, null))
        .containsExactly(IdentityProblem.INVALID_DATE);
    assertThat(RULES.checkNik("3516162902010001", null, null))
        .containsExactly(IdentityProblem.INVALID_DATE);
    assertThat(RULES.checkNik("3516162902000001", null, null)).isEmpty();
    assertThat(RULES.checkNik("9999993213900000", null, null))
        .containsExactly(
            IdentityProblem.UNKNOWN_REGION,
            IdentityProblem.INVALID_DATE,
            IdentityProblem.INVALID_SERIAL);
  }

  @Example
  void theRegionCheckIsInjected() {
    IdentityNumbers everywhere = new IdentityNumbers(code -> true, TODAY);
    IdentityNumbers nowhere = new IdentityNumbers(code -> false, TODAY);
    assertThat(everywhere.checkNik("9999990101900001", null, null)).isEmpty();
    assertThat(nowhere.checkNik("3516160101900001", null, null))
        .containsExactly(IdentityProblem.UNKNOWN_REGION);
  }

  // --- No. KK --------------------------------------------------------------------------------

  @Property
  void validFamilyCardNumbersAreAccepted(@ForAll("niks") NikParts parts) {
    NikParts issued = new NikParts(parts.region(), parts.birthDate(), Sex.MALE, parts.serial());
    assertThat(RULES.checkKk(issued.nik())).isEmpty();
  }

  @Example
  void familyCardNumbersHaveNoFemaleDayOffset() {
    assertThat(RULES.checkKk("3516161203150007")).isEmpty();
    assertThat(RULES.checkKk("3516165203150007")).containsExactly(IdentityProblem.INVALID_DATE);
    assertThat(RULES.checkKk("3516161203150000")).containsExactly(IdentityProblem.INVALID_SERIAL);
    assertThat(RULES.checkKk("1234561203150007")).containsExactly(IdentityProblem.UNKNOWN_REGION);
    assertThat(RULES.checkKk("35161612031500")).containsExactly(IdentityProblem.NOT_16_DIGITS);
  }

  // --- NIP -----------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> nips() {
    Arbitrary<LocalDate> births =
        Arbitraries.integers()
            .between(
                0,
                (int)
                    (LocalDate.of(2006, 1, 1).toEpochDay() - LocalDate.of(1950, 1, 1).toEpochDay()))
            .map(LocalDate.of(1950, 1, 1)::plusDays);
    return births.flatMap(
        birth ->
            Combinators.combine(
                    Arbitraries.integers().between(birth.getYear() + 18, 2026),
                    Arbitraries.integers().between(1, 12),
                    Arbitraries.of('1', '2'),
                    Arbitraries.integers().between(1, 999))
                .filter((year, month, sex, serial) -> year < 2026 || month <= 11)
                .as(
                    (year, month, sex, serial) ->
                        "%04d%02d%02d%04d%02d%c%03d"
                            .formatted(
                                birth.getYear(),
                                birth.getMonthValue(),
                                birth.getDayOfMonth(),
                                year,
                                month,
                                sex,
                                serial)));
  }

  @Property
  void validNipsAreAccepted(@ForAll("nips") String nip) {
    assertThat(RULES.checkNip(nip)).isEmpty();
  }

  @Property
  void nipsOfAnotherLengthAreRejected(
      @ForAll @NumericChars @StringLength(min = 1, max = 40) String digits) {
    if (digits.length() == 18) {
      return;
    }
    assertThat(RULES.checkNip(digits)).containsExactly(IdentityProblem.NOT_18_DIGITS);
  }

  @Property
  void aNipSexDigitOtherThanOneOrTwoIsRejected(
      @ForAll("nips") String nip, @ForAll @IntRange(min = 0, max = 9) int digit) {
    String changed = nip.substring(0, 14) + digit + nip.substring(15);
    assertThat(RULES.checkNip(changed))
        .isEqualTo(digit == 1 || digit == 2 ? List.of() : List.of(IdentityProblem.INVALID_NIP_SEX));
  }

  @Example
  void nipExamples() {
    // born 12 May 1978, appointed January 2005, male, serial 002
    assertThat(RULES.checkNip("197805122005011002")).isEmpty();
    assertThat(RULES.checkNip("19780512 200501 1 002")).isEmpty();
    assertThat(RULES.checkNip("198802292014032001")).isEmpty();
    // appointed this very month is fine; next month is not yet possible
    assertThat(RULES.checkNip("199001012026111001")).isEmpty();
    assertThat(RULES.checkNip("199001012026121001"))
        .containsExactly(IdentityProblem.INVALID_NIP_APPOINTMENT);

    assertThat(RULES.checkNip("197813122005011002"))
        .containsExactly(IdentityProblem.INVALID_NIP_BIRTH_DATE);
    assertThat(RULES.checkNip("198702292014032001"))
        .containsExactly(IdentityProblem.INVALID_NIP_BIRTH_DATE);
    assertThat(RULES.checkNip("189912312005011002"))
        .containsExactly(IdentityProblem.INVALID_NIP_BIRTH_DATE);
    assertThat(RULES.checkNip("202612012026111001"))
        .containsExactly(
            IdentityProblem.INVALID_NIP_BIRTH_DATE, IdentityProblem.INVALID_NIP_APPOINTMENT);
    assertThat(RULES.checkNip("197805122005131002"))
        .containsExactly(IdentityProblem.INVALID_NIP_APPOINTMENT);
    assertThat(RULES.checkNip("197805122005001002"))
        .containsExactly(IdentityProblem.INVALID_NIP_APPOINTMENT);
    // appointed at 12: younger than 14
    assertThat(RULES.checkNip("199001012002011001"))
        .containsExactly(IdentityProblem.INVALID_NIP_APPOINTMENT);
    assertThat(RULES.checkNip("197805122005013002"))
        .containsExactly(IdentityProblem.INVALID_NIP_SEX);
    assertThat(RULES.checkNip("197805122005011000"))
        .containsExactly(IdentityProblem.INVALID_NIP_SERIAL);
    assertThat(RULES.checkNip("19780512200501100")).containsExactly(IdentityProblem.NOT_18_DIGITS);
    assertThat(RULES.checkNip("19780512200501100X")).containsExactly(IdentityProblem.NOT_18_DIGITS);
  }

  @Example
  void theNipYearCheckFollowsTheClock() {
    Clock nextYear =
        Clock.fixed(Year.of(2027).atDay(10).atStartOfDay(JAKARTA).toInstant(), JAKARTA);
    IdentityNumbers later = new IdentityNumbers(REGIONS, nextYear);
    assertThat(later.checkNip("199001012026121001")).isEmpty();
  }

  // --- messages ------------------------------------------------------------------------------

  @Example
  void messagesAreIndonesianByDefaultAndEnglishOnRequest() {
    assertThat(IdentityProblem.NOT_16_DIGITS.message()).isEqualTo("harus 16 angka");
    assertThat(IdentityProblem.NOT_16_DIGITS.message(Locale.forLanguageTag("id-ID")))
        .isEqualTo("harus 16 angka");
    assertThat(IdentityProblem.NOT_16_DIGITS.message(Locale.ENGLISH))
        .isEqualTo("must be 16 digits");
    assertThat(IdentityProblem.NOT_16_DIGITS.message(Locale.UK)).isEqualTo("must be 16 digits");
    assertThat(IdentityProblem.SEX_MISMATCH.message()).contains("jenis kelamin");
  }

  @Property
  void everyProblemHasItsOwnMessageInBothLanguages(@ForAll IdentityProblem problem) {
    assertThat(problem.message())
        .isNotBlank()
        .isEqualTo(problem.message(Locale.forLanguageTag("id")));
    assertThat(problem.message(Locale.ENGLISH)).isNotBlank().isNotEqualTo(problem.message());
    for (IdentityProblem other : IdentityProblem.values()) {
      if (other != problem) {
        assertThat(other.message()).isNotEqualTo(problem.message());
        assertThat(other.message(Locale.ENGLISH)).isNotEqualTo(problem.message(Locale.ENGLISH));
      }
    }
  }
}
