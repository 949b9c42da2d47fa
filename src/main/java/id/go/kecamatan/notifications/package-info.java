/**
 * Notifications: messages to residents and staff by e-mail, WhatsApp or SMS. The messages:
 * templates per event kind and channel (shipped defaults, editable per office) and the listeners
 * that turn events of {@code application} and {@code letters} into {@link
 * id.go.kecamatan.notifications.OutgoingMessage}s, on the channel the resident preferred with the
 * e-mail address as a held-back fallback; every morning the staff's daily digest (to the office and
 * to its caseworkers' own addresses) and the signers' notice of letters awaiting signature (to
 * whoever may sign that day). The delivery: each message sent once (an idempotency key per channel
 * and recipient), stored in the caller's transaction and sent after it commits, retried with
 * backoff, every attempt recorded; the office administrator's message log. With no channel
 * configured (the demo) messages go to the message log, readable in the app. Sent and failed
 * messages carry personal data and are purged nightly with their attempts after {@code
 * layanan.notifications.retention} (180 days), the sign-in codes after a day; pending ones never.
 * Also sends the resident portal's sign-in codes ({@code portal.OneTimeCodeRequested}). Depends on
 * {@code application}, {@code letters} (who may sign on a day), {@code accounts} (staff addresses
 * and roles), {@code office}, {@code catalog}, {@code audit}, {@code portal}, {@code surveys} (the
 * survey invitation after a letter is issued) and {@code shared}; nobody depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package id.go.kecamatan.notifications;
