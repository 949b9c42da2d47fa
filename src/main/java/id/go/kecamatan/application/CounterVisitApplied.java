package id.go.kecamatan.application;

import java.util.UUID;

/**
 * An application entered at the counter from a queue ticket was submitted: the counter links the
 * ticket to it. Published in the submitting transaction.
 */
public record CounterVisitApplied(
    UUID officeId, UUID ticketId, ApplicationId applicationId, String trackingCode) {}
