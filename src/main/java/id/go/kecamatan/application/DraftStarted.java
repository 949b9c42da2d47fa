package id.go.kecamatan.application;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident saved the identity step of their own draft for the first time: from now on the draft
 * has a contact to send its resume code (kode lanjutkan) to. Not published for drafts an officer
 * fills in (assisted intake), whose resume code opens nothing.
 *
 * @param phone the phone number as typed, may be null or not yet valid
 * @param email the e-mail address as typed, may be null or not yet valid
 * @param preferredChannel the channel as chosen ({@link PreferredChannel}'s name), may be null or
 *     not yet valid
 * @param expiresAt when the draft is purged unless saved again
 * @param campaign the short code the resident came from ({@link Draft#campaign()}), or null
 */
public record DraftStarted(
    UUID draftId,
    UUID officeId,
    UUID serviceId,
    String resumeCode,
    String name,
    String phone,
    String email,
    String preferredChannel,
    Instant expiresAt,
    String campaign) {}
