package id.go.kecamatan.counter;

import java.util.UUID;

/**
 * A ticket just issued.
 *
 * @param number the number as called, e.g. {@code A-007}
 * @param statusPath the resident's page of the ticket ({@code /kecamatan/{slug}/antrean/tiket/...})
 */
public record IssuedTicket(UUID id, String number, String statusPath) {}
