package id.go.kecamatan.counter.web;

import id.go.kecamatan.counter.Priority;
import id.go.kecamatan.counter.QueueSettings;
import id.go.kecamatan.counter.ServiceGroup;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.counter.TicketSource;
import id.go.kecamatan.counter.Tickets;
import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.shared.web.FieldErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Checks a ticket form of the kiosk or the front office: the group must be one of the office's, the
 * priority one of the groups of {@link Priority#CHOSEN}; lansia at the kiosk needs a NIK whose
 * birth date shows the set age (a NIK showing it makes any ticket lansia); contact details are
 * plain and well-formed.
 */
@Component
class TicketForms {

  /** The checked form: the errors, or what to issue. */
  record Checked(
      FieldErrors errors,
      UUID officeId,
      UUID groupId,
      Priority priority,
      String name,
      String phone,
      String email) {

    Tickets.Request request(TicketSource source) {
      return Tickets.Request.walkIn(officeId, groupId, source, priority, name, phone, email);
    }
  }

  private final ServiceGroups groups;
  private final QueueSettings settings;
  private final IdentityNumbers identityNumbers;
  private final Clock clock;

  TicketForms(
      ServiceGroups groups, QueueSettings settings, IdentityNumbers identityNumbers, Clock clock) {
    this.groups = groups;
    this.settings = settings;
    this.identityNumbers = identityNumbers;
    this.clock = clock;
  }

  Checked check(UUID officeId, TicketForm form, boolean kiosk) {
    FieldErrors errors = new FieldErrors();
    UUID groupId =
        groups.of(officeId).stream()
            .map(ServiceGroup::id)
            .filter(id -> id.toString().equals(form.group()))
            .findFirst()
            .orElse(null);
    if (groupId == null) {
      errors.reject("group", "counter.error.group");
    }
    String rawPriority = form.priority() == null ? "" : form.priority().strip();
    Priority priority =
        Priority.CHOSEN.stream().filter(p -> p.name().equals(rawPriority)).findFirst().orElse(null);
    if (!rawPriority.isEmpty() && priority == null) {
      errors.reject("priority", "counter.error.priority");
    }
    String nik = form.nik() == null ? "" : IdentityNumbers.normalise(form.nik());
    if (!nik.isEmpty()) {
      if (nik.length() > 40 || !identityNumbers.checkNik(nik, null, null).isEmpty()) {
        errors.reject("nik", "counter.error.nik");
      } else {
        LocalDate born = identityNumbers.decodeNik(nik).birthDate();
        int age = Period.between(born, LocalDate.now(clock)).getYears();
        int lansia = settings.of(officeId).lansiaAge();
        if (age >= lansia && (priority == null || priority == Priority.LANSIA)) {
          priority = Priority.LANSIA;
        } else if (priority == Priority.LANSIA) {
          errors.reject("nik", "counter.error.notLansia", lansia);
        }
      }
    } else if (kiosk && priority == Priority.LANSIA) {
      errors.reject("nik", "counter.error.nikForLansia");
    }
    String name = FieldErrors.clean(form.name());
    errors.optionalText("name", name, 120);
    String phone = FieldErrors.clean(form.phone());
    if (phone != null && phone.length() > 30) {
      errors.reject("phone", "error.tooLong", 30);
    } else {
      errors.phone("phone", phone);
    }
    String email = FieldErrors.clean(form.email());
    errors.email("email", email);
    return new Checked(errors, officeId, groupId, priority, name, phone, email);
  }
}
