package id.go.kecamatan.appointments;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.shared.Sha256;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking without an account: the resident picks a slot, names the persons (for an e-KTP recording
 * several members of one family card, each checked from the NIK) and a phone number or e-mail
 * address; the seats are held at once, in one transaction, by {@link Seats}, and the booking waits
 * {@link #HOLD} for the one-time code sent to that contact. Confirmed, it gets its code (shown and
 * scanned at the office) and a secret link to cancel or reschedule. A cancelled seat is free again
 * only after {@link #cancelHold()}, so seats cannot be passed from hand to hand.
 */
@Service
public class Bookings {

  /** How long seats wait for the one-time code. */
  public static final Duration HOLD = Duration.ofMinutes(10);

  /** Wrong one-time codes a booking tolerates before it must be made again. */
  static final int MAX_TRIES = 5;

  private static final String SECRET_ALPHABET = TrackingCode.ALPHABET;

  private final BookingRepository repository;
  private final TransactionTemplate transactions;
  private final Seats seats;
  private final OpeningHours hours;
  private final BookingForms forms;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration cancelHold;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecureRandom random = RANDOM;

  Bookings(
      BookingRepository repository,
      TransactionTemplate transactions,
      Seats seats,
      OpeningHours hours,
      BookingForms forms,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${layanan.appointments.cancel-hold:PT30M}") Duration cancelHold) {
    this.repository = repository;
    this.transactions = transactions;
    this.seats = seats;
    this.hours = hours;
    this.forms = forms;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.cancelHold = cancelHold;
  }

  /** A cancelled seat is free again after this (ZMS: 30 minutes, against slot trading). */
  public Duration cancelHold() {
    return cancelHold;
  }

  /** One person of a booking, as typed. */
  public record PersonForm(String nik, String name, boolean married) {}

  /** A booking as typed: the slot, the persons, the family card (e-KTP) and a contact. */
  public record Form(
      String day, String start, List<PersonForm> persons, String kk, String phone, String email) {}

  /** A booking holding its seats, waiting for the one-time code. */
  public record Held(UUID id, String code, Instant expiresAt) {}

  /** A confirmed booking: its code and the secret of its cancel/reschedule link (shown once). */
  public record Confirmed(String code, String manageSecret) implements java.io.Serializable {}

  /** A slot of a day with its free seats. */
  public record Slot(LocalTime start, int free) {}

  /** A booking as its resident and the office see it. */
  public record Booking(
      UUID id,
      UUID officeId,
      UUID typeId,
      String code,
      LocalDate day,
      LocalTime start,
      int persons,
      String kk,
      String phone,
      String email,
      String status,
      Instant seatFreeAt,
      String ticketNumber,
      String ticketPath,
      List<Person> members) {

    public boolean booked() {
      return "BOOKED".equals(status);
    }
  }

  /** A person of a booking, with the e-KTP card recorded for them (if any). */
  public record Person(int position, String nik, String name, boolean married, UUID ktpCardId) {}

  /**
   * The days a type can be booked: from the next day the office is open up to {@code daysAhead}
   * days from today, only days with opening hours (no weekend, holiday or closure).
   */
  public List<LocalDate> days(AppointmentType type, LocalDate today) {
    return forms.days(type, today);
  }

  /**
   * Whether the office still serves the booking's slot: a closed day entered (by the office or the
   * regency) or opening hours changed after it was booked leave it outside the office's hours. The
   * booking stays as it is; its page and the office's list of the day say so, so that the resident
   * moves or cancels it and the office can call them.
   */
  public boolean slotOffered(Booking booking, AppointmentType type) {
    return SlotPlan.starts(hours.on(booking.officeId(), booking.day()), type.slotMinutes())
        .contains(booking.start());
  }

  /** The slots of a day on the office's opening hours, each with its free seats. */
  public List<Slot> slots(AppointmentType type, LocalDate day) {
    Seats.Free free = seats.free(type, day, clock.instant());
    List<Slot> slots = new ArrayList<>();
    for (LocalTime start : SlotPlan.starts(hours.on(type.officeId(), day), type.slotMinutes())) {
      int left = free.bySlot().getOrDefault(start, type.seatsPerSlot());
      if (free.quotaLeft() != null) {
        left = Math.min(left, free.quotaLeft());
      }
      slots.add(new Slot(start, Math.max(0, left)));
    }
    return slots;
  }

  /**
   * Holds the seats of a booking and sends the one-time code, or says why not: a day or slot not
   * offered, a full slot or day (clear refusals, nothing held), a wrong NIK, a person not eligible
   * for an e-KTP, a NIK already booked for the type that day, no valid contact.
   */
  public Outcome<Held> hold(Office office, AppointmentType type, Form form) {
    FieldErrors errors = new FieldErrors();
    BookingForms.Checked checked = forms.check(office, type, form, true, errors);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    return insert(office, type, checked, null).map(b -> new Held(b.id(), b.code(), b.seatFreeAt()));
  }

  /**
   * Books for a resident at the front office (the resident is there, so no one-time code): the
   * seats are taken and the booking confirmed in one transaction, refused for the same reasons as
   * online except that a contact is optional; with a contact the resident gets the confirmation
   * with the link to cancel or move it. Audited as booked by the officer.
   */
  public Outcome<Confirmed> bookAtCounter(
      Officer officer, Office office, AppointmentType type, Form form) {
    FieldErrors errors = new FieldErrors();
    BookingForms.Checked checked = forms.check(office, type, form, false, errors);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    return insert(office, type, checked, java.util.Objects.requireNonNull(officer))
        .map(b -> new Confirmed(b.code(), b.secret()));
  }

  /** A booking inserted: its seats' free time while held, its secret once confirmed. */
  private record Inserted(UUID id, String code, Instant seatFreeAt, String secret) {}

  /**
   * Takes the seats and inserts the booking in one transaction: held for the one-time code, or
   * confirmed at once when an officer books.
   */
  private Outcome<Inserted> insert(
      Office office, AppointmentType type, BookingForms.Checked c, Officer officer) {
    return retrying(
        () -> {
          try {
            return transactions.execute(
                tx -> {
                  Instant now = clock.instant();
                  seats.release(type.id(), c.day(), now);
                  Seats.Refusal refused = seats.take(type, c.day(), c.start(), c.persons().size());
                  if (refused != null) {
                    tx.setRollbackOnly();
                    return Outcome.<Inserted>failed(
                        new FieldErrors()
                            .reject(
                                "start",
                                refused == Seats.Refusal.SLOT_FULL
                                    ? "appointments.error.slotFull"
                                    : "appointments.error.quotaReached"));
                  }
                  UUID id = UUID.randomUUID();
                  String code = TrackingCode.generate(office.code(), random).value();
                  String secret = secret();
                  String otp = String.format("%06d", random.nextInt(1_000_000));
                  Instant expires = officer == null ? now.plus(HOLD) : null;
                  repository.insert(
                      id,
                      office.id(),
                      type.id(),
                      code,
                      hash(secret),
                      c,
                      officer == null ? "HELD" : "BOOKED",
                      officer == null ? hash(id + ":" + otp) : null,
                      now,
                      expires,
                      officer == null ? null : now);
                  if (officer == null) {
                    events.publishEvent(
                        new AppointmentCodeRequested(
                            office.id(), id, c.phone(), c.email(), otp, expires));
                  } else {
                    audit.record(
                        office.id(),
                        "appointment.booked",
                        "appointment",
                        id,
                        Map.of("code", code, "atCounter", true));
                    events.publishEvent(new AppointmentBooked(office.id(), id, managePath(secret)));
                  }
                  return Outcome.done(new Inserted(id, code, expires, secret));
                });
          } catch (DuplicateKeyException e) {
            return Outcome.failed(
                new FieldErrors().reject("persons", "appointments.error.alreadyBooked"));
          }
        });
  }

  /**
   * Confirms a held booking with the one-time code sent to its contact, or says why not: a wrong
   * code (at most {@link #MAX_TRIES}), a hold that ran out (the seats may be gone: book again).
   */
  public Outcome<Confirmed> confirm(String code, String otp) {
    String typed = otp == null ? "" : otp.replaceAll("\\s", "");
    return transactions.execute(
        tx -> {
          Optional<Map<String, Object>> row = repository.lockByCode(code);
          if (row.isEmpty() || !"HELD".equals(row.get().get("status"))) {
            return Outcome.<Confirmed>failed(
                new FieldErrors().reject("otp", "appointments.error.notHeld"));
          }
          UUID id = (UUID) row.get().get("id");
          Instant now = clock.instant();
          boolean lapsed =
              (Boolean) row.get().get("released")
                  || !((Timestamp) row.get().get("seat_free_at")).toInstant().isAfter(now);
          int tries = ((Number) row.get().get("otp_tries")).intValue();
          if (lapsed || tries >= MAX_TRIES) {
            return Outcome.<Confirmed>failed(
                new FieldErrors().reject("otp", "appointments.error.lapsed"));
          }
          if (!typed.matches("\\d{6}")
              || !MessageDigest.isEqual(
                  hash(id + ":" + typed).getBytes(StandardCharsets.UTF_8),
                  String.valueOf(row.get().get("otp_hash")).getBytes(StandardCharsets.UTF_8))) {
            repository.wrongCode(id);
            return Outcome.<Confirmed>failed(
                new FieldErrors().reject("otp", "appointments.error.otp", MAX_TRIES - tries - 1));
          }
          String secret = secret();
          UUID officeId = (UUID) row.get().get("office_id");
          repository.confirmed(id, now, hash(secret));
          audit.record(officeId, "appointment.booked", "appointment", id, Map.of("code", code));
          events.publishEvent(new AppointmentBooked(officeId, id, managePath(secret)));
          return Outcome.done(new Confirmed(code, secret));
        });
  }

  /** The path of the cancel/reschedule page of a secret. */
  public static String managePath(String secret) {
    return "/janji/kelola/" + secret;
  }

  /** The booking a cancel/reschedule secret opens. */
  public Optional<Booking> byManageSecret(String secret) {
    return repository.byManageSecret(secret);
  }

  /** The booking with this code, of any status. */
  public Optional<Booking> byCode(String code) {
    return repository.byCode(code);
  }

  /** The office's booking, or empty (also another office's). */
  public Optional<Booking> find(UUID officeId, UUID id) {
    return repository.find(officeId, id);
  }

  /** The office's confirmed and checked-in bookings of a day, in time order. */
  public List<Booking> ofDay(UUID officeId, LocalDate day) {
    return repository.ofDay(officeId, day);
  }

  /**
   * Cancels a confirmed booking before its day; its persons may book again at once, its seats are
   * free for others after {@link #cancelHold()}.
   */
  public boolean cancel(Booking booking, String by) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    if (!booking.booked() || booking.day().isBefore(today)) {
      return false;
    }
    return Boolean.TRUE.equals(
        transactions.execute(
            tx -> {
              if (!repository.cancelled(booking.id(), now, now.plus(cancelHold))) {
                return false;
              }
              audit.record(
                  booking.officeId(),
                  "appointment.cancelled",
                  "appointment",
                  booking.id(),
                  Map.of("code", booking.code(), "by", by));
              return true;
            }));
  }

  /**
   * Moves a confirmed booking to another slot of its type in one transaction: the new seats are
   * taken first (a full slot refuses and nothing changes), then the old seats are given back at
   * once (they were never free for others in between, so no hold is needed).
   */
  public FieldErrors reschedule(
      Booking booking, AppointmentType type, String rawDay, String rawStart) {
    FieldErrors errors = new FieldErrors();
    BookingForms.NewSlot slot = forms.checkMove(booking, type, rawDay, rawStart, errors);
    if (slot == null) {
      return errors;
    }
    LocalDate newDay = slot.day();
    LocalTime newStart = slot.start();
    try {
      return retrying(
          () ->
              transactions.execute(
                  tx -> {
                    Instant now = clock.instant();
                    seats.release(type.id(), newDay, now);
                    Seats.Refusal refused = seats.take(type, newDay, newStart, booking.persons());
                    if (refused != null) {
                      tx.setRollbackOnly();
                      return new FieldErrors()
                          .reject(
                              "start",
                              refused == Seats.Refusal.SLOT_FULL
                                  ? "appointments.error.slotFull"
                                  : "appointments.error.quotaReached");
                    }
                    if (!repository.moved(booking, newDay, newStart)) {
                      tx.setRollbackOnly();
                      return new FieldErrors().reject("start", "appointments.error.notBooked");
                    }
                    seats.give(type.id(), booking.day(), booking.start(), booking.persons(), true);
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("code", booking.code());
                    details.put("from", booking.day() + " " + booking.start());
                    details.put("to", newDay + " " + newStart);
                    audit.record(
                        booking.officeId(),
                        "appointment.rescheduled",
                        "appointment",
                        booking.id(),
                        details);
                    return new FieldErrors();
                  }));
    } catch (DuplicateKeyException e) {
      return errors.reject("day", "appointments.error.alreadyBooked");
    }
  }

  /** What a message about a booking says: who, what, when, and the contact. */
  public record Notice(
      String name,
      String code,
      String typeName,
      AppointmentType.Kind kind,
      LocalDate day,
      LocalTime start,
      int persons,
      String phone,
      String email,
      String status) {}

  /** The notice of the office's booking. */
  public Optional<Notice> notice(UUID officeId, UUID id) {
    return repository.notice(officeId, id);
  }

  private <T> T retrying(java.util.function.Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (PessimisticLockingFailureException e) {
        // a deadlock or lock timeout between two bookings of one day: the loser tries again
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  static String secret() {
    StringBuilder s = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      s.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
    }
    return s.toString();
  }

  static String hash(String text) {
    return Sha256.hex(text);
  }
}
