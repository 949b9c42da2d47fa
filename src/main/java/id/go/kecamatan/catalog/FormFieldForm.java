package id.go.kecamatan.catalog;

import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * A question of an application form as edited by the office administrator; every field as typed.
 * Options are one per line: {@code value|Label Indonesia|English label}.
 */
public record FormFieldForm(
    String key,
    String type,
    String labelId,
    String labelEn,
    String helpId,
    String helpEn,
    boolean required,
    String minLength,
    String maxLength,
    String minNumber,
    String maxNumber,
    String pattern,
    String patternMessageId,
    String patternMessageEn,
    String minDays,
    String maxDays,
    String options,
    String conditionKey,
    String conditionValue,
    Integer version) {

  static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
  static final int MAX_OPTIONS = 50;

  /** Keys that would clash with the page the form is shown on. */
  static final Set<String> RESERVED = Set.of("main", "version", "lang");

  public static FormFieldForm blank() {
    return new FormFieldForm(
        "", "TEXT", "", "", "", "", true, "", "", "", "", "", "", "", "", "", "", "", "", null);
  }

  public static FormFieldForm of(FormField f) {
    FormField.Limits l = f.limits();
    return new FormFieldForm(
        f.key(),
        f.type().name(),
        f.labelId(),
        f.labelEn(),
        orEmpty(f.helpId()),
        orEmpty(f.helpEn()),
        f.required(),
        text(l.minLength()),
        text(l.maxLength()),
        text(l.minNumber()),
        text(l.maxNumber()),
        orEmpty(l.pattern()),
        orEmpty(l.patternMessageId()),
        orEmpty(l.patternMessageEn()),
        text(l.minDays()),
        text(l.maxDays()),
        f.options().stream()
            .map(o -> o.value() + "|" + o.labelId() + "|" + o.labelEn())
            .collect(Collectors.joining("\n")),
        f.condition() == null ? "" : f.condition().key(),
        f.condition() == null ? "" : f.condition().value(),
        f.version());
  }

  /** The type, or null when it is not one of {@link FieldType}. */
  public FieldType fieldType() {
    try {
      return type == null ? null : FieldType.valueOf(type);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Checks the question on its own; its place among the other questions (unique key, condition on
   * an earlier question) is checked by {@link FormFields}.
   */
  FieldErrors validate() {
    FieldErrors errors = new FieldErrors();
    errors.text("key", key, 40);
    if (!errors.has("key") && !KEY.matcher(key.strip()).matches()) {
      errors.reject("key", "forms.error.key");
    }
    if (!errors.has("key") && RESERVED.contains(key.strip())) {
      errors.reject("key", "forms.error.keyReserved");
    }
    FieldType fieldType = fieldType();
    if (fieldType == null) {
      errors.reject("type", "forms.error.type");
    }
    errors.text("labelId", labelId, 200);
    errors.text("labelEn", labelEn, 200);
    errors.optionalText("helpId", helpId, 500);
    errors.optionalText("helpEn", helpEn, 500);
    Integer minLen = errors.integer("minLength", minLength, 0, 10_000, false);
    Integer maxLen = errors.integer("maxLength", maxLength, 1, 10_000, false);
    if (minLen != null && maxLen != null && minLen > maxLen) {
      errors.reject("maxLength", "forms.error.minAboveMax");
    }
    Long minNum = number(errors, "minNumber", minNumber);
    Long maxNum = number(errors, "maxNumber", maxNumber);
    if (minNum != null && maxNum != null && minNum > maxNum) {
      errors.reject("maxNumber", "forms.error.minAboveMax");
    }
    Integer minD = errors.integer("minDays", minDays, -36_500, 36_500, false);
    Integer maxD = errors.integer("maxDays", maxDays, -36_500, 36_500, false);
    if (minD != null && maxD != null && minD > maxD) {
      errors.reject("maxDays", "forms.error.minAboveMax");
    }
    String regex = FieldErrors.clean(pattern);
    if (regex != null) {
      errors.optionalText("pattern", regex, 200);
      if (!errors.has("pattern")) {
        try {
          Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
          errors.reject("pattern", "forms.error.pattern");
        }
      }
      errors.text("patternMessageId", patternMessageId, 200);
      errors.text("patternMessageEn", patternMessageEn, 200);
    } else {
      errors.optionalText("patternMessageId", patternMessageId, 200);
      errors.optionalText("patternMessageEn", patternMessageEn, 200);
    }
    if (fieldType != null && fieldType.hasOptions()) {
      errors.text("options", options, 8000);
      if (!errors.has("options")) {
        checkOptions(errors);
      }
    }
    if (FieldErrors.clean(conditionKey) != null) {
      errors.text("conditionValue", conditionValue, 100);
    }
    return errors;
  }

  private void checkOptions(FieldErrors errors) {
    List<String> lines = Texts.lines(options);
    if (lines.size() < 2) {
      errors.reject("options", "forms.error.optionsTooFew");
      return;
    }
    if (lines.size() > MAX_OPTIONS) {
      errors.reject("options", "forms.error.optionsTooMany", MAX_OPTIONS);
      return;
    }
    Set<String> values = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = lines.get(i).split("\\|", -1);
      if (parts.length != 3
          || parts[1].isBlank()
          || parts[2].isBlank()
          || parts[1].strip().length() > 200
          || parts[2].strip().length() > 200) {
        errors.reject("options", "forms.error.optionLine", i + 1);
        return;
      }
      if (!VALUE.matcher(parts[0].strip()).matches()) {
        errors.reject("options", "forms.error.optionValue", i + 1);
        return;
      }
      if (!values.add(parts[0].strip())) {
        errors.reject("options", "forms.error.optionDuplicate", parts[0].strip());
        return;
      }
    }
  }

  /** The options as typed; call only after {@link #validate()} found none wrong. */
  List<FormField.Option> parsedOptions() {
    FieldType t = fieldType();
    if (t == null || !t.hasOptions()) {
      return List.of();
    }
    List<FormField.Option> list = new ArrayList<>();
    for (String line : Texts.lines(options)) {
      String[] parts = line.split("\\|", -1);
      list.add(new FormField.Option(parts[0].strip(), parts[1].strip(), parts[2].strip()));
    }
    return list;
  }

  /** The limits as typed; call only after {@link #validate()} found none wrong. */
  FormField.Limits parsedLimits() {
    String regex = FieldErrors.clean(pattern);
    return new FormField.Limits(
        integer(minLength),
        integer(maxLength),
        longValue(minNumber),
        longValue(maxNumber),
        regex,
        regex == null ? null : FieldErrors.clean(patternMessageId),
        regex == null ? null : FieldErrors.clean(patternMessageEn),
        integer(minDays),
        integer(maxDays));
  }

  FormField.Condition parsedCondition() {
    String source = FieldErrors.clean(conditionKey);
    return source == null ? null : new FormField.Condition(source, conditionValue.strip());
  }

  private static Long number(FieldErrors errors, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!value.strip().matches("-?\\d{1,15}")) {
      errors.reject(field, "error.number");
      return null;
    }
    return Long.parseLong(value.strip());
  }

  private static Integer integer(String value) {
    return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
  }

  private static Long longValue(String value) {
    return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
