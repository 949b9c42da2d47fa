package id.go.kecamatan.appointments;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.appointments.Bookings.Booking;
import id.go.kecamatan.appointments.Bookings.Notice;
import id.go.kecamatan.appointments.Bookings.Person;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores bookings (the {@code appointment} rows with their {@code appointment_person} rows) for
 * {@link Bookings} and {@link CheckIns}: the SQL and row mapping of their making, confirming,
 * cancelling and moving, the reading queries, and the notes of a check-in and of an e-KTP card
 * recorded for a person. Statements run in the caller's transaction; the seats are {@link Seats}'.
 */
@Component
class BookingRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  BookingRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Inserts a booking and its persons: held for the one-time code ({@code otpHash} and {@code
   * seatFreeAt} set) or booked at once ({@code confirmedAt} set).
   */
  void insert(
      UUID id,
      UUID officeId,
      UUID typeId,
      String code,
      String manageHash,
      BookingForms.Checked c,
      String status,
      String otpHash,
      Instant createdAt,
      Instant seatFreeAt,
      Instant confirmedAt) {
    jdbc.sql(
            """
            insert into appointment (id, office_id, type_id, code, manage_hash, day,
              start_time, persons, kk, phone, email, status, otp_hash, created_at,
              seat_free_at, confirmed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            officeId,
            typeId,
            code,
            manageHash,
            c.day(),
            c.start(),
            c.persons().size(),
            c.kk(),
            c.phone(),
            c.email(),
            status,
            otpHash,
            Timestamp.from(createdAt),
            seatFreeAt == null ? null : Timestamp.from(seatFreeAt),
            confirmedAt == null ? null : Timestamp.from(confirmedAt))
        .update();
    for (Person p : c.persons()) {
      jdbc.sql(
              """
              insert into appointment_person (appointment_id, position, type_id, day,
                nik, name, married)
              values (?, ?, ?, ?, ?, ?, ?)
              """)
          .params(id, p.position(), typeId, c.day(), p.nik(), p.name(), p.married())
          .update();
    }
  }

  /**
   * The booking of a code as its one-time code is checked, its row locked: id, office_id, status,
   * otp_hash, otp_tries, seat_free_at and released.
   */
  Optional<Map<String, Object>> lockByCode(String code) {
    return jdbc
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
  }

  /** Counts a wrong one-time code against a held booking. */
  void wrongCode(UUID id) {
    jdbc.sql("update appointment set otp_tries = otp_tries + 1 where id = ?").param(id).update();
  }

  /** Notes a held booking confirmed: its seats its own, its one-time code gone, its link's hash. */
  void confirmed(UUID id, Instant at, String manageHash) {
    jdbc.sql(
            """
            update appointment set status = 'BOOKED', confirmed_at = ?, seat_free_at = null,
              otp_hash = null, manage_hash = ?
            where id = ?
            """)
        .params(Timestamp.from(at), manageHash, id)
        .update();
  }

  /**
   * Notes a booked booking cancelled, its seats free at {@code seatFreeAt}, its persons free to
   * book again; false when it was no longer booked (nothing changed).
   */
  boolean cancelled(UUID id, Instant at, Instant seatFreeAt) {
    int updated =
        jdbc.sql(
                """
                update appointment set status = 'CANCELLED', cancelled_at = ?,
                  seat_free_at = ?
                where id = ? and status = 'BOOKED'
                """)
            .params(Timestamp.from(at), Timestamp.from(seatFreeAt), id)
            .update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("update appointment_person set active = false where appointment_id = ?")
        .param(id)
        .update();
    return true;
  }

  /**
   * Moves a booked booking and its active persons to another slot (its reminder due again); false
   * when it was no longer booked at the slot it was read with (nothing changed).
   */
  boolean moved(Booking booking, LocalDate day, LocalTime start) {
    int moved =
        jdbc.sql(
                """
                update appointment set day = ?, start_time = ?, reminded_at = null
                where id = ? and status = 'BOOKED' and day = ? and start_time = ?
                """)
            .params(day, start, booking.id(), booking.day(), booking.start())
            .update();
    if (moved == 0) {
      return false;
    }
    jdbc.sql("update appointment_person set day = ? where appointment_id = ? and active")
        .params(day, booking.id())
        .update();
    return true;
  }

  /**
   * The booking a cancel/reschedule secret opens: the confirmation's, or the one of the message
   * saying the office no longer serves its slot.
   */
  Optional<Booking> byManageSecret(String secret) {
    if (secret == null || secret.length() > 40 || !secret.matches("[2-9A-Z]{8,20}")) {
      return Optional.empty();
    }
    String hash = Bookings.hash(secret);
    return jdbc.sql(
            "select * from appointment where (manage_hash = ? or off_hours_hash = ?) and status <> 'HELD'")
        .params(hash, hash)
        .query(this::booking)
        .optional();
  }

  /** The booking with this code, of any status. */
  Optional<Booking> byCode(String code) {
    return TrackingCode.parse(code)
        .flatMap(
            c ->
                jdbc.sql("select * from appointment where code = ?")
                    .param(c.value())
                    .query(this::booking)
                    .optional());
  }

  /** The office's booking, or empty (also another office's). */
  Optional<Booking> find(UUID officeId, UUID id) {
    return jdbc.sql("select * from appointment where id = ? and office_id = ?")
        .params(id, officeId)
        .query(this::booking)
        .optional();
  }

  /** The office's confirmed and checked-in bookings of a day, in time order. */
  List<Booking> ofDay(UUID officeId, LocalDate day) {
    return jdbc.sql(
            """
            select * from appointment where office_id = ? and day = ?
              and status in ('BOOKED', 'CHECKED_IN') order by start_time, code
            """)
        .params(officeId, day)
        .query(this::booking)
        .list();
  }

  /** The notice of the office's booking. */
  Optional<Notice> notice(UUID officeId, UUID id) {
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

  /** Notes the e-KTP card recorded for a person of a booking. */
  void cardRecorded(UUID bookingId, int position, UUID cardId) {
    jdbc.sql(
            "update appointment_person set ktp_card_id = ? where appointment_id = ? and position = ?")
        .params(cardId, bookingId, position)
        .update();
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
}
