package id.go.kecamatan.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A resident (or an officer at the counter) submitted an application. */
public record ApplicationSubmitted(
    ApplicationId applicationId,
    UUID officeId,
    UUID serviceId,
    String trackingCode,
    Channel channel,
    Instant submittedAt,
    LocalDate deadline) {}
