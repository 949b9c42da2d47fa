package id.go.kecamatan.appointments;

import java.util.UUID;

/**
 * A booking was confirmed: the resident gets its code, time and the link to cancel or reschedule.
 * Published and handled in the confirming transaction, because the link's secret exists only there
 * (only its hash is stored).
 *
 * @param manageLinkPath the path of the cancel/reschedule page, with its secret
 */
public record AppointmentBooked(UUID officeId, UUID appointmentId, String manageLinkPath) {}
