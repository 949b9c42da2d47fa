package id.go.kecamatan.application;

import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.office.IdentityProblem;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Sex;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The checks of the identity a resident declares ({@link ApplicantForm}), the same for a submission
 * ({@link Applications}) and for every save of a draft's identity step ({@link Drafts}). Field
 * error keys are those of {@link FieldErrors} and {@code application.error.*} of {@code
 * messages/application}, on the form's field names.
 */
@Component
class ApplicantChecks {

  /** The identity's fields in the order the forms show them (the error summary's order). */
  static final List<String> FIELDS =
      List.of(
          "nik",
          "name",
          "birthPlace",
          "birthDate",
          "sex",
          "villageId",
          "address",
          "phone",
          "email",
          "preferredChannel");

  private final Offices offices;
  private final IdentityNumbers identityNumbers;
  private final Clock clock;

  ApplicantChecks(Offices offices, IdentityNumbers identityNumbers, Clock clock) {
    this.offices = offices;
    this.identityNumbers = identityNumbers;
    this.clock = clock;
  }

  /**
   * Checks the identity a resident declared: text limits, NIK against the birth date, sex and
   * region, a village of the office; on the online channel a phone number is required.
   */
  Outcome<Applicant> check(UUID officeId, Channel channel, ApplicantForm form) {
    FieldErrors errors = new FieldErrors();
    Applicant applicant = check(officeId, channel, form, errors);
    return applicant == null ? Outcome.failed(errors) : Outcome.done(applicant);
  }

  /**
   * Checks the identity like {@link #check(UUID, Channel, ApplicantForm)}, adding its errors to
   * {@code errors}.
   *
   * @return null when {@code errors} holds any error afterwards, one it held before included
   */
  Applicant check(UUID officeId, Channel channel, ApplicantForm c, FieldErrors errors) {
    String name = FieldErrors.clean(c.name());
    String birthPlace = FieldErrors.clean(c.birthPlace());
    String address = FieldErrors.clean(c.address());
    String phone = FieldErrors.clean(c.phone());
    String email = FieldErrors.clean(c.email());
    errors.text("name", name, 100);
    errors.text("birthPlace", birthPlace, 100);
    errors.text("address", address, 300);
    if (channel == Channel.ONLINE && phone == null) {
      errors.reject("phone", "application.error.phoneRequired");
    } else {
      errors.optionalText("phone", phone, 20);
      if (!errors.has("phone")) {
        errors.phone("phone", phone);
      }
    }
    errors.email("email", email);
    PreferredChannel preferred = preferredChannel(c.preferredChannel(), phone, email, errors);

    LocalDate birthDate = null;
    String rawDate = FieldErrors.clean(c.birthDate());
    if (rawDate == null) {
      errors.reject("birthDate", "error.required");
    } else {
      try {
        birthDate = LocalDate.parse(rawDate);
        if (birthDate.isAfter(LocalDate.now(clock))) {
          errors.reject("birthDate", "application.error.birthDateFuture");
          birthDate = null;
        } else if (birthDate.getYear() < 1900) {
          // also keeps far-BC years that LocalDate parses away from the database's date range
          errors.reject("birthDate", "application.error.birthDatePast");
          birthDate = null;
        }
      } catch (DateTimeParseException e) {
        errors.reject("birthDate", "application.error.date");
      }
    }
    Sex sex = null;
    String rawSex = FieldErrors.clean(c.sex());
    if (rawSex == null) {
      errors.reject("sex", "error.required");
    } else {
      try {
        sex = Sex.valueOf(rawSex);
      } catch (IllegalArgumentException e) {
        errors.reject("sex", "application.error.sex");
      }
    }
    UUID villageId = null;
    String rawVillage = FieldErrors.clean(c.villageId());
    if (rawVillage == null) {
      errors.reject("villageId", "error.required");
    } else {
      try {
        villageId = UUID.fromString(rawVillage);
      } catch (IllegalArgumentException e) {
        // a village's published code (35.16.16.2009) names it as well as its id
        villageId = offices.villageByCode(officeId, rawVillage).map(Village::id).orElse(null);
      }
      if (villageId == null || offices.village(officeId, villageId).isEmpty()) {
        errors.reject("villageId", "application.error.village");
        villageId = null;
      }
    }
    String nik = c.nik() == null ? null : IdentityNumbers.normalise(c.nik());
    List<IdentityProblem> problems = identityNumbers.checkNik(nik, birthDate, sex);
    if (!problems.isEmpty()) {
      errors.reject("nik", "application.error.nik", problems.get(0));
    }
    errors.inOrderOf(FIELDS);
    if (errors.any()) {
      return null;
    }
    return new Applicant(
        nik, name, birthPlace, birthDate, sex, villageId, address, phone, email, preferred);
  }

  /**
   * The channel the resident chose, if they gave its contact; the default (WhatsApp with a phone,
   * else e-mail) when they chose none.
   */
  private static PreferredChannel preferredChannel(
      String raw, String phone, String email, FieldErrors errors) {
    String chosen = FieldErrors.clean(raw);
    if (chosen == null) {
      return PreferredChannel.byDefault(phone, email).orElse(null);
    }
    PreferredChannel channel = PreferredChannel.parse(chosen).orElse(null);
    if (channel == null) {
      errors.reject("preferredChannel", "application.error.preferredChannel");
    } else if (!channel.reaches(phone, email)) {
      errors.reject(
          "preferredChannel",
          channel == PreferredChannel.EMAIL
              ? "application.error.preferredChannelEmail"
              : "application.error.preferredChannelPhone");
    }
    return channel;
  }
}
