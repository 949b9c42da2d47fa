/**
 * The resident portal (portal warga): a resident signs in with a one-time code sent to the phone
 * number or e-mail address given on their applications (or, for e-mail, a magic link), then sees
 * every application of that contact across offices, with the letter to download once issued, and
 * every open draft. The module publishes {@link id.go.kecamatan.portal.OneTimeCodeRequested};
 * {@code notifications} sends it, so this module does not depend on it. Sign-in requests and portal
 * sessions are purged nightly a day after they expired or ended (the sign-in messages are purged by
 * {@code notifications}). Depends on {@code application}, {@code letters} (the letters of those
 * applications) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resident portal")
package id.go.kecamatan.portal;
