package id.go.kecamatan.catalog;

import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.office.IdentityProblem;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.Localizable;
import id.go.kecamatan.shared.web.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks the answers (isian) to a service's application form, for the resident's own application,
 * the counter's assisted one, the API and the administrator's preview alike.
 *
 * <p>Questions whose condition is not met are not asked: their answers are dropped and they are
 * never in error. Answers to unknown keys are dropped too. Errors are keyed by the question's key,
 * with message keys of the {@code messages/forms} bundle (Indonesian, English beside it).
 */
@Component
public class FormAnswers {

  /**
   * Regular-expression steps allowed per answer: an administrator's pattern cannot stall a request.
   */
  static final int PATTERN_BUDGET = 200_000;

  private final Function<String, List<IdentityProblem>> nikCheck;
  private final Function<String, List<IdentityProblem>> kkCheck;
  private final BiPredicate<UUID, UUID> villageOfOffice;
  private final Clock clock;

  @Autowired
  FormAnswers(IdentityNumbers identityNumbers, Offices offices, Clock clock) {
    this(
        nik -> identityNumbers.checkNik(nik, null, null),
        identityNumbers::checkKk,
        (office, village) -> offices.village(office, village).isPresent(),
        clock);
  }

  FormAnswers(
      Function<String, List<IdentityProblem>> nikCheck,
      Function<String, List<IdentityProblem>> kkCheck,
      BiPredicate<UUID, UUID> villageOfOffice,
      Clock clock) {
    this.nikCheck = nikCheck;
    this.kkCheck = kkCheck;
    this.villageOfOffice = villageOfOffice;
    this.clock = clock;
  }

  /**
   * The outcome of a check.
   *
   * @param answers the answers of the questions asked, trimmed, blanks removed, in form order
   */
  public record Checked(FieldErrors errors, Map<String, List<String>> answers) {
    public boolean ok() {
      return !errors.any();
    }
  }

