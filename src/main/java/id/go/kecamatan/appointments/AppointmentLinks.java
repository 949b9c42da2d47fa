package id.go.kecamatan.appointments;

import id.go.kecamatan.catalog.OfficeAppointments;
import id.go.kecamatan.office.Office;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The link the public site shows to the office's booking page: on the office page and on the page
 * of a service offered at the counter, when the office has an active bookable type. A type is not
 * tied to a service of the catalogue (it is the e-KTP recording or a group of the counter), so
 * every such service links to the office's list of types.
 */
@Component
class AppointmentLinks implements OfficeAppointments {

  private final AppointmentTypes types;

  AppointmentLinks(AppointmentTypes types) {
    this.types = types;
  }

  @Override
  public Optional<String> bookingPath(Office office) {
    if (!office.active() || types.active(office.id()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("/kecamatan/" + office.slug() + "/janji");
  }
}
