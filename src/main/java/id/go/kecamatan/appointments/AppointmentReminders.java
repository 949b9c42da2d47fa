package id.go.kecamatan.appointments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder the day before: every afternoon (16:00 in the regency's zone) each confirmed booking
 * of tomorrow is marked reminded and {@link AppointmentReminderDue} is published in the same
 * transaction, so a booking is reminded once even when the job runs again or on two nodes (ShedLock
 * runs it on one). A booking moved to another day is reminded again for its new day. A booking
 * whose slot the office no longer serves (a day closed or hours changed after it was booked) is not
 * reminded as if nothing happened: its resident is told that instead, unless told already ({@link
 * OffHoursNotices}).
 */
@Component
public class AppointmentReminders {

  private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final BookingRepository bookings;
  private final OffHoursNotices offHours;

  AppointmentReminders(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      ApplicationEventPublisher events,
      Clock clock,
      BookingRepository bookings,
      OffHoursNotices offHours) {
    this.bookings = bookings;
    this.offHours = offHours;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${layanan.appointments.reminders-cron:0 0 16 * * *}",
      zone = "${layanan.time-zone}")
  @SchedulerLock(name = "appointment-reminders", lockAtMostFor = "PT30M")
  public void remindOnOneNode() {
    int reminded = remind();
    if (reminded > 0) {
      log.info("Reminded {} appointments of tomorrow", reminded);
    }
  }

  /**
   * Reminds the confirmed bookings of tomorrow not reminded yet, those the office still serves;
   * returns how many.
   */
  public int remind() {
    LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
    Integer reminded =
        transactions.execute(
            tx -> {
              List<Map<String, Object>> due =
                  jdbc.sql(
                          """
                          update appointment set reminded_at = ?
                          where day = ? and status = 'BOOKED' and reminded_at is null
                          returning id, office_id
                          """)
                      .params(Timestamp.from(clock.instant()), tomorrow)
                      .query()
                      .listOfRows();
              int reminding = 0;
              for (Map<String, Object> row : due) {
                UUID officeId = (UUID) row.get("office_id");
                UUID id = (UUID) row.get("id");
                boolean served =
                    bookings.find(officeId, id).map(offHours::tellIfOffHours).orElse(false);
                if (served) {
                  events.publishEvent(new AppointmentReminderDue(officeId, id, tomorrow));
                  reminding++;
                }
              }
              return reminding;
            });
    return reminded == null ? 0 : reminded;
  }
}
