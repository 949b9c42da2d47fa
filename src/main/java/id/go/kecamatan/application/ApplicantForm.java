package id.go.kecamatan.application;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The applicant's identity as typed, nothing in it trusted: {@code birthDate} is {@code
 * yyyy-MM-dd}, {@code sex} {@code MALE} or {@code FEMALE}, {@code villageId} the id of a village of
 * the office, {@code preferredChannel} {@code WHATSAPP}, {@code SMS}, {@code EMAIL} or empty for
 * the default. {@link ApplicantChecks#check} turns it into an {@link Applicant}.
 */
public record ApplicantForm(
    String nik,
    String name,
    String birthPlace,
    String birthDate,
    String sex,
    String villageId,
    String address,
    String phone,
    String email,
    String preferredChannel)
    implements Serializable {

  /** The message key of each field's label, so the error summary names the field. */
  public static final Map<String, String> LABEL_KEYS =
      Map.of(
          "nik", "apply.field.nik",
          "name", "apply.field.name",
          "birthPlace", "apply.field.birthPlace",
          "birthDate", "apply.field.birthDate",
          "sex", "apply.field.sex",
          "villageId", "apply.field.village",
          "address", "apply.field.address",
          "phone", "apply.field.phone",
          "email", "apply.field.email",
          "preferredChannel", "apply.field.preferredChannel");

  /**
   * The identity as a form sends it, read by field name ({@code nik}, {@code name}, {@code
   * birthPlace}, {@code birthDate}, {@code sex}, {@code villageId}, {@code address}, {@code phone},
   * {@code email}, {@code preferredChannel}), for example with {@code request::getParameter}.
   */
  public static ApplicantForm from(Function<String, String> field) {
    return new ApplicantForm(
        field.apply("nik"),
        field.apply("name"),
        field.apply("birthPlace"),
        field.apply("birthDate"),
        field.apply("sex"),
        field.apply("villageId"),
        field.apply("address"),
        field.apply("phone"),
        field.apply("email"),
        field.apply("preferredChannel"));
  }

  /**
   * The channel the messages would use as typed: the one chosen, else the default for the contacts
   * given; empty with neither.
   */
  public Optional<PreferredChannel> channel() {
    return PreferredChannel.parse(preferredChannel)
        .or(() -> PreferredChannel.byDefault(phone, email));
  }

  /** The same form with {@code change} applied to each field (null stays null). */
  public ApplicantForm map(UnaryOperator<String> change) {
    return new ApplicantForm(
        map(nik, change),
        map(name, change),
        map(birthPlace, change),
        map(birthDate, change),
        map(sex, change),
        map(villageId, change),
        map(address, change),
        map(phone, change),
        map(email, change),
        map(preferredChannel, change));
  }

  private static String map(String value, UnaryOperator<String> change) {
    return value == null ? null : change.apply(value);
  }

  /** A form with nothing filled in. */
  public static ApplicantForm empty() {
    return new ApplicantForm(null, null, null, null, null, null, null, null, null, null);
  }
}