  /** Checks the submitted answers against the form; {@code submitted} may hold anything. */
  public Checked check(FormDefinition form, Map<String, List<String>> submitted) {
    FieldErrors errors = new FieldErrors();
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      if (!asked(field, kept)) {
        continue;
      }
      List<String> values =
          clean(submitted == null ? null : submitted.get(field.key()), field.type());
      check(form.officeId(), field, values, errors);
      if (!values.isEmpty()) {
        kept.put(field.key(), List.copyOf(values));
      }
    }
    return new Checked(errors, kept);
  }

  /** Whether a question is asked, given the answers kept so far (of the questions before it). */
  static boolean asked(FormField field, Map<String, List<String>> kept) {
    FormField.Condition condition = field.condition();
    return condition == null
        || kept.getOrDefault(condition.key(), List.of()).contains(condition.value());
  }

  private static List<String> clean(List<String> raw, FieldType type) {
    if (raw == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (String value : raw) {
      String v = value == null ? "" : Texts.normalise(value);
      if (type == FieldType.NIK || type == FieldType.KK) {
        v = IdentityNumbers.normalise(v);
      }
      if (!v.isEmpty()) {
        values.add(v);
      }
    }
    return type == FieldType.MULTIPLE_CHOICE
        ? new ArrayList<>(new LinkedHashSet<>(values))
        : values;
  }

  private void check(UUID officeId, FormField field, List<String> values, FieldErrors errors) {
    String key = field.key();
    if (values.isEmpty()) {
      if (field.required()) {
        errors.reject(
            key,
            switch (field.type()) {
              case CHOICE, YES_NO, VILLAGE -> "forms.answer.choose";
              case MULTIPLE_CHOICE -> "forms.answer.chooseSome";
              default -> "error.required";
            });
      }
      return;
    }
    if (field.type() != FieldType.MULTIPLE_CHOICE && values.size() > 1) {
      errors.reject(key, "forms.answer.single");
      return;
    }
    String value = values.get(0);
    FormField.Limits limits = field.limits();
    switch (field.type()) {
      case TEXT, LONG_TEXT, ADDRESS -> {
        int max = limits.maxLength() == null ? field.type().defaultMaxLength() : limits.maxLength();
        errors.optionalText(key, value, max);
        if (!errors.has(key) && limits.minLength() != null && value.length() < limits.minLength()) {
          errors.reject(key, "forms.answer.tooShort", limits.minLength());
        }
        if (!errors.has(key) && limits.pattern() != null && !matches(limits.pattern(), value)) {
          errors.reject(
              key,
              "forms.answer.pattern",
              message(limits.patternMessageId(), limits.patternMessageEn()));
        }
      }
      case NUMBER -> {
        if (!value.matches("-?\\d{1,15}")) {
          errors.reject(key, "forms.answer.number");
        } else {
          long number = Long.parseLong(value);
          if (limits.minNumber() != null && number < limits.minNumber()) {
            errors.reject(key, "forms.answer.numberMin", limits.minNumber());
          } else if (limits.maxNumber() != null && number > limits.maxNumber()) {
            errors.reject(key, "forms.answer.numberMax", limits.maxNumber());
          }
        }
      }
      case DATE -> checkDate(key, value, limits, errors);
      case CHOICE, MULTIPLE_CHOICE -> {
        if (values.stream().anyMatch(v -> field.option(v).isEmpty())) {
          errors.reject(key, "forms.answer.option");
        }
      }
      case YES_NO -> {
        if (!FieldType.YES.equals(value) && !FieldType.NO.equals(value)) {
          errors.reject(key, "forms.answer.option");
        }
      }
      case NIK ->
          nikCheck.apply(value).stream()
              .findFirst()
              .ifPresent(p -> errors.reject(key, "forms.answer.nik", p));
      case KK ->
          kkCheck.apply(value).stream()
              .findFirst()
              .ifPresent(p -> errors.reject(key, "forms.answer.kk", p));
      case PHONE -> {
        errors.optionalText(key, value, 30);
        errors.phone(key, value);
      }
      case EMAIL -> errors.email(key, value);
      case VILLAGE -> {
        UUID village = uuid(value);
        if (village == null || !villageOfOffice.test(officeId, village)) {
          errors.reject(key, "forms.answer.village");
        }
      }
    }
  }

  private void checkDate(String key, String value, FormField.Limits limits, FieldErrors errors) {
    LocalDate date;
    try {
      date = value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : null;
    } catch (DateTimeParseException e) {
      date = null;
    }
    if (date == null) {
      errors.reject(key, "forms.answer.date");
      return;
    }
    LocalDate today = LocalDate.now(clock);
    if (limits.minDays() != null && date.isBefore(today.plusDays(limits.minDays()))) {
      if (limits.minDays() == 0) {
        errors.reject(key, "forms.answer.notPast");
      } else {
        errors.reject(key, "forms.answer.dateMin", date(today.plusDays(limits.minDays())));
      }
    } else if (limits.maxDays() != null && date.isAfter(today.plusDays(limits.maxDays()))) {
      if (limits.maxDays() == 0) {
        errors.reject(key, "forms.answer.notFuture");
      } else {
        errors.reject(key, "forms.answer.dateMax", date(today.plusDays(limits.maxDays())));
      }
    }
  }

  /** Whether the whole answer matches; false as well when the pattern takes too many steps. */
  static boolean matches(String pattern, String value) {
    try {
      return Pattern.compile(pattern)
          .matcher(new BudgetedChars(value, new int[] {PATTERN_BUDGET}))
          .matches();
    } catch (PatternSyntaxException | BudgetedChars.Exhausted e) {
      return false;
    }
  }

  private static Localizable message(String id, String en) {
    return locale -> "en".equals(locale.getLanguage()) && en != null ? en : id;
  }

  private static Localizable date(LocalDate date) {
    return locale -> Formats.longDate(date, locale);
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Text that counts each character read and gives up once the budget is spent. */
  private record BudgetedChars(String text, int[] budget) implements CharSequence {

    static final class Exhausted extends RuntimeException {
      Exhausted() {
        super("pattern budget exhausted", null, false, false);
      }
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (--budget[0] < 0) {
        throw new Exhausted();
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BudgetedChars(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
