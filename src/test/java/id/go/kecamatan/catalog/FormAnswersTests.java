package id.go.kecamatan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.office.IdentityProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The check of a resident's answers against a service's form. */
class FormAnswersTests {

  static final UUID OFFICE = UUID.randomUUID();
  static final UUID OUR_VILLAGE = UUID.randomUUID();
  static final String VALID_NIK = "3516160101900001";

  /** 20 May 2026 in Jakarta. */
  final FormAnswers answers =
      new FormAnswers(
          nik -> nik.equals(VALID_NIK) ? List.of() : List.of(IdentityProblem.NOT_16_DIGITS),
          kk -> kk.equals(VALID_NIK) ? List.of() : List.of(IdentityProblem.INVALID_DATE),
          (office, village) -> office.equals(OFFICE) && village.equals(OUR_VILLAGE),
          Clock.fixed(Instant.parse("2026-05-20T03:00:00Z"), ZoneId.of("Asia/Jakarta")));

  static FormField field(
      String key,
      FieldType type,
      boolean required,
      FormField.Limits limits,
      List<FormField.Option> options,
      FormField.Condition condition) {
    return new FormField(
        UUID.randomUUID(),
        UUID.randomUUID(),
        0,
        key,
        type,
        key + " id",
        key + " en",
        null,
        null,
        required,
        limits,
        options,
        condition,
        0);
  }

  static FormField field(String key, FieldType type) {
    return field(key, type, true, null, null, null);
  }

  static final List<FormField.Option> PURPOSES =
      List.of(
          new FormField.Option("pribadi", "Pribadi", "Personal"),
          new FormField.Option("usaha", "Usaha", "Business"));

  /** Domicile: purpose, and the business's name and address only for a business. */
  static FormDefinition domicile() {
    return new FormDefinition(
        OFFICE,
        UUID.randomUUID(),
        List.of(
            field("keperluan", FieldType.CHOICE, true, null, PURPOSES, null),
            field(
                "nama_usaha",
                FieldType.TEXT,
                true,
                null,
                null,
                new FormField.Condition("keperluan", "usaha")),
            field(
                "alamat_usaha",
                FieldType.ADDRESS,
                true,
                null,
                null,
                new FormField.Condition("keperluan", "usaha")),
            field("catatan", FieldType.LONG_TEXT, false, null, null, null)));
  }

