package id.go.kecamatan.catalog;

import id.go.kecamatan.office.Office;
import java.util.Optional;

/**
 * What the public site shows of an office's appointments (janji temu): where a resident books a
 * visit, when the office takes bookings. Implemented by the {@code appointments} module, which owns
 * them; the public site works without it (no link).
 */
public interface OfficeAppointments {

  /** The office's booking page ({@code /kecamatan/<slug>/janji}), when it has a bookable type. */
  Optional<String> bookingPath(Office office);
}
