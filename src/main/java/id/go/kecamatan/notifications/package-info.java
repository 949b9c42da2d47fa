/**
 * Notifications: messages to residents and staff by e-mail, WhatsApp or SMS, each sent once (an
 * idempotency key per channel and recipient), stored in the caller's transaction and delivered
 * after it commits, retried with backoff, every attempt recorded; the office administrator's
 * message log. With no channel configured (the demo) messages go to the message log, readable in
 * the app. Depends on {@code shared}; nobody depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package id.go.kecamatan.notifications;
