package id.go.kecamatan.counter;

import java.util.UUID;

/**
 * A ticket whose holder left a phone number or e-mail address came near its turn (ADR 0025): the
 * message tells them to come to the waiting room.
 *
 * @param position its place in line when it came near, 1 for the next
 */
public record TicketNearTurn(UUID officeId, UUID ticketId, String label, int position) {}
