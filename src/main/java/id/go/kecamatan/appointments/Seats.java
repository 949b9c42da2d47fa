package id.go.kecamatan.appointments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The seats of the slots, taken and given back in the caller's transaction. A slot's row counts the
 * persons booked against its seats; {@code CHECK (booked <= seats)} in the database makes an
 * overbooked slot impossible, whatever runs on however many nodes, and the guarded update {@code
 * booked + n <= seats} turns a full slot into a clear refusal instead of an error. The daily quota
 * of a type works the same way on its day row. Rows are locked slot first, then day, in every path,
 * so two transactions never wait on each other in a circle.
 */
@Component
class Seats {

  private final JdbcClient jdbc;

  Seats(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Why seats could not be taken. */
  enum Refusal {
    SLOT_FULL,
    QUOTA_REACHED
  }

  /**
   * Takes {@code persons} seats of the slot (and of the day's quota, when the type has one); null
   * when taken, otherwise why not, with nothing taken. Call {@link #release} for the day first.
   */
  Refusal take(AppointmentType type, LocalDate day, LocalTime start, int persons) {
    jdbc.sql(
            """
            insert into appointment_slot (type_id, day, start_time, office_id, seats)
            values (?, ?, ?, ?, ?) on conflict do nothing
            """)
        .params(type.id(), day, start, type.officeId(), type.seatsPerSlot())
        .update();
    int taken =
        jdbc.sql(
                """
                update appointment_slot set booked = booked + ?
                where type_id = ? and day = ? and start_time = ? and booked + ? <= seats
                """)
            .params(persons, type.id(), day, start, persons)
            .update();
    if (taken == 0) {
      return Refusal.SLOT_FULL;
    }
    if (type.dailyQuota() != null) {
      jdbc.sql(
              """
              insert into appointment_day (type_id, day, office_id, quota) values (?, ?, ?, ?)
              on conflict do nothing
              """)
          .params(type.id(), day, type.officeId(), type.dailyQuota())
          .update();
      int counted =
          jdbc.sql(
                  """
                  update appointment_day set booked = booked + ?
                  where type_id = ? and day = ? and booked + ? <= quota
                  """)
              .params(persons, type.id(), day, persons)
              .update();
      if (counted == 0) {
        // give the slot's seats back in this transaction: the caller refuses the booking
        give(type.id(), day, start, persons, false);
        return Refusal.QUOTA_REACHED;
      }
    }
    return null;
  }

  /**
   * Gives back the seats of the type's bookings of the day whose hold ran out: reservations never
   * confirmed in time (their persons may book again) and cancellations after the short hold.
   */
  void release(UUID typeId, LocalDate day, Instant now) {
    List<Map<String, Object>> lapsed =
        jdbc.sql(
                """
                update appointment set released = true
                where type_id = ? and day = ? and not released
                  and status in ('HELD', 'CANCELLED') and seat_free_at <= ?
                returning id, start_time, persons, status
                """)
            .params(typeId, day, Timestamp.from(now))
            .query()
            .listOfRows();
    lapsed.stream()
        .sorted((a, b) -> a.get("start_time").toString().compareTo(b.get("start_time").toString()))
        .forEach(
            row -> {
              if ("HELD".equals(row.get("status"))) {
                jdbc.sql("update appointment_person set active = false where appointment_id = ?")
                    .param(row.get("id"))
                    .update();
              }
              LocalTime start = ((java.sql.Time) row.get("start_time")).toLocalTime();
              give(typeId, day, start, ((Number) row.get("persons")).intValue(), true);
            });
  }

  /** Gives seats of a slot back (and of the day's quota when {@code quotaToo}). */
  void give(UUID typeId, LocalDate day, LocalTime start, int persons, boolean quotaToo) {
    jdbc.sql(
            """
            update appointment_slot set booked = greatest(0, booked - ?)
            where type_id = ? and day = ? and start_time = ?
            """)
        .params(persons, typeId, day, start)
        .update();
    if (quotaToo) {
      jdbc.sql(
              """
              update appointment_day set booked = greatest(0, booked - ?)
              where type_id = ? and day = ?
              """)
          .params(persons, typeId, day)
          .update();
    }
  }

  /**
   * The free seats of each slot of the day that has a row (a slot without one is wholly free),
   * counting the seats of lapsed holds as free, and the persons still allowed by the day's quota
   * (null when the type has none).
   */
  record Free(Map<LocalTime, Integer> bySlot, Integer quotaLeft) {}

  Free free(AppointmentType type, LocalDate day, Instant now) {
    Map<LocalTime, Integer> bySlot = new java.util.HashMap<>();
    jdbc.sql(
            """
            select s.start_time, s.seats - s.booked + coalesce((
                select sum(a.persons) from appointment a
                where a.type_id = s.type_id and a.day = s.day and a.start_time = s.start_time
                  and not a.released and a.status in ('HELD', 'CANCELLED')
                  and a.seat_free_at <= ?), 0) as free
            from appointment_slot s where s.type_id = ? and s.day = ?
            """)
        .params(Timestamp.from(now), type.id(), day)
        .query(
            rs -> {
              bySlot.put(rs.getTime("start_time").toLocalTime(), rs.getInt("free"));
            });
    Integer quotaLeft = null;
    if (type.dailyQuota() != null) {
      quotaLeft =
          jdbc.sql(
                  """
                  select d.quota - d.booked + coalesce((
                      select sum(a.persons) from appointment a
                      where a.type_id = d.type_id and a.day = d.day and not a.released
                        and a.status in ('HELD', 'CANCELLED') and a.seat_free_at <= ?), 0)
                  from appointment_day d where d.type_id = ? and d.day = ?
                  """)
              .params(Timestamp.from(now), type.id(), day)
              .query(Integer.class)
              .optional()
              .orElse(type.dailyQuota());
    }
    return new Free(bySlot, quotaLeft);
  }
}
