package id.go.kecamatan.appointments;

import java.time.Instant;
import java.util.UUID;

/** An e-KTP card became ready for pick-up (siap diambil): the resident is told to come. */
public record KtpCardReady(UUID officeId, UUID cardId, Instant at) {}
