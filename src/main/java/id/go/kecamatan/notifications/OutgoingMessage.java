package id.go.kecamatan.notifications;

import java.util.UUID;

/**
 * A message to send once.
 *
 * @param officeId the office it speaks for, null for none
 * @param kind what it is about, e.g. application.submitted, letter.issued, otp
 * @param subject the e-mail subject, null for WhatsApp/SMS
 * @param idempotencyKey the same key is sent at most once per channel and recipient (e.g. the
 *     event's id + kind)
 */
public record OutgoingMessage(
    UUID officeId, String kind, Recipient to, String subject, String text, String idempotencyKey) {}
