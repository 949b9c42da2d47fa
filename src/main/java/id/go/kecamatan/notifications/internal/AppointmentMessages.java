package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.application.PreferredChannel;
import id.go.kecamatan.appointments.AppointmentBooked;
import id.go.kecamatan.appointments.AppointmentCodeRequested;
import id.go.kecamatan.appointments.AppointmentOffHours;
import id.go.kecamatan.appointments.AppointmentReminderDue;
import id.go.kecamatan.appointments.Bookings;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import id.go.kecamatan.notifications.internal.MessageKind.Placeholder;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.Zone;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages of a booking: the one-time code that confirms the contact (kind {@value
 * OneTimeCodeMessages#KIND}, so the message log hides it like the portal's sign-in code), the
 * confirmation with the code and the cancel/reschedule link, both stored in the transaction that
 * caused them (the code and the link's secret exist only there), and the reminder the day before,
 * after its job's transaction through the event publication registry. A booking whose slot the
 * office no longer serves (a day closed or hours changed after it was booked) is told so once, with
 * a link to its page, in the transaction that made the link's secret.
 */
@Component
class AppointmentMessages {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final Bookings bookings;
  private final Offices offices;
  private final Links links;
  private final Notifications notifications;
  private final Contacts contacts;
  private final MessageSource messages;
  private final TemplatedMessages templated;
  private final java.time.Clock clock;

  AppointmentMessages(
      Bookings bookings,
      Offices offices,
      Links links,
      Notifications notifications,
      Contacts contacts,
      MessageSource messages,
      TemplatedMessages templated,
      java.time.Clock clock) {
    this.clock = clock;
    this.bookings = bookings;
    this.offices = offices;
    this.links = links;
    this.notifications = notifications;
    this.contacts = contacts;
    this.messages = messages;
    this.templated = templated;
  }

  @EventListener
  @Transactional
  void on(AppointmentCodeRequested event) {
    String until = Formats.time(event.expiresAt(), clock.getZone(), INDONESIAN);
    boolean email = event.phone() == null;
    Recipient to =
        email
            ? new Recipient(Channel.EMAIL, event.email())
            : contacts
                .route(PreferredChannel.WHATSAPP, event.phone(), null)
                .map(Contacts.Route::to)
                .orElse(new Recipient(Channel.WHATSAPP, event.phone()));
    String office = offices.get(event.officeId()).displayName();
    notifications.enqueue(
        new OutgoingMessage(
            event.officeId(),
            OneTimeCodeMessages.KIND,
            to,
            email ? messages.getMessage("appointments.otp.subject", null, INDONESIAN) : null,
            messages.getMessage(
                "appointments.otp.text", new Object[] {event.code(), until, office}, INDONESIAN),
            MessageLog.APPOINTMENT_CODE_KEY + event.appointmentId()));
  }

  @EventListener
  @Transactional
  void on(AppointmentBooked event) {
    send(
        event.officeId(),
        event.appointmentId(),
        MessageKind.APPOINTMENT_BOOKED,
        links.appointment(event.manageLinkPath()),
        MessageKind.APPOINTMENT_BOOKED.code() + ":" + event.appointmentId());
  }

  @EventListener
  @Transactional
  void on(AppointmentOffHours event) {
    send(
        event.officeId(),
        event.appointmentId(),
        MessageKind.APPOINTMENT_OFF_HOURS,
        links.appointment(event.manageLinkPath()),
        MessageKind.APPOINTMENT_OFF_HOURS.code()
            + ":"
            + event.appointmentId()
            + ":"
            + event.day()
            + "T"
            + event.start());
  }

  @ApplicationModuleListener
  void on(AppointmentReminderDue event) {
    send(
        event.officeId(),
        event.appointmentId(),
        MessageKind.APPOINTMENT_REMINDER,
        null,
        MessageKind.APPOINTMENT_REMINDER.code() + ":" + event.appointmentId() + ":" + event.day());
  }

  private void send(UUID officeId, UUID id, MessageKind kind, String link, String key) {
    bookings
        .notice(officeId, id)
        .ifPresent(
            b -> {
              Map<String, String> values = new LinkedHashMap<>();
              values.put(Placeholder.NAME, b.name() == null ? "Bapak/Ibu" : b.name());
              values.put(Placeholder.APPOINTMENT_CODE, b.code());
              values.put(
                  Placeholder.APPOINTMENT_TYPE,
                  b.persons() > 1 ? b.typeName() + " (" + b.persons() + " orang)" : b.typeName());
              values.put(
                  Placeholder.APPOINTMENT_TIME,
                  Formats.longDate(b.day(), INDONESIAN)
                      + " pukul "
                      + b.start().format(DateTimeFormatter.ofPattern("HH.mm"))
                      + " "
                      + Zone.of(clock).label());
              values.put(Placeholder.OFFICE, offices.get(officeId).displayName());
              values.put(
                  Placeholder.APPOINTMENT_BRING,
                  DefaultTemplates.fragment(
                      MessageKind.APPOINTMENT_BOOKED, "bring." + b.kind().name()));
              if (link != null) {
                values.put(Placeholder.APPOINTMENT_LINK, link);
              }
              templated.send(officeId, null, b.phone(), b.email(), kind, values, key);
            });
  }
}
