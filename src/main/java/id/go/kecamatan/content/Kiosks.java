package id.go.kecamatan.content;

import id.go.kecamatan.office.Devices;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The self-service kiosks (anjungan mandiri) of the offices: the office's devices of purpose {@link
 * Devices.Purpose#SELF_SERVICE}, paired like every device (ADR 0024, 0029). An office administrator
 * adds a device with an idle time and gets a one-time code (valid {@link #CODE_VALIDITY}); typed on
 * the device at {@code /kios}, the code enables it: the device gets a random token in the {@value
 * #COOKIE} cookie. A request carrying a current token is a kiosk request for its office; revoking
 * the device ends that at its next request. Neither code nor token says anything about a resident.
 */
@Service
public class Kiosks {

  /** The cookie that marks an enabled kiosk. */
  public static final String COOKIE = "KIOS";

  /** How long an enabling code can be used. */
  public static final Duration CODE_VALIDITY = Devices.CODE_VALIDITY;

  public static final int MIN_IDLE_MINUTES = 1;
  public static final int MAX_IDLE_MINUTES = 30;
  public static final int DEFAULT_IDLE_MINUTES = 3;
  public static final int MAX_LABEL = 80;

  private static final Devices.Purpose PURPOSE = Devices.Purpose.SELF_SERVICE;

  private final Devices devices;

  Kiosks(Devices devices) {
    this.devices = devices;
  }

  /** A new device with its one-time enabling code ({@code ABCD-EFGH}), shown once. */
  public record Added(UUID id, String code, FieldErrors errors) {}

  /** An enabled device as a request sees it. */
  public record Session(UUID deviceId, UUID officeId, int idleSeconds) {}

  /**
   * Adds a device to an office, refused when the label is missing, too long or not plain text, or
   * the idle time is not a whole number of minutes in range. Audited.
   */
  public Added add(UUID officeId, String label, String idleMinutes) {
    FieldErrors errors = new FieldErrors();
    String clean = FieldErrors.clean(label);
    errors.text("label", clean, MAX_LABEL);
    Integer minutes =
        errors.integer("idleMinutes", idleMinutes, MIN_IDLE_MINUTES, MAX_IDLE_MINUTES, true);
    if (errors.any()) {
      return new Added(null, null, errors);
    }
    Devices.Added added = devices.add(officeId, PURPOSE, clean, minutes * 60);
    return new Added(added.id(), added.code(), errors);
  }

  /**
   * Enables the kiosk of a current enabling code (used once): its token, for the cookie; empty when
   * the code is unknown, used, expired, not a self-service kiosk's or its device revoked.
   */
  public Optional<String> enable(String code) {
    return devices.enable(PURPOSE, null, code);
  }

  /** The enabled, not revoked kiosk of a token; marks the day it was last seen. */
  public Optional<Session> session(String token) {
    return devices
        .session(PURPOSE, null, token)
        .map(s -> new Session(s.deviceId(), s.officeId(), s.idleSeconds()));
  }

  /** An office's kiosks, newest first, revoked ones last. */
  public List<Devices.Device> list(UUID officeId) {
    return devices.list(officeId, PURPOSE);
  }

  /** Revokes one of the office's kiosks: it is an ordinary browser from its next request. */
  public void revoke(UUID officeId, UUID id) {
    boolean known = list(officeId).stream().anyMatch(d -> d.id().equals(id));
    if (!known) {
      throw new NotFoundException();
    }
    devices.revoke(officeId, PURPOSE, id);
  }
}
