package id.go.kecamatan.appointments;

import java.util.UUID;

/** An e-KTP card was recorded (direkam): the resident gets the code to follow it. */
public record KtpCardRecorded(UUID officeId, UUID cardId) {}
