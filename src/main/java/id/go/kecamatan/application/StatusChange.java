package id.go.kecamatan.application;

import java.time.Instant;

/**
 * One step of an application's timeline.
 *
 * @param from the status before, {@code null} for the submission
 * @param reason why, in the words of whoever changed it; may be {@code null}
 * @param actor who changed it: {@code pemohon} (the resident), {@code sistem} or an officer's name
 */
public record StatusChange(
    ApplicationStatus from, ApplicationStatus to, Instant at, String reason, String actor) {}
