package id.go.kecamatan.appointments;

import id.go.kecamatan.appointments.Bookings.Booking;
import id.go.kecamatan.appointments.Bookings.Form;
import id.go.kecamatan.appointments.Bookings.Person;
import id.go.kecamatan.appointments.Bookings.PersonForm;
import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.LongDate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks what a resident or an officer types for {@link Bookings}: a booking form, online or at the
 * front office (a day and slot the type offers, the persons, each NIK valid and once and for an
 * e-KTP old enough or married by the day, the family card of an e-KTP booking, a well-formed
 * contact, required online), and the new slot of a booking moved. Seats are not looked at: {@link
 * Bookings} takes them.
 */
@Component
class BookingForms {

  private final OpeningHours hours;
  private final IdentityNumbers identities;
  private final Clock clock;

  BookingForms(OpeningHours hours, IdentityNumbers identities, Clock clock) {
    this.hours = hours;
    this.identities = identities;
    this.clock = clock;
  }

  /** A booking form checked: what to insert. */
  record Checked(
      LocalDate day,
      LocalTime start,
      List<Person> persons,
      String kk,
      String phone,
      String email) {}

  /** The slot a booking is to move to, checked. */
  record NewSlot(LocalDate day, LocalTime start) {}

  /**
   * Checks the slot typed to move a booking to: the booking still booked, a day and slot its type
   * offers, not the slot it has; null, with the reason in {@code errors}, when not.
   */
  NewSlot checkMove(
      Booking booking, AppointmentType type, String rawDay, String rawStart, FieldErrors errors) {
    LocalDate today = LocalDate.now(clock);
    LocalDate day;
    LocalTime start;
    try {
      day = rawDay == null || rawDay.length() > 10 ? null : LocalDate.parse(rawDay);
      start = rawStart == null || rawStart.length() > 5 ? null : LocalTime.parse(rawStart);
    } catch (DateTimeParseException e) {
      day = null;
      start = null;
    }
    if (!booking.booked()) {
      errors.reject("start", "appointments.error.notBooked");
      return null;
    }
    if (day == null || !days(type, today).contains(day)) {
      errors.reject("day", "appointments.error.day");
      return null;
    }
    if (start == null
        || !SlotPlan.starts(hours.on(type.officeId(), day), type.slotMinutes()).contains(start)) {
      errors.reject("start", "appointments.error.start");
      return null;
    }
    if (day.equals(booking.day()) && start.equals(booking.start())) {
      errors.reject("start", "appointments.error.sameSlot");
      return null;
    }
    return new NewSlot(day, start);
  }

  /**
   * The days a type can be booked: from the next day the office is open up to {@code daysAhead}
   * days from today, only days with opening hours (no weekend, holiday or closure).
   */
  List<LocalDate> days(AppointmentType type, LocalDate today) {
    List<LocalDate> days = new ArrayList<>();
    for (int i = 1; i <= type.daysAhead(); i++) {
      LocalDate day = today.plusDays(i);
      if (!hours.on(type.officeId(), day).isEmpty()) {
        days.add(day);
      }
    }
    return days;
  }

  /** Checks a booking form; what to insert, the reasons it cannot be in {@code errors}. */
  Checked check(
      Office office, AppointmentType type, Form form, boolean contactRequired, FieldErrors errors) {
    LocalDate today = LocalDate.now(clock);
    LocalDate day = null;
    try {
      day = form.day() == null || form.day().length() > 10 ? null : LocalDate.parse(form.day());
    } catch (DateTimeParseException e) {
      day = null;
    }
    LocalTime start = null;
    if (day == null || !days(type, today).contains(day)) {
      errors.reject("day", "appointments.error.day");
    } else {
      try {
        start =
            form.start() == null || form.start().length() > 5
                ? null
                : LocalTime.parse(form.start());
      } catch (DateTimeParseException e) {
        start = null;
      }
      if (start == null
          || !SlotPlan.starts(hours.on(office.id(), day), type.slotMinutes()).contains(start)) {
        errors.reject("start", "appointments.error.start");
      }
    }
    List<Person> persons = persons(type, form, day == null ? today : day, errors);
    String kk = null;
    if (type.kind() == AppointmentType.Kind.KTP) {
      String rawKk = FieldErrors.clean(form.kk());
      if (rawKk == null) {
        errors.reject("kk", "error.required");
      } else if (rawKk.length() > 30
          || !identities.checkKk(IdentityNumbers.normalise(rawKk)).isEmpty()) {
        errors.reject("kk", "appointments.error.kk");
      } else {
        kk = IdentityNumbers.normalise(rawKk);
      }
    }
    String phone = FieldErrors.clean(form.phone());
    errors.optionalText("phone", phone, 20);
    if (!errors.has("phone")) {
      errors.phone("phone", phone);
    }
    String email = FieldErrors.clean(form.email());
    errors.email("email", email);
    if (contactRequired
        && phone == null
        && email == null
        && !errors.has("phone")
        && !errors.has("email")) {
      errors.reject("phone", "appointments.error.contact");
    }
    return new Checked(day, start, persons, kk, phone == null ? null : international(phone), email);
  }

  private List<Person> persons(AppointmentType type, Form form, LocalDate day, FieldErrors errors) {
    List<Person> persons = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    // rows left empty are no persons, but the first row is always someone
    List<PersonForm> given = new ArrayList<>();
    List<PersonForm> rows = form.persons() == null ? List.of() : form.persons();
    for (int i = 0; i < rows.size(); i++) {
      PersonForm p = rows.get(i);
      if (i == 0 || !(isBlank(p.nik()) && isBlank(p.name()))) {
        given.add(p == null ? new PersonForm("", "", false) : p);
      }
    }
    if (given.isEmpty()) {
      given.add(new PersonForm("", "", false));
    }
    if (given.size() > type.maxPersons()) {
      errors.reject("persons", "appointments.error.tooManyPersons", type.maxPersons());
      return persons;
    }
    LocalDate today = LocalDate.now(clock);
    for (int i = 0; i < given.size(); i++) {
      PersonForm p = given.get(i);
      String field = "nik" + i;
      String typed = FieldErrors.clean(p.nik());
      String nik = typed == null ? null : IdentityNumbers.normalise(typed);
      if (typed == null) {
        errors.reject(field, "error.required");
      } else if (typed.length() > 30 || !identities.checkNik(nik, null, null).isEmpty()) {
        errors.reject(field, "appointments.error.nik");
        nik = null;
      } else if (!seen.add(nik)) {
        errors.reject(field, "appointments.error.samePerson");
        nik = null;
      }
      String name = FieldErrors.clean(p.name());
      errors.text("name" + i, name, KtpCards.MAX_NAME);
      if (nik != null && type.kind() == AppointmentType.Kind.KTP) {
        LocalDate birth = Eligibility.birthDate(identities.decodeNik(nik).birthDate(), today);
        if (!Eligibility.mayRecordKtp(birth, day, p.married())) {
          errors.reject(
              field,
              "appointments.error.tooYoung",
              name == null ? nik : name,
              new LongDate(birth.plusYears(Eligibility.KTP_AGE)));
        }
      }
      persons.add(new Person(i + 1, nik, name, p.married(), null));
    }
    return persons;
  }

  static String international(String phone) {
    String digits = phone.replaceAll("\\D", "");
    return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
