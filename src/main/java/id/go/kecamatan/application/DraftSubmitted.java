package id.go.kecamatan.application;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident submitted their own online draft: it became an application. Not published for drafts
 * an officer fills in (assisted intake). With {@link DraftStarted} it gives the completion rate
 * (drafts started -> submitted).
 *
 * @param campaign the short code the resident came from ({@link Draft#campaign()}), or null
 */
public record DraftSubmitted(
    UUID draftId,
    UUID officeId,
    UUID serviceId,
    ApplicationId applicationId,
    Instant submittedAt,
    String campaign) {}
