package id.go.kecamatan.demo;

import id.go.kecamatan.appointments.AppointmentType;
import id.go.kecamatan.appointments.AppointmentTypes;
import id.go.kecamatan.appointments.Bookings;
import id.go.kecamatan.appointments.CheckIns;
import id.go.kecamatan.appointments.KtpCardStatus;
import id.go.kecamatan.appointments.KtpCards;
import id.go.kecamatan.counter.ServiceGroup;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo appointments and e-KTP cards of an office, made through the module's API: two bookable types
 * (e-KTP recording with a daily quota of 50, and general desk service), confirmed bookings on the
 * next open days (one family of two for the e-KTP), one booking moved to today and checked in with
 * its members recorded, and cards in every status of their life, one with a surat keterangan, one
 * picked up by a proxy. The one-time codes are read back from the outbox, as a resident would read
 * them from the phone.
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
class DemoAppointments {

  private static final Pattern OTP = Pattern.compile(": (\\d{6})");

  private final AppointmentTypes types;
  private final Bookings bookings;
  private final CheckIns checkIns;
  private final KtpCards cards;
  private final ServiceGroups groups;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoAppointments(
      AppointmentTypes types,
      Bookings bookings,
      CheckIns checkIns,
      KtpCards cards,
      ServiceGroups groups,
      JdbcClient jdbc,
      Clock clock) {
    this.types = types;
    this.bookings = bookings;
    this.checkIns = checkIns;
    this.cards = cards;
    this.groups = groups;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void load(Office office, String key) {
    String prefix = office.code().replace(".", "");
    // the counter's groups (DemoCounter): B for population matters and the e-KTP, A general
    UUID group = group(office.id(), "B", "Kependudukan dan KTP-el");
    AppointmentType ktp =
        type(
            office,
            new AppointmentTypes.Form(
                "KTP", "Perekaman KTP-el", group.toString(), "10", "3", "14", "50", true));
    AppointmentType general =
        type(
            office,
            new AppointmentTypes.Form(
                "SERVICE",
                "Konsultasi dan pengajuan di loket",
                group(office.id(), "A", "Umum (surat keterangan)").toString(),
                "15",
                "2",
                "14",
                "",
                true));
    Officer desk = officer(office, "loket." + key, Role.FRONT_OFFICE);

    LocalDate today = LocalDate.now(clock);
    List<LocalDate> days = bookings.days(ktp, today);
    // a family of two on the first open day, which is moved to today, checked in and recorded
    String family =
        book(
            office,
            ktp,
            days.get(0),
            "08:00",
            prefix + "0101150003",
            "081234560101",
            new Bookings.PersonForm(prefix + "1208800011", "Slamet Riyadi", false),
            new Bookings.PersonForm(prefix + "4507050012", "Ayu Lestari", false));
    book(
        office,
        ktp,
        days.get(0),
        "09:10",
        prefix + "0102160004",
        "081234560102",
        new Bookings.PersonForm(prefix + "0303090021", "Rizky Pratama", false));
    book(
        office,
        ktp,
        days.get(1),
        "10:00",
        prefix + "0103170005",
        "081234560103",
        new Bookings.PersonForm(prefix + "5511080022", "Nur Aini", true));
    book(
        office,
        general,
        days.get(0),
        "08:30",
        "",
        "081234560104",
        new Bookings.PersonForm(prefix + "1704750031", "Hartono", false));
    book(
        office,
        general,
        days.get(Math.min(2, days.size() - 1)),
        "13:00",
        "",
        "081234560105",
        new Bookings.PersonForm(prefix + "6209880032", "Sri Rahayu", false));
    // the family's seats of that day go with it to today
    jdbc.sql(
            "update appointment_slot set booked = booked - 2 where type_id = ? and day = ? and start_time = '08:00'")
        .params(ktp.id(), days.get(0))
        .update();
    jdbc.sql("update appointment_day set booked = booked - 2 where type_id = ? and day = ?")
        .params(ktp.id(), days.get(0))
        .update();
    jdbc.sql("update appointment set day = ? where code = ?").params(today, family).update();
    jdbc.sql(
            "update appointment_person set day = ? where appointment_id = (select id from appointment where code = ?)")
        .params(today, family)
        .update();
    Outcome<CheckIns.CheckedIn> arrived = checkIns.checkIn(office, family);
    if (!arrived.ok()) {
      throw new IllegalStateException("Demo check-in: " + arrived.errors().all());
    }
    UUID bookingId = arrived.value().booking().id();
    checkIns.recordMember(desk, bookingId, 1);

    // cards in every status
    card(desk, prefix + "2002990041", "Dimas Saputra", "081234560201", KtpCardStatus.RECORDED);
    card(
        desk,
        prefix + "6106000042",
        "Fitri Handayani",
        "081234560202",
        KtpCardStatus.AWAITING_VERIFICATION);
    UUID withLetter =
        card(
            desk,
            prefix + "1410010043",
            "Bagus Wicaksono",
            "081234560203",
            KtpCardStatus.AWAITING_VERIFICATION);
    cards.issueInterimLetter(desk, withLetter, "470/" + key.length() + "3/2026");
    card(desk, prefix + "5212020044", "Wulan Sari", "081234560204", KtpCardStatus.READY_TO_PRINT);
    card(desk, prefix + "0905030045", "Yoga Permana", "081234560205", KtpCardStatus.PRINTED);
    card(
        desk,
        prefix + "4801040046",
        "Citra Kirana",
        "081234560206",
        KtpCardStatus.READY_FOR_PICKUP);
    UUID byProxy =
        card(
            desk,
            prefix + "1107050047",
            "Eko Prasetyo",
            "081234560207",
            KtpCardStatus.READY_FOR_PICKUP);
    var handed =
        cards.pickUp(
            desk,
            byProxy,
            new KtpCards.PickUpForm("PROXY", "ya", "Siti Prasetyo", prefix + "4403780048", "ya"),
            null);
    if (handed.any()) {
      throw new IllegalStateException("Demo pick-up: " + handed.all());
    }
  }

  private UUID group(UUID officeId, String letter, String name) {
    return groups.of(officeId).stream()
        .filter(g -> g.prefix().equals(letter))
        .map(ServiceGroup::id)
        .findFirst()
        .orElseGet(
            () -> {
              var saved =
                  groups.save(
                      officeId,
                      null,
                      new ServiceGroups.Form(letter, name, "1", "999", "true", "", "10", "true"));
              if (!saved.ok()) {
                throw new IllegalStateException("Demo group: " + saved.errors().all());
              }
              return saved.value();
            });
  }

  private AppointmentType type(Office office, AppointmentTypes.Form form) {
    Outcome<UUID> saved = types.save(office.id(), null, form);
    if (!saved.ok()) {
      throw new IllegalStateException("Demo type: " + saved.errors().all());
    }
    return types.find(office.id(), saved.value()).orElseThrow();
  }

  /** Books and confirms with the code the outbox holds for the phone; returns the booking code. */
  private String book(
      Office office,
      AppointmentType type,
      LocalDate day,
      String start,
      String kk,
      String phone,
      Bookings.PersonForm... persons) {
    Outcome<Bookings.Held> held =
        bookings.hold(
            office,
            type,
            new Bookings.Form(day.toString(), start, List.of(persons), kk, phone, ""));
    if (!held.ok()) {
      throw new IllegalStateException("Demo booking: " + held.errors().all());
    }
    String text =
        jdbc.sql("select text from notification where idempotency_key = ?")
            .param("appointment-otp:" + held.value().id())
            .query(String.class)
            .single();
    Matcher otp = OTP.matcher(text);
    if (!otp.find() || !bookings.confirm(held.value().code(), otp.group(1)).ok()) {
      throw new IllegalStateException("Demo confirmation failed");
    }
    return held.value().code();
  }

  private UUID card(Officer desk, String nik, String name, String phone, KtpCardStatus to) {
    Outcome<KtpCards.Card> recorded =
        cards.record(desk, new KtpCards.RecordForm(nik, name, "", phone, ""));
    if (!recorded.ok()) {
      throw new IllegalStateException("Demo card: " + recorded.errors().all());
    }
    UUID id = recorded.value().id();
    if (to != KtpCardStatus.RECORDED) {
      cards.step(desk, List.of(id), to);
    }
    return id;
  }

  private Officer officer(Office office, String username, Role role) {
    record Account(UUID id, String name) {}
    Account account =
        jdbc.sql("select id, full_name from staff where username = ?")
            .param(username)
            .query((rs, i) -> new Account(rs.getObject(1, UUID.class), rs.getString(2)))
            .single();
    return new Officer(
        account.id(),
        username,
        account.name(),
        office.regencyId(),
        office.id(),
        null,
        Set.of(role));
  }
}
