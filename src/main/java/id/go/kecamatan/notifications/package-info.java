/**
 * Notifications: what residents and staff are told, and how it reaches them. This part holds the
 * messages: templates per event kind and channel (shipped defaults, editable per office), and the
 * listeners that turn events of {@code application} and {@code letters} into {@link
 * id.go.kecamatan.notifications.OutgoingMessage}s handed to the outbox port. Depends on {@code
 * application}, {@code letters}, {@code office}, {@code catalog}, {@code audit} and {@code shared};
 * nobody depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package id.go.kecamatan.notifications;
