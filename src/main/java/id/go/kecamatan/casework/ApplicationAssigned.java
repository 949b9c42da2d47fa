package id.go.kecamatan.casework;

import id.go.kecamatan.application.ApplicationId;
import java.time.Instant;
import java.util.UUID;

/**
 * An application was given to an officer of its office (claimed by them or assigned by the office
 * admin), in place of whoever had it: what the worklist's officer filter ({@code petugas}) reads.
 *
 * @param staffId the officer who has it now
 */
public record ApplicationAssigned(
    ApplicationId applicationId, UUID officeId, UUID staffId, Instant at) {}
