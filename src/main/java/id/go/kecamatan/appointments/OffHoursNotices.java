package id.go.kecamatan.appointments;

import id.go.kecamatan.office.ServiceHoursChanged;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a resident whose booking the office no longer serves (ADR 0051): after a closed day is
 * entered (by the office or the regency) or the opening hours are saved, every confirmed booking
 * from today on whose slot is outside the office's hours gets {@link AppointmentOffHours} once for
 * that slot ({@code off_hours_slot}): the same day entered again or the same hours saved again send
 * nothing, a booking moved to another slot is told again if that one closes, a cancelled or
 * checked-in booking is not told. The reminder the day before tells the same instead of reminding
 * ({@link AppointmentReminders}).
 */
@Component
class OffHoursNotices {

  private final JdbcClient jdbc;
  private final BookingRepository repository;
  private final Bookings bookings;
  private final AppointmentTypes types;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OffHoursNotices(
      JdbcClient jdbc,
      BookingRepository repository,
      Bookings bookings,
      AppointmentTypes types,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.bookings = bookings;
    this.types = types;
    this.events = events;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(ServiceHoursChanged changed) {
    LocalDate today = LocalDate.now(clock);
    jdbc.sql(
            """
            select id, office_id from appointment
            where status = 'BOOKED' and day >= ? and (cast(? as uuid) is null or office_id = ?)
            """)
        .params(today, changed.officeId(), changed.officeId())
        .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
        .list()
        .forEach(ids -> repository.find(ids[1], ids[0]).ifPresent(this::tellIfOffHours));
  }

  /**
   * Tells the resident when the booking's slot is no longer served and they were not told of this
   * slot yet; answers whether the slot is served.
   */
  boolean tellIfOffHours(Bookings.Booking booking) {
    if (!booking.booked()) {
      return true;
    }
    AppointmentType type = types.find(booking.officeId(), booking.typeId()).orElse(null);
    if (type == null || bookings.slotOffered(booking, type)) {
      return true;
    }
    String secret = Bookings.secret();
    int marked =
        jdbc.sql(
                """
                update appointment set off_hours_slot = ?, off_hours_hash = ?
                where id = ? and status = 'BOOKED' and day = ? and start_time = ?
                  and off_hours_slot is distinct from ?
                """)
            .params(
                slot(booking),
                Bookings.hash(secret),
                booking.id(),
                booking.day(),
                booking.start(),
                slot(booking))
            .update();
    if (marked == 1) {
      events.publishEvent(
          new AppointmentOffHours(
              booking.officeId(),
              booking.id(),
              booking.day(),
              booking.start(),
              Bookings.managePath(secret)));
    }
    return false;
  }

  private static String slot(Bookings.Booking booking) {
    return booking.day() + " " + booking.start();
  }
}
