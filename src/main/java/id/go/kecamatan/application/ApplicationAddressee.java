package id.go.kecamatan.application;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An application as a message to its resident needs it: who applied (with their phone, e-mail and
 * preferred channel), its tracking code, service and deadline; read without its answers, documents
 * and timeline ({@link Applications#addressee}).
 */
public record ApplicationAddressee(
    ApplicationId id,
    UUID officeId,
    UUID serviceId,
    TrackingCode trackingCode,
    Applicant applicant,
    LocalDate deadline) {

  /** The addressee of an application read whole. */
  public static ApplicationAddressee of(Application application) {
    return new ApplicationAddressee(
        application.id(),
        application.officeId(),
        application.serviceId(),
        application.trackingCode(),
        application.applicant(),
        application.deadline());
  }
}
