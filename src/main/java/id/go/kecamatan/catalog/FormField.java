package id.go.kecamatan.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One question (isian) of a service's application form.
 *
 * @param key the name of the answer, snake_case, unique within the service
 * @param condition when present, the question is asked only when an earlier question has the given
 *     answer
 */
public record FormField(
    UUID id,
    UUID serviceId,
    int position,
    String key,
    FieldType type,
    String labelId,
    String labelEn,
    String helpId,
    String helpEn,
    boolean required,
    Limits limits,
    List<Option> options,
    Condition condition,
    int version) {

  public FormField {
    limits = limits == null ? Limits.NONE : limits;
    options = options == null ? List.of() : List.copyOf(options);
  }

  /**
   * Limits of an answer; each one is null when not set.
   *
   * @param minDays the earliest date accepted, in days from today (0: not in the past)
   * @param maxDays the latest date accepted, in days from today (0: not in the future)
   */
  public record Limits(
      Integer minLength,
      Integer maxLength,
      Long minNumber,
      Long maxNumber,
      String pattern,
      String patternMessageId,
      String patternMessageEn,
      Integer minDays,
      Integer maxDays) {

    public static final Limits NONE =
        new Limits(null, null, null, null, null, null, null, null, null);

    public boolean any() {
      return !equals(NONE);
    }
  }

  /** A possible answer of a choice question: the stored value and its labels. */
  public record Option(String value, String labelId, String labelEn) {

    public String label(String lang) {
      return "en".equals(lang) ? labelEn : labelId;
    }
  }

  /**
   * Ask the question only when the earlier question {@code key} has (or includes) {@code value}.
   */
  public record Condition(String key, String value) {}

  public String label(String lang) {
    return "en".equals(lang) ? labelEn : labelId;
  }

  /** The help text in this language; null when there is none. */
  public String help(String lang) {
    return "en".equals(lang) ? helpEn : helpId;
  }

  public Optional<Option> option(String value) {
    return options.stream().filter(o -> o.value().equals(value)).findFirst();
  }
}