  FormAnswers.Checked check(FormDefinition form, Object... pairs) {
    Map<String, List<String>> submitted = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      submitted
          .computeIfAbsent((String) pairs[i], k -> new ArrayList<>())
          .add((String) pairs[i + 1]);
    }
    return answers.check(form, submitted);
  }

  static String error(FormAnswers.Checked checked, String key) {
    return checked.errors().has(key) ? checked.errors().get(key).key() : null;
  }

  @Example
  void businessDetailsAreRequiredOnlyForABusiness() {
    FormAnswers.Checked business = check(domicile(), "keperluan", "usaha");
    assertThat(error(business, "nama_usaha")).isEqualTo("error.required");
    assertThat(error(business, "alamat_usaha")).isEqualTo("error.required");

    FormAnswers.Checked personal =
        check(domicile(), "keperluan", "pribadi", "nama_usaha", "<script>x</script>");
    assertThat(personal.ok()).isTrue();
    assertThat(personal.answers())
        .containsOnlyKeys("keperluan")
        .containsEntry("keperluan", List.of("pribadi"));
  }

  @Example
  void aQuestionDependingOnAHiddenOneIsHiddenToo() {
    FormDefinition form =
        new FormDefinition(
            OFFICE,
            UUID.randomUUID(),
            List.of(
                field("punya_usaha", FieldType.YES_NO),
                field(
                    "jenis",
                    FieldType.CHOICE,
                    true,
                    null,
                    PURPOSES,
                    new FormField.Condition("punya_usaha", "ya")),
                field(
                    "nama_usaha",
                    FieldType.TEXT,
                    true,
                    null,
                    null,
                    new FormField.Condition("jenis", "usaha"))));
    FormAnswers.Checked checked = check(form, "punya_usaha", "tidak", "jenis", "usaha");
    assertThat(checked.ok()).isTrue();
    assertThat(checked.answers()).containsOnlyKeys("punya_usaha");
  }

  @Example
  void choicesMustBeAmongTheOptions() {
    assertThat(error(check(domicile(), "keperluan", "lain"), "keperluan"))
        .isEqualTo("forms.answer.option");
    assertThat(error(check(domicile()), "keperluan")).isEqualTo("forms.answer.choose");
    assertThat(error(check(domicile(), "keperluan", "usaha", "keperluan", "pribadi"), "keperluan"))
        .isEqualTo("forms.answer.single");
    FormDefinition many =
        new FormDefinition(
            OFFICE,
            UUID.randomUUID(),
            List.of(field("pilihan", FieldType.MULTIPLE_CHOICE, true, null, PURPOSES, null)));
    FormAnswers.Checked both =
        check(many, "pilihan", "usaha", "pilihan", "pribadi", "pilihan", "usaha");
    assertThat(both.ok()).isTrue();
    assertThat(both.answers().get("pilihan")).containsExactly("usaha", "pribadi");
    assertThat(error(check(many), "pilihan")).isEqualTo("forms.answer.chooseSome");
    assertThat(error(check(many, "pilihan", "usaha", "pilihan", "x"), "pilihan"))
        .isEqualTo("forms.answer.option");
  }

  @Example
  void identityNumbersUseTheRulesOfTheOfficeModule() {
    FormDefinition form =
        new FormDefinition(
            OFFICE,
            UUID.randomUUID(),
            List.of(field("nik_calon", FieldType.NIK), field("nomor_kk", FieldType.KK)));
    FormAnswers.Checked wrong = check(form, "nik_calon", "12345", "nomor_kk", "3516160000000001");
    assertThat(wrong.errors().get("nik_calon").key()).isEqualTo("forms.answer.nik");
    assertThat(wrong.errors().get("nik_calon").args())
        .containsExactly(IdentityProblem.NOT_16_DIGITS);
    assertThat(wrong.errors().get("nomor_kk").args()).containsExactly(IdentityProblem.INVALID_DATE);
    FormAnswers.Checked right =
        check(form, "nik_calon", "3516 1601 0190 0001", "nomor_kk", VALID_NIK);
    assertThat(right.ok()).isTrue();
    assertThat(right.answers().get("nik_calon")).containsExactly(VALID_NIK);
  }

  @Example
  void villageMustBelongToTheOffice() {
    FormDefinition form =
        new FormDefinition(OFFICE, UUID.randomUUID(), List.of(field("desa", FieldType.VILLAGE)));
    assertThat(check(form, "desa", OUR_VILLAGE.toString()).ok()).isTrue();
    assertThat(error(check(form, "desa", UUID.randomUUID().toString()), "desa"))
        .isEqualTo("forms.answer.village");
    assertThat(error(check(form, "desa", "Kupang"), "desa")).isEqualTo("forms.answer.village");
  }

  @Example
  void phoneEmailAndTextUseTheSharedRules() {
    FormDefinition form =
        new FormDefinition(
            OFFICE,
            UUID.randomUUID(),
            List.of(
                field("telepon", FieldType.PHONE),
                field("surel", FieldType.EMAIL),
                field("nama", FieldType.TEXT)));
    FormAnswers.Checked bad =
        check(form, "telepon", "12", "surel", "bukan-email", "nama", "<b>Budi</b>");
    assertThat(error(bad, "telepon")).isEqualTo("error.phone");
    assertThat(error(bad, "surel")).isEqualTo("error.email");
    assertThat(error(bad, "nama")).isEqualTo("error.markup");
    assertThat(
            check(form, "telepon", "0812 3456 7890", "surel", "budi@contoh.id", "nama", "Budi")
                .ok())
        .isTrue();
  }

  @Example
  void datesRelativeToToday() {
    FormDefinition form =
        new FormDefinition(
            OFFICE,
            UUID.randomUUID(),
            List.of(
                field("meninggal", FieldType.DATE, true, limits(null, null, null, 0), null, null),
                field("acara", FieldType.DATE, false, limits(null, null, 0, 30), null, null)));
    assertThat(check(form, "meninggal", "2026-05-20").ok()).isTrue();
    assertThat(error(check(form, "meninggal", "2026-05-21"), "meninggal"))
        .isEqualTo("forms.answer.notFuture");
    assertThat(error(check(form, "meninggal", "20-05-2026"), "meninggal"))
        .isEqualTo("forms.answer.date");
    assertThat(error(check(form, "meninggal", "2026-02-30"), "meninggal"))
        .isEqualTo("forms.answer.date");
    assertThat(error(check(form, "meninggal", "2026-05-01", "acara", "2026-05-19"), "acara"))
        .isEqualTo("forms.answer.notPast");
    assertThat(error(check(form, "meninggal", "2026-05-01", "acara", "2026-06-20"), "acara"))
        .isEqualTo("forms.answer.dateMax");
  }

  @Example
  void patternsWithTheirOwnMessage() {
    FormField.Limits postcode =
        new FormField.Limits(
            null,
            null,
            null,
            null,
            "[0-9]{5}",
            "Kode pos 5 angka",
            "Postcode of 5 digits",
            null,
            null);
    FormDefinition form =
        new FormDefinition(
            OFFICE,
            UUID.randomUUID(),
            List.of(field("kode_pos", FieldType.TEXT, true, postcode, null, null)));
    FormAnswers.Checked wrong = check(form, "kode_pos", "6135");
    assertThat(error(wrong, "kode_pos")).isEqualTo("forms.answer.pattern");
    assertThat(
            ((id.go.kecamatan.shared.web.Localizable) wrong.errors().get("kode_pos").args()[0])
                .message(java.util.Locale.ENGLISH))
        .isEqualTo("Postcode of 5 digits");
    assertThat(check(form, "kode_pos", "61352").ok()).isTrue();
  }

  @Example
  void aCatastrophicPatternGivesUpInsteadOfHanging() {
    long start = System.nanoTime();
    assertThat(FormAnswers.matches("(a+)+b", "a".repeat(40))).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  static FormField.Limits limits(Long min, Long max, Integer minDays, Integer maxDays) {
    return new FormField.Limits(null, null, min, max, null, null, null, minDays, maxDays);
  }

  // ---- properties -----------------------------------------------------------------------------

  @Property
  void numbersInsideTheLimitsAreAcceptedAndOutsideRefused(
      @ForAll @IntRange(min = -1000, max = 1000) int answer) {
    FormDefinition form =
        new FormDefinition(
            OFFICE,
            UUID.randomUUID(),
            List.of(
                field("jumlah", FieldType.NUMBER, true, limits(1L, 50L, null, null), null, null)));
    FormAnswers.Checked checked = check(form, "jumlah", Integer.toString(answer));
    assertThat(checked.ok()).isEqualTo(answer >= 1 && answer <= 50);
  }

  @Property
  void hiddenQuestionsNeverFailAndTheirAnswersAreDropped(
      @ForAll("anyAnswers") Map<String, List<String>> submitted) {
    FormDefinition form = domicile();
    FormAnswers.Checked checked = answers.check(form, submitted);
    boolean business = checked.answers().getOrDefault("keperluan", List.of()).contains("usaha");
    if (!business) {
      assertThat(checked.errors().has("nama_usaha")).isFalse();
      assertThat(checked.errors().has("alamat_usaha")).isFalse();
      assertThat(checked.answers()).doesNotContainKeys("nama_usaha", "alamat_usaha");
    }
    assertThat(form.fields().stream().map(FormField::key)).containsAll(checked.answers().keySet());
    checked
        .answers()
        .values()
        .forEach(v -> assertThat(v).isNotEmpty().allSatisfy(a -> assertThat(a).isNotBlank()));
  }

  @Property
  void textWithATagIsAlwaysRefused(
      @ForAll @StringLength(max = 30) String before, @ForAll("tags") String tag) {
    FormDefinition form =
        new FormDefinition(OFFICE, UUID.randomUUID(), List.of(field("nama", FieldType.TEXT)));
    FormAnswers.Checked checked = check(form, "nama", "x" + before + tag);
    assertThat(checked.errors().has("nama")).isTrue();
  }

  @Property
  void anOptionalQuestionLeftEmptyIsFine(
      @ForAll("types") FieldType type, @ForAll @IntRange(max = 3) int blanks) {
    FormDefinition form =
        new FormDefinition(
            OFFICE, UUID.randomUUID(), List.of(field("isian", type, false, null, PURPOSES, null)));
    FormAnswers.Checked checked =
        answers.check(form, Map.of("isian", java.util.Collections.nCopies(blanks, " ")));
    assertThat(checked.ok()).isTrue();
    assertThat(checked.answers()).isEmpty();
  }

  @Provide
  Arbitrary<FieldType> types() {
    return Arbitraries.of(FieldType.class);
  }

  @Provide
  Arbitrary<String> tags() {
    return Arbitraries.of(
        "<script>", "<img src=x>", "</b>", "<!doctype html>", "< a href=x>", "<svg/onload=1>");
  }

  @Provide
  Arbitrary<Map<String, List<String>>> anyAnswers() {
    Arbitrary<String> keys =
        Arbitraries.of("keperluan", "nama_usaha", "alamat_usaha", "catatan", "lain");
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.of("usaha", "pribadi", "", " ", "<script>"),
            Arbitraries.strings().ofMaxLength(40));
    return Arbitraries.maps(keys, values.list().ofMaxSize(3));
  }
}
