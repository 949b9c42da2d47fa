package id.go.kecamatan.appointments;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.shared.Sha256;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.LongDate;
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
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking without an account: the resident picks a slot, names the persons (for an e-KTP recording
 * several members of one family card, each checked from the NIK) and a phone number or e-mail
 * address; the seats are held at once, in one transaction, by {@link Seats}, and the booking waits
 * {@link #HOLD} for the one-time code sent to that contact. Confirmed, it gets its code (shown and
 * scanned at the office) and a secret link to cancel or reschedule. A cancelled seat is free again
 * only after {@link #CANCEL_HOLD}, so seats cannot be passed from hand to hand.
 */
@Service
public class Bookings {

  /** How long seats wait for the one-time code. */
  public static final Duration HOLD = Duration.ofMinutes(10);

  /** Wrong one-time codes a booking tolerates before it must be made again. */
  static final int MAX_TRIES = 5;

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final String SECRET_ALPHABET = TrackingCode.ALPHABET;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Seats seats;
  private final OpeningHours hours;
  private final IdentityNumbers identities;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration cancelHold;
  private final SecureRandom random = new SecureRandom();

  Bookings(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Seats seats,
      OpeningHours hours,
      IdentityNumbers identities,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${layanan.appointments.cancel-hold:PT30M}") Duration cancelHold) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.seats = seats;
    this.hours = hours;
    this.identities = identities;
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
    List<LocalDate> days = new ArrayList<>();
    for (int i = 1; i <= type.daysAhead(); i++) {
      LocalDate day = today.plusDays(i);
      if (!hours.on(type.officeId(), day).isEmpty()) {
        days.add(day);
      }
    }
    return days;
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
    Checked checked = check(office, type, form, true, errors);
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
    Checked checked = check(office, type, form, false, errors);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    return insert(office, type, checked, java.util.Objects.requireNonNull(officer))
        .map(b -> new Confirmed(b.code(), b.secret()));
  }

  /** A booking form checked: what to insert. */
  private record Checked(
      LocalDate day,
      LocalTime start,
      List<Person> persons,
      String kk,
      String phone,
      String email) {}

  /** A booking inserted: its seats' free time while held, its secret once confirmed. */
  private record Inserted(UUID id, String code, Instant seatFreeAt, String secret) {}

  private Checked check(
      Office office, AppointmentType type, Form form, boolean contactRequired, FieldErrors errors) {
    LocalDate today = LocalDate.now(clock.withZone(WIB));
    LocalDate day = null;
    try {
      day = form.day() == null || form.day().length() > 10 ? null : LocalDate.parse(form.day());
    } catch (DateTimeParseException e) {
      day = null;
    }
    LocalTime start = null;
    if (day == null || !days(type, today).contains(day)) {
      errors.reject("day", "appointments.error.day");
    } else {
      try {
        start =
            form.start() == null || form.start().length() > 5
                ? null
                : LocalTime.parse(form.start());
      } catch (DateTimeParseException e) {
        start = null;
      }
      if (start == null
          || !SlotPlan.starts(hours.on(office.id(), day), type.slotMinutes()).contains(start)) {
        errors.reject("start", "appointments.error.start");
      }
    }
    List<Person> persons = persons(type, form, day == null ? today : day, errors);
    String kk = null;
    if (type.kind() == AppointmentType.Kind.KTP) {
      String rawKk = FieldErrors.clean(form.kk());
      if (rawKk == null) {
        errors.reject("kk", "error.required");
      } else if (rawKk.length() > 30
          || !identities.checkKk(IdentityNumbers.normalise(rawKk)).isEmpty()) {
        errors.reject("kk", "appointments.error.kk");
      } else {
        kk = IdentityNumbers.normalise(rawKk);
      }
    }
    String phone = FieldErrors.clean(form.phone());
    errors.optionalText("phone", phone, 20);
    if (!errors.has("phone")) {
      errors.phone("phone", phone);
    }
    String email = FieldErrors.clean(form.email());
    errors.email("email", email);
    if (contactRequired
        && phone == null
        && email == null
        && !errors.has("phone")
        && !errors.has("email")) {
      errors.reject("phone", "appointments.error.contact");
    }
    return new Checked(day, start, persons, kk, phone == null ? null : international(phone), email);
  }

  /**
   * Takes the seats and inserts the booking in one transaction: held for the one-time code, or
   * confirmed at once when an officer books.
   */
  private Outcome<Inserted> insert(
      Office office, AppointmentType type, Checked c, Officer officer) {
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
                  jdbc.sql(
                          """
                          insert into appointment (id, office_id, type_id, code, manage_hash, day,
                            start_time, persons, kk, phone, email, status, otp_hash, created_at,
                            seat_free_at, confirmed_at)
                          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                          """)
                      .params(
                          id,
                          office.id(),
                          type.id(),
                          code,
                          hash(secret),
                          c.day(),
                          c.start(),
                          c.persons().size(),
                          c.kk(),
                          c.phone(),
                          c.email(),
                          officer == null ? "HELD" : "BOOKED",
                          officer == null ? hash(id + ":" + otp) : null,
                          Timestamp.from(now),
                          expires == null ? null : Timestamp.from(expires),
                          officer == null ? null : Timestamp.from(now))
                      .update();
                  for (Person p : c.persons()) {
                    jdbc.sql(
                            """
                            insert into appointment_person (appointment_id, position, type_id, day,
                              nik, name, married)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                        .params(
                            id, p.position(), type.id(), c.day(), p.nik(), p.name(), p.married())
                        .update();
                  }
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

  private List<Person> persons(AppointmentType type, Form form, LocalDate day, FieldErrors errors) {
    List<Person> persons = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    // rows left empty are no persons, but the first row is always someone
    List<PersonForm> given = new ArrayList<>();
    List<PersonForm> rows = form.persons() == null ? List.of() : form.persons();
    for (int i = 0; i < rows.size(); i++) {
      PersonForm p = rows.get(i);
      if (i == 0 || !(isBlank(p.nik()) && isBlank(p.name()))) {
        given.add(p == null ? new PersonForm("", "", false) : p);
      }
    }
    if (given.isEmpty()) {
      given.add(new PersonForm("", "", false));
    }
    if (given.size() > type.maxPersons()) {
      errors.reject("persons", "appointments.error.tooManyPersons", type.maxPersons());
      return persons;
    }
    LocalDate today = LocalDate.now(clock.withZone(WIB));
    for (int i = 0; i < given.size(); i++) {
      PersonForm p = given.get(i);
      String field = "nik" + i;
      String typed = FieldErrors.clean(p.nik());
      String nik = typed == null ? null : IdentityNumbers.normalise(typed);
      if (typed == null) {
        errors.reject(field, "error.required");
      } else if (typed.length() > 30 || !identities.checkNik(nik, null, null).isEmpty()) {
        errors.reject(field, "appointments.error.nik");
        nik = null;
      } else if (!seen.add(nik)) {
        errors.reject(field, "appointments.error.samePerson");
        nik = null;
      }
      String name = FieldErrors.clean(p.name());
      errors.text("name" + i, name, KtpCards.MAX_NAME);
      if (nik != null && type.kind() == AppointmentType.Kind.KTP) {
        LocalDate birth = Eligibility.birthDate(identities.decodeNik(nik).birthDate(), today);
        if (!Eligibility.mayRecordKtp(birth, day, p.married())) {
          errors.reject(
              field,
              "appointments.error.tooYoung",
              name == null ? nik : name,
              new LongDate(birth.plusYears(Eligibility.KTP_AGE)));
        }
      }
      persons.add(new Person(i + 1, nik, name, p.married(), null));
    }
    return persons;
  }

  /**
   * Confirms a held booking with the one-time code sent to its contact, or says why not: a wrong
   * code (at most {@link #MAX_TRIES}), a hold that ran out (the seats may be gone: book again).
   */
  public Outcome<Confirmed> confirm(String code, String otp) {
    String typed = otp == null ? "" : otp.replaceAll("\\s", "");
    return transactions.execute(
        tx -> {
          Optional<Map<String, Object>> row =
              jdbc
                  .sql(
                      """
                      select id, office_id, status, otp_hash, otp_tries, seat_free_at, released
                      from appointment where code = ? for update
                      """)
                  .param(code)
                  .query()
                  .listOfRows()
                  .stream()
                  .findFirst();
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
            jdbc.sql("update appointment set otp_tries = otp_tries + 1 where id = ?")
                .param(id)
                .update();
            return Outcome.<Confirmed>failed(
                new FieldErrors().reject("otp", "appointments.error.otp", MAX_TRIES - tries - 1));
          }
          String secret = secret();
          UUID officeId = (UUID) row.get().get("office_id");
          jdbc.sql(
                  """
                  update appointment set status = 'BOOKED', confirmed_at = ?, seat_free_at = null,
                    otp_hash = null, manage_hash = ?
                  where id = ?
                  """)
              .params(Timestamp.from(now), hash(secret), id)
              .update();
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
    if (secret == null || secret.length() > 40 || !secret.matches("[2-9A-Z]{8,20}")) {
      return Optional.empty();
    }
    return jdbc.sql("select * from appointment where manage_hash = ? and status <> 'HELD'")
        .param(hash(secret))
        .query(this::booking)
        .optional();
  }

  /** The booking with this code, of any status. */
  public Optional<Booking> byCode(String code) {
    return TrackingCode.parse(code)
        .flatMap(
            c ->
                jdbc.sql("select * from appointment where code = ?")
                    .param(c.value())
                    .query(this::booking)
                    .optional());
  }

  /** The office's booking, or empty (also another office's). */
  public Optional<Booking> find(UUID officeId, UUID id) {
    return jdbc.sql("select * from appointment where id = ? and office_id = ?")
        .params(id, officeId)
        .query(this::booking)
        .optional();
  }

  /** The office's confirmed and checked-in bookings of a day, in time order. */
  public List<Booking> ofDay(UUID officeId, LocalDate day) {
    return jdbc.sql(
            """
            select * from appointment where office_id = ? and day = ?
              and status in ('BOOKED', 'CHECKED_IN') order by start_time, code
            """)
        .params(officeId, day)
        .query(this::booking)
        .list();
  }

  /**
   * Cancels a confirmed booking before its day; its persons may book again at once, its seats are
   * free for others after {@link #cancelHold()}.
   */
  public boolean cancel(Booking booking, String by) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock.withZone(WIB));
    if (!booking.booked() || booking.day().isBefore(today)) {
      return false;
    }
    return Boolean.TRUE.equals(
        transactions.execute(
            tx -> {
              int updated =
                  jdbc.sql(
                          """
                          update appointment set status = 'CANCELLED', cancelled_at = ?,
                            seat_free_at = ?
                          where id = ? and status = 'BOOKED'
                          """)
                      .params(
                          Timestamp.from(now), Timestamp.from(now.plus(cancelHold)), booking.id())
                      .update();
              if (updated == 0) {
                return false;
              }
              jdbc.sql("update appointment_person set active = false where appointment_id = ?")
                  .param(booking.id())
                  .update();
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
    LocalDate today = LocalDate.now(clock.withZone(WIB));
    LocalDate day;
    LocalTime start;
    try {
      day = rawDay == null || rawDay.length() > 10 ? null : LocalDate.parse(rawDay);
      start = rawStart == null || rawStart.length() > 5 ? null : LocalTime.parse(rawStart);
    } catch (DateTimeParseException e) {
      day = null;
      start = null;
    }
    if (!booking.booked()) {
      return errors.reject("start", "appointments.error.notBooked");
    }
    if (day == null || !days(type, today).contains(day)) {
      return errors.reject("day", "appointments.error.day");
    }
    if (start == null
        || !SlotPlan.starts(hours.on(type.officeId(), day), type.slotMinutes()).contains(start)) {
      return errors.reject("start", "appointments.error.start");
    }
    if (day.equals(booking.day()) && start.equals(booking.start())) {
      return errors.reject("start", "appointments.error.sameSlot");
    }
    LocalDate newDay = day;
    LocalTime newStart = start;
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
                    int moved =
                        jdbc.sql(
                                """
                                update appointment set day = ?, start_time = ?, reminded_at = null
                                where id = ? and status = 'BOOKED' and day = ? and start_time = ?
                                """)
                            .params(newDay, newStart, booking.id(), booking.day(), booking.start())
                            .update();
                    if (moved == 0) {
                      tx.setRollbackOnly();
                      return new FieldErrors().reject("start", "appointments.error.notBooked");
                    }
                    jdbc.sql(
                            "update appointment_person set day = ? where appointment_id = ? and active")
                        .params(newDay, booking.id())
                        .update();
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
    return jdbc.sql(
            """
            select a.code, a.day, a.start_time, a.persons, a.phone, a.email, a.status,
              t.name as type_name, t.kind,
              (select p.name from appointment_person p where p.appointment_id = a.id
               order by p.position limit 1) as person
            from appointment a join appointment_type t on t.id = a.type_id
            where a.id = ? and a.office_id = ?
            """)
        .params(id, officeId)
        .query(
            (rs, n) ->
                new Notice(
                    rs.getString("person"),
                    rs.getString("code"),
                    rs.getString("type_name"),
                    AppointmentType.Kind.valueOf(rs.getString("kind")),
                    rs.getObject("day", LocalDate.class),
                    rs.getTime("start_time").toLocalTime(),
                    rs.getInt("persons"),
                    rs.getString("phone"),
                    rs.getString("email"),
                    rs.getString("status")))
        .optional();
  }

  /** Notes the check-in and the ticket it issued. */
  void checkedIn(UUID bookingId, String ticketNumber, String ticketPath) {
    jdbc.sql(
            """
            update appointment set status = 'CHECKED_IN', checked_in_at = ?, ticket_number = ?,
              ticket_path = ?
            where id = ? and status in ('BOOKED', 'CHECKED_IN')
            """)
        .params(Timestamp.from(clock.instant()), ticketNumber, ticketPath, bookingId)
        .update();
  }

  /** Notes the e-KTP card recorded for a person of a booking. */
  /** Locks a member's row for recording; the card already recorded for them, if any. */
  Optional<UUID> lockMember(UUID bookingId, int position) {
    return jdbc.sql(
            """
            select ktp_card_id from appointment_person where appointment_id = ? and position = ?
            for update
            """)
        .params(bookingId, position)
        .query((rs, i) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
        .single();
  }

  void cardRecorded(UUID bookingId, int position, UUID cardId) {
    jdbc.sql(
            "update appointment_person set ktp_card_id = ? where appointment_id = ? and position = ?")
        .params(cardId, bookingId, position)
        .update();
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

  private Booking booking(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Timestamp free = rs.getTimestamp("seat_free_at");
    return new Booking(
        id,
        rs.getObject("office_id", UUID.class),
        rs.getObject("type_id", UUID.class),
        rs.getString("code"),
        rs.getObject("day", LocalDate.class),
        rs.getTime("start_time").toLocalTime(),
        rs.getInt("persons"),
        rs.getString("kk"),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getString("status"),
        free == null ? null : free.toInstant(),
        rs.getString("ticket_number"),
        rs.getString("ticket_path"),
        jdbc.sql(
                """
                select position, nik, name, married, ktp_card_id from appointment_person
                where appointment_id = ? order by position
                """)
            .param(id)
            .query(
                (r, i) ->
                    new Person(
                        r.getInt("position"),
                        r.getString("nik"),
                        r.getString("name"),
                        r.getBoolean("married"),
                        r.getObject("ktp_card_id", UUID.class)))
            .list());
  }

  private String secret() {
    StringBuilder s = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      s.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length())));
    }
    return s.toString();
  }

  static String hash(String text) {
    return Sha256.hex(text);
  }

  static String international(String phone) {
    String digits = phone.replaceAll("\\D", "");
    return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
