package id.go.kecamatan.counter;

import id.go.kecamatan.office.Devices;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The queue's ticket kiosks (anjungan tiket): the office's devices of purpose {@link
 * Devices.Purpose#TICKETS}, paired like every device (ADR 0029). An officer adds a device and gets
 * a one-time code; typed on the device's kiosk page, it gives the device a secret token kept in a
 * cookie. Only an enabled device of this office takes tickets from the kiosk page, and its tickets
 * are rate limited per device, not per address, so a busy office behind one NAT address is never
 * stopped.
 */
@Service("ticketKiosks")
public class Kiosks {

  private static final Devices.Purpose PURPOSE = Devices.Purpose.TICKETS;

  private final Devices devices;

  Kiosks(Devices devices) {
    this.devices = devices;
  }

  /** The office's ticket kiosks, newest first, revoked ones last. */
  public List<Devices.Device> of(UUID officeId) {
    return devices.list(officeId, PURPOSE);
  }

  /** Adds a device and gives its code, or the name's error. */
  public Outcome<Devices.Added> add(UUID officeId, String rawName) {
    FieldErrors errors = new FieldErrors();
    String name = FieldErrors.clean(rawName);
    errors.text("name", name, 60);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    return Outcome.done(devices.add(officeId, PURPOSE, name, null));
  }

  /**
   * Enables this office's ticket kiosk whose code this is: answers the device's new secret token,
   * once; empty for a wrong or expired code, or another office's or purpose's.
   */
  public Optional<String> pair(UUID officeId, String code) {
    return devices.enable(PURPOSE, officeId, code);
  }

  /** The enabled ticket kiosk of this office with this token. */
  public Optional<UUID> device(UUID officeId, String token) {
    return devices.session(PURPOSE, officeId, token).map(Devices.Session::deviceId);
  }

  /** Switches a device off for good. */
  public boolean revoke(UUID officeId, UUID deviceId) {
    return devices.revoke(officeId, PURPOSE, deviceId);
  }
}
