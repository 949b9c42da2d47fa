package id.go.kecamatan.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident asked to sign in to the portal and the contact has applications: the code (and for
 * e-mail the magic link) must reach them. Published in the transaction that stores the request,
 * only for a contact that has applications.
 *
 * @param contact a phone number in international form ({@code 62812...}) or an e-mail address
 * @param officeId the office of the contact's most recent application, which the message speaks for
 * @param magicLink the single-use sign-in address for an e-mail contact, null for a phone
 * @param requestId the sign-in request, unique: the message's idempotency key
 */
public record OneTimeCodeRequested(
    String contact,
    ContactChannel channel,
    String code,
    UUID officeId,
    Instant expiresAt,
    UUID requestId,
    String magicLink) {

  /** How the code reaches the resident. */
  public enum ContactChannel {
    PHONE,
    EMAIL
  }
}
