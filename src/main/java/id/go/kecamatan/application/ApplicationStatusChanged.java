package id.go.kecamatan.application;

import java.util.UUID;

/** An application's status changed (after its submission). */
public record ApplicationStatusChanged(
    ApplicationId applicationId, UUID officeId, String trackingCode, StatusChange change) {}
