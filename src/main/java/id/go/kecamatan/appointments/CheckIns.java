package id.go.kecamatan.appointments;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.counter.IssuedTicket;
import id.go.kecamatan.counter.Tickets;
import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Arriving with a booking: on its day, at its office, the code typed or scanned at the kiosk (or by
 * the front office) checks the booking in and issues the queue ticket of the type's service group,
 * called at the booked time ({@link Tickets#issueForAppointment}); checking in again shows the same
 * ticket. A booking with a resident of 60 or more is checked in with priority. Then the officer
 * records each member of an e-KTP booking, which starts that member's card at "direkam".
 */
@Service
public class CheckIns {

  /** The age from which a booking goes to the queue with priority (lansia). */
  static final int ELDERLY = 60;

  private final BookingRepository bookings;
  private final AppointmentTypes types;
  private final Tickets tickets;
  private final KtpCards cards;
  private final IdentityNumbers identities;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CheckIns(
      BookingRepository bookings,
      AppointmentTypes types,
      Tickets tickets,
      KtpCards cards,
      IdentityNumbers identities,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.bookings = bookings;
    this.types = types;
    this.tickets = tickets;
    this.cards = cards;
    this.identities = identities;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A checked-in booking with its ticket (number and path null when the type has no group). */
  public record CheckedIn(
      Bookings.Booking booking, String typeName, String ticketNumber, String ticketPath) {}

  /**
   * Checks a booking in by its code, or says why not: no such booking at this office, not today,
   * cancelled, or the group's numbers for today are used up.
   */
  public Outcome<CheckedIn> checkIn(Office office, String rawCode) {
    FieldErrors errors = new FieldErrors();
    Optional<Bookings.Booking> found =
        TrackingCode.parse(rawCode)
            .flatMap(c -> bookings.byCode(c.value()))
            .filter(b -> b.officeId().equals(office.id()))
            .filter(b -> !"HELD".equals(b.status()));
    if (found.isEmpty()) {
      return Outcome.failed(errors.reject("kode", "appointments.checkIn.error.notFound"));
    }
    Bookings.Booking booking = found.get();
    LocalDate today = LocalDate.now(clock);
    if ("CANCELLED".equals(booking.status())) {
      return Outcome.failed(errors.reject("kode", "appointments.checkIn.error.cancelled"));
    }
    if (!booking.day().equals(today)) {
      return Outcome.failed(
          errors.reject("kode", "appointments.checkIn.error.notToday", booking.day()));
    }
    AppointmentType type = types.find(office.id(), booking.typeId()).orElseThrow();
    boolean elderly =
        booking.members().stream()
            .anyMatch(
                p ->
                    Eligibility.ageOn(
                            Eligibility.birthDate(identities.decodeNik(p.nik()).birthDate(), today),
                            today)
                        >= ELDERLY);
    String label =
        booking.members().get(0).name()
            + (booking.persons() > 1 ? " +" + (booking.persons() - 1) : "");
    try {
      return transactions.execute(
          tx -> {
            IssuedTicket ticket =
                type.serviceGroupId() == null
                    ? null
                    : tickets.issueForAppointment(
                        office.id(),
                        type.serviceGroupId(),
                        booking.code(),
                        LocalDateTime.of(booking.day(), booking.start()),
                        elderly,
                        label.length() > 120 ? label.substring(0, 120) : label);
            bookings.checkedIn(
                booking.id(),
                ticket == null ? null : ticket.number(),
                ticket == null ? null : ticket.statusPath());
            if (!"CHECKED_IN".equals(booking.status())) {
              Map<String, Object> details = new LinkedHashMap<>();
              details.put("code", booking.code());
              details.put("ticket", ticket == null ? "" : ticket.number());
              audit.record(
                  office.id(), "appointment.checked-in", "appointment", booking.id(), details);
            }
            return Outcome.done(
                new CheckedIn(
                    booking,
                    type.name(),
                    ticket == null ? null : ticket.number(),
                    ticket == null ? null : ticket.statusPath()));
          });
    } catch (Tickets.NoNumbersLeft e) {
      return Outcome.failed(errors.reject("kode", "appointments.checkIn.error.noNumbers"));
    }
  }

  /**
   * Records the e-KTP of one member of a checked-in e-KTP booking of the officer's office: the card
   * starts at "direkam" with the booking's family card and contact. The card and the member's link
   * to it are written in one transaction, with the member's row locked, so two officers recording
   * the same member at once make one card and a half-done record is impossible.
   */
  public Outcome<KtpCards.Card> recordMember(Officer officer, UUID bookingId, int position) {
    return transactions.execute(
        status -> {
          Outcome<KtpCards.Card> card = recordLocked(officer, bookingId, position);
          if (!card.ok()) {
            status.setRollbackOnly();
          }
          return card;
        });
  }

  private Outcome<KtpCards.Card> recordLocked(Officer officer, UUID bookingId, int position) {
    Bookings.Booking booking =
        bookings.find(officer.officeId(), bookingId).orElseThrow(IllegalArgumentException::new);
    AppointmentType type = types.find(officer.officeId(), booking.typeId()).orElseThrow();
    Bookings.Person person =
        booking.members().stream()
            .filter(p -> p.position() == position)
            .findFirst()
            .orElseThrow(IllegalArgumentException::new);
    FieldErrors errors = new FieldErrors();
    if (type.kind() != AppointmentType.Kind.KTP || !"CHECKED_IN".equals(booking.status())) {
      return Outcome.failed(errors.reject("rekam", "appointments.record.error.notCheckedIn"));
    }
    if (bookings.lockMember(booking.id(), position).isPresent()) {
      return Outcome.failed(errors.reject("rekam", "appointments.record.error.already"));
    }
    // a card already on its way for this NIK is refused by the card's unique index
    Outcome<KtpCards.Card> card =
        cards.record(
            officer,
            new KtpCards.RecordForm(
                person.nik(),
                person.name(),
                booking.kk() == null ? "" : booking.kk(),
                booking.phone() == null ? "" : booking.phone(),
                booking.email() == null ? "" : booking.email()));
    if (card.ok()) {
      bookings.cardRecorded(booking.id(), position, card.value().id());
    }
    return card;
  }
}
