package id.go.kecamatan.appointments;

import java.util.UUID;

/**
 * A kind of appointment an office offers (jenis janji temu): the e-KTP recording, or a service
 * group of the counter, with its slot length, seats per slot, how many days ahead it can be booked,
 * and a daily quota of persons (e.g. 50 e-KTP recordings a day).
 *
 * @param serviceGroupId the counter's service group a check-in issues a ticket of, or null
 * @param dailyQuota persons a day at most, or null for the seats alone
 */
public record AppointmentType(
    UUID id,
    UUID officeId,
    Kind kind,
    UUID serviceGroupId,
    String name,
    int slotMinutes,
    int seatsPerSlot,
    int daysAhead,
    Integer dailyQuota,
    boolean active) {

  /** What is booked. */
  public enum Kind {
    /** Perekaman KTP-el: several members of one family card, eligibility from each NIK. */
    KTP,
    /** A visit to a service of the counter, for one person. */
    SERVICE
  }

  /** Persons one booking may carry. */
  public int maxPersons() {
    return kind == Kind.KTP ? Math.min(5, seatsPerSlot) : 1;
  }
}
