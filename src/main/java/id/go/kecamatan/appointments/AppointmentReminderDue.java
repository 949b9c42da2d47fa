package id.go.kecamatan.appointments;

import java.time.LocalDate;
import java.util.UUID;

/** A confirmed booking is on the next working day: the resident is reminded once. */
public record AppointmentReminderDue(UUID officeId, UUID appointmentId, LocalDate day) {}
