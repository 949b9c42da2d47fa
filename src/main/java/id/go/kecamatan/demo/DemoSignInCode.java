package id.go.kecamatan.demo;

import java.time.Instant;

/**
 * A portal sign-in code or a booking's confirmation code as the demo page {@code /demo/kode-masuk}
 * shows it (the demo only).
 *
 * @param maskedContact the phone number or e-mail address, all but its last four characters hidden
 * @param magicLink the e-mail's single-use sign-in address, null for a phone
 */
public record DemoSignInCode(
    Purpose purpose, String maskedContact, String code, String magicLink, Instant expiresAt) {

  /** What the code is for. */
  public enum Purpose {
    /** Signing in to the resident portal ("Permohonan saya"). */
    PORTAL,
    /** Confirming an appointment (janji temu) booked on the office's booking page. */
    APPOINTMENT
  }
}
