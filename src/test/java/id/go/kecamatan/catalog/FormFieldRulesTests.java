package id.go.kecamatan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.shared.web.FieldErrors;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of a form's questions as the office administrator edits them. */
class FormFieldRulesTests {

  static final FormField.Option PRIBADI = new FormField.Option("pribadi", "Pribadi", "Personal");
  static final FormField.Option USAHA = new FormField.Option("usaha", "Usaha", "Business");

  final FormField purpose =
      new FormField(
          UUID.randomUUID(),
          null,
          1,
          "keperluan",
          FieldType.CHOICE,
          "Keperluan",
          "Purpose",
          null,
          null,
          true,
          null,
          List.of(PRIBADI, USAHA),
          null,
          0);
  final FormField business =
      new FormField(
          UUID.randomUUID(),
          null,
          2,
          "nama_usaha",
          FieldType.TEXT,
          "Nama usaha",
          "Business name",
          null,
          null,
          true,
          null,
          List.of(),
          new FormField.Condition("keperluan", "usaha"),
          0);
  final FormDefinition form =
      new FormDefinition(UUID.randomUUID(), UUID.randomUUID(), List.of(purpose, business));

  static FormFieldForm question(
      String key,
      String type,
      String labelId,
      String options,
      String conditionKey,
      String conditionValue,
      String pattern) {
    return new FormFieldForm(
        key,
        type,
        labelId,
        "Label",
        "",
        "",
        true,
        "",
        "",
        "",
        "",
        pattern,
        pattern.isEmpty() ? "" : "Pesan",
        pattern.isEmpty() ? "" : "Message",
        "",
        "",
        options,
        conditionKey,
        conditionValue,
        null);
  }

  static FormFieldForm text(String key) {
    return question(key, "TEXT", "Pertanyaan", "", "", "", "");
  }

  String error(FormField before, FormFieldForm question, String field) {
    FieldErrors errors = FormFields.check(form, before, question);
    return errors.has(field) ? errors.get(field).key() : null;
  }

  @Test
  void acceptsAGoodQuestion() {
    assertThat(
            FormFields.check(
                    form,
                    null,
                    question(
                        "alamat_usaha", "ADDRESS", "Alamat usaha", "", "keperluan", "usaha", ""))
                .any())
        .isFalse();
  }

  @Test
  void refusesBadKeys() {
    assertThat(error(null, text(""), "key")).isEqualTo("error.required");
    assertThat(error(null, text("Nama Usaha"), "key")).isEqualTo("forms.error.key");
    assertThat(error(null, text("1nama"), "key")).isEqualTo("forms.error.key");
    assertThat(error(null, text("nama__usaha"), "key")).isEqualTo("forms.error.key");
    assertThat(error(null, text("main"), "key")).isEqualTo("forms.error.keyReserved");
    assertThat(error(null, text("nama_usaha"), "key")).isEqualTo("forms.error.keyTaken");
    assertThat(error(business, text("nama_usaha"), "key")).isNull();
  }

  @Test
  void refusesEmptyLabelsAndMarkup() {
    assertThat(error(null, question("a", "TEXT", " ", "", "", "", ""), "labelId"))
        .isEqualTo("error.required");
    assertThat(
            error(
                null,
                question("a", "TEXT", "<script>alert(1)</script>", "", "", "", ""),
                "labelId"))
        .isEqualTo("error.markup");
    assertThat(error(null, question("a", "SLIDER", "Label", "", "", "", ""), "type"))
        .isEqualTo("forms.error.type");
  }

  @Test
  void refusesABrokenPatternOrOneWithoutItsMessage() {
    assertThat(error(null, question("a", "TEXT", "Label", "", "", "", "[0-9"), "pattern"))
        .isEqualTo("forms.error.pattern");
    FormFieldForm noMessage =
        new FormFieldForm(
            "a", "TEXT", "L", "L", "", "", true, "", "", "", "", "[0-9]+", "", "", "", "", "", "",
            "", null);
    assertThat(error(null, noMessage, "patternMessageId")).isEqualTo("error.required");
  }

  @Test
  void choicesNeedOptionsOnePerLine() {
    assertThat(error(null, question("a", "CHOICE", "L", "", "", "", ""), "options"))
        .isEqualTo("error.required");
    assertThat(error(null, question("a", "CHOICE", "L", "satu|Satu|One", "", "", ""), "options"))
        .isEqualTo("forms.error.optionsTooFew");
    assertThat(
            error(
                null,
                question("a", "CHOICE", "L", "satu|Satu|One\ndua|Dua", "", "", ""),
                "options"))
        .isEqualTo("forms.error.optionLine");
    assertThat(
            error(
                null,
                question("a", "MULTIPLE_CHOICE", "L", "satu|Satu|One\nsatu|Dua|Two", "", "", ""),
                "options"))
        .isEqualTo("forms.error.optionDuplicate");
    assertThat(
            error(
                null,
                question("a", "CHOICE", "L", "sa tu|Satu|One\ndua|Dua|Two", "", "", ""),
                "options"))
        .isEqualTo("forms.error.optionValue");
    assertThat(
            error(
                null,
                question("a", "CHOICE", "L", "satu|<b>Satu</b>|One\ndua|Dua|Two", "", "", ""),
                "options"))
        .isEqualTo("error.markup");
    FormFieldForm ok = question("a", "CHOICE", "L", "satu|Satu|One\n\ndua | Dua | Two", "", "", "");
    assertThat(FormFields.check(form, null, ok).any()).isFalse();
    assertThat(ok.parsedOptions())
        .containsExactly(
            new FormField.Option("satu", "Satu", "One"), new FormField.Option("dua", "Dua", "Two"));
  }

  @Test
  void conditionsOnlyOnEarlierQuestionsWithAPossibleAnswer() {
    assertThat(
            error(
                purpose,
                question(
                    "keperluan", "CHOICE", "L", "pribadi|P|P\nusaha|U|B", "nama_usaha", "x", ""),
                "conditionKey"))
        .isEqualTo("forms.error.conditionEarlier");
    assertThat(
            error(
                business,
                question("nama_usaha", "TEXT", "L", "", "nama_usaha", "x", ""),
                "conditionKey"))
        .isEqualTo("forms.error.conditionSelf");
    assertThat(error(null, question("x", "TEXT", "L", "", "tidak_ada", "x", ""), "conditionKey"))
        .isEqualTo("forms.error.conditionEarlier");
    assertThat(
            error(
                null, question("x", "TEXT", "L", "", "keperluan", "lainnya", ""), "conditionValue"))
        .isEqualTo("forms.error.conditionOption");
    assertThat(error(null, question("x", "TEXT", "L", "", "keperluan", "", ""), "conditionValue"))
        .isEqualTo("error.required");
  }

  @Test
  void aKeyOthersDependOnCannotChange() {
    assertThat(
            error(
                purpose,
                question("tujuan", "CHOICE", "L", "pribadi|P|P\nusaha|U|B", "", "", ""),
                "key"))
        .isEqualTo("forms.error.keyInUse");
  }

  @Test
  void limitsMustBeNumbersInOrder() {
    FormFieldForm q =
        new FormFieldForm(
            "a", "NUMBER", "L", "L", "", "", true, "", "", "10", "5", "", "", "", "x", "", "", "",
            "", null);
    FieldErrors errors = FormFields.check(form, null, q);
    assertThat(errors.get("maxNumber").key()).isEqualTo("forms.error.minAboveMax");
    assertThat(errors.get("minDays").key()).isEqualTo("error.number");
  }
}
