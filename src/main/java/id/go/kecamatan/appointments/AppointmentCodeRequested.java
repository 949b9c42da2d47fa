package id.go.kecamatan.appointments;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking holds its seats and waits for the one-time code that confirms the resident's contact.
 * Published in the transaction that holds the seats and handled in it (the code is useless later):
 * the message is stored in the outbox with the booking or not at all.
 *
 * @param phone the phone number in international form, or null
 * @param email the e-mail address, or null (one of the two is given)
 */
public record AppointmentCodeRequested(
    UUID officeId,
    UUID appointmentId,
    String phone,
    String email,
    String code,
    Instant expiresAt) {}
