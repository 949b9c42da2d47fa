package id.go.kecamatan.surveys;

import id.go.kecamatan.shared.web.FieldErrors;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One respondent's answers as given: a score 1-4 for each of the nine elements (all required), the
 * optional profile, the service received (one of the office's, optional) and saran/kritik (plain
 * text, at most {@value #MAX_SUGGESTION} characters). Built from a form by {@link #read}, which
 * checks everything before anything is stored.
 */
public record Answers(
    Map<Element, Integer> scores, Profile profile, UUID serviceId, String suggestion) {

  public static final int MAX_SUGGESTION = 2000;

  /** Form field names of the profile and the free text. */
  public static final String SEX = "jenisKelamin";

  public static final String AGE = "usia";
  public static final String EDUCATION = "pendidikan";
  public static final String OCCUPATION = "pekerjaan";
  public static final String TIME_BAND = "jamLayanan";
  public static final String SERVICE = "layanan";
  public static final String SUGGESTION = "saran";
  public static final String DATE = "tanggal";

  public Answers {
    scores = Map.copyOf(scores);
    if (scores.size() != Element.values().length) {
      throw new IllegalArgumentException("every element needs a score");
    }
    scores.values().forEach(Answers::checkScore);
  }

  /** An answer of 1 or 2 to the handling of complaints, or an index below C's floor. */
  public boolean low() {
    if (scores.get(Element.PENGADUAN) <= 2) {
      return true;
    }
    return Ikm.of(Tally.of(scores)).orElseThrow().grade() == Grade.D;
  }

  /** The form's values read and checked; the errors name each wrong field. */
  public static Optional<Answers> read(
      Map<String, String> form, java.util.Set<UUID> services, FieldErrors errors) {
    Map<Element, Integer> scores = new EnumMap<>(Element.class);
    for (Element element : Instrument.CURRENT.elements()) {
      String value = form.get(element.key());
      if (value == null || value.isBlank()) {
        errors.reject(element.key(), "surveys.error.score");
      } else if (!value.trim().matches("[1-4]")) {
        errors.reject(element.key(), "surveys.error.scoreRange");
      } else {
        scores.put(element, Integer.parseInt(value.trim()));
      }
    }
    Profile profile =
        new Profile(
            choice(Profile.Sex.class, form, SEX, errors),
            choice(Profile.AgeBand.class, form, AGE, errors),
            choice(Profile.Education.class, form, EDUCATION, errors),
            choice(Profile.Occupation.class, form, OCCUPATION, errors),
            choice(Profile.TimeBand.class, form, TIME_BAND, errors));
    UUID serviceId = null;
    String service = form.get(SERVICE);
    if (service != null && !service.isBlank()) {
      try {
        serviceId = UUID.fromString(service.trim());
      } catch (IllegalArgumentException e) {
        serviceId = null;
      }
      if (serviceId == null || !services.contains(serviceId)) {
        errors.reject(SERVICE, "surveys.error.choice");
        serviceId = null;
      }
    }
    String suggestion = FieldErrors.clean(form.get(SUGGESTION));
    errors.optionalText(SUGGESTION, suggestion, MAX_SUGGESTION);
    if (errors.any()) {
      return Optional.empty();
    }
    return Optional.of(new Answers(scores, profile, serviceId, suggestion));
  }

  /** The date a paper form was filled in: required, not in the future, within a year. */
  public static Optional<LocalDate> readDate(
      Map<String, String> form, LocalDate today, FieldErrors errors) {
    String value = form.get(DATE);
    if (value == null || value.isBlank()) {
      errors.reject(DATE, "error.required");
      return Optional.empty();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (java.time.format.DateTimeParseException e) {
      errors.reject(DATE, "surveys.error.date");
      return Optional.empty();
    }
    if (date.isAfter(today) || date.isBefore(today.minusYears(1))) {
      errors.reject(DATE, "surveys.error.dateRange");
      return Optional.empty();
    }
    return Optional.of(date);
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, Map<String, String> form, String field, FieldErrors errors) {
    String value = form.get(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    Optional<E> parsed = Profile.parse(type, value.trim());
    if (parsed.isEmpty()) {
      errors.reject(field, "surveys.error.choice");
    }
    return parsed.orElse(null);
  }

  private static void checkScore(int score) {
    if (score < Element.MIN_SCORE || score > Element.MAX_SCORE) {
      throw new IllegalArgumentException("score " + score);
    }
  }
}
