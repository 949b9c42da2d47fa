package id.go.kecamatan.appointments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A confirmed booking's slot is no longer served (a closed day entered or the opening hours changed
 * after it was booked): the resident is told once, with a link to the booking's page to move or
 * cancel it. Published and handled in the transaction that made the link's secret (only its hash is
 * stored).
 *
 * @param manageLinkPath the path of the booking's page, with a secret of this message
 */
public record AppointmentOffHours(
    UUID officeId, UUID appointmentId, LocalDate day, LocalTime start, String manageLinkPath) {}
