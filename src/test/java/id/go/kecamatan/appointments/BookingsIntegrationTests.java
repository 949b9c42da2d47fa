package id.go.kecamatan.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.MovableClock;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seats taken under concurrency on two nodes of one database, the daily quota, one booking per NIK
 * and day, the hold of a cancelled seat and of an unconfirmed reservation, and rescheduling.
 */
@IntegrationTest
class BookingsIntegrationTests {

  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Offices offices;
  @Autowired OpeningHours hours;
  @Autowired IdentityNumbers identities;
  @Autowired AuditTrail audit;
  @Autowired AppointmentTypes types;

  Office jetis;
  final java.util.Map<UUID, String> codes = new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeEach
  void office() {
    jetis =
        offices.activeOffices().stream()
            .filter(o -> o.code().equals("35.16.16"))
            .findFirst()
            .orElseThrow();
  }

  AppointmentType type(AppointmentType.Kind kind, int seats, String quota) {
    Outcome<UUID> saved =
        types.save(
            jetis.id(),
            null,
            new AppointmentTypes.Form(
                kind.name(),
                "Uji " + UUID.randomUUID(),
                "",
                "10",
                String.valueOf(seats),
                "30",
                quota,
                true));
    assertThat(saved.ok()).as(String.valueOf(saved.errors())).isTrue();
    return types.find(jetis.id(), saved.value()).orElseThrow();
  }

  Bookings node(DataSource source, Clock clock) {
    JdbcClient client = JdbcClient.create(source);
    return new Bookings(
        new BookingRepository(client, clock),
        new TransactionTemplate(new DataSourceTransactionManager(source)),
        new Seats(client),
        hours,
        new BookingForms(hours, identities, clock),
        audit,
        event -> {
          if (event instanceof AppointmentCodeRequested requested) {
            codes.put(requested.appointmentId(), requested.code());
          }
        },
        clock,
        Duration.ofMinutes(30));
  }

  HikariDataSource pool() {
    HikariDataSource main = (HikariDataSource) dataSource;
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(main.getJdbcUrl());
    pool.setUsername(main.getUsername());
    pool.setPassword(main.getPassword());
    pool.setMaximumPoolSize(8);
    return pool;
  }

  /** A Monday morning in 2031; its first bookable day is the Tuesday. */
  MovableClock monday() {
    return new MovableClock(ZonedDateTime.of(2031, 3, 3, 9, 0, 0, 0, WIB).toInstant());
  }

  static String nik(int serial) {
    return String.format("351616010190%04d", serial);
  }

  static Bookings.Form one(LocalDate day, String start, String nik, String phone) {
    return new Bookings.Form(
        day.toString(),
        start,
        List.of(new Bookings.PersonForm(nik, "Warga " + nik.substring(12), false)),
        "",
        phone,
        "");
  }

  @Test
  void twoHundredConcurrentBookingsForTenSeatsOnTwoNodesGiveTenBookingsAndClearRefusals()
      throws Exception {
    AppointmentType type = type(AppointmentType.Kind.SERVICE, 10, "");
    Clock clock = Clock.system(WIB);
    LocalDate day = node(dataSource, clock).days(type, LocalDate.now(clock)).get(0);
    String start = node(dataSource, clock).slots(type, day).get(0).start().toString();
    try (HikariDataSource poolA = pool();
        HikariDataSource poolB = pool()) {
      Bookings nodeA = node(poolA, clock);
      Bookings nodeB = node(poolB, clock);
      ExecutorService threads = Executors.newFixedThreadPool(32);
      CountDownLatch ready = new CountDownLatch(1);
      List<Callable<Outcome<Bookings.Held>>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Bookings node = i % 2 == 0 ? nodeA : nodeB;
        String nik = nik(i + 1);
        String phone = "0812" + (3000000 + i);
        calls.add(
            () -> {
              ready.await();
              return node.hold(jetis, type, one(day, start, nik, phone));
            });
      }
      List<Future<Outcome<Bookings.Held>>> futures = new ArrayList<>();
      for (Callable<Outcome<Bookings.Held>> call : calls) {
        futures.add(threads.submit(call));
      }
      ready.countDown();
      int booked = 0;
      List<String> refusals = new ArrayList<>();
      for (Future<Outcome<Bookings.Held>> f : futures) {
        Outcome<Bookings.Held> outcome = f.get();
        if (outcome.ok()) {
          booked++;
        } else {
          refusals.add(outcome.errors().get("start").key());
        }
      }
      threads.shutdown();
      assertThat(booked).isEqualTo(10);
      assertThat(refusals).hasSize(190).containsOnly("appointments.error.slotFull");
    }
    assertThat(
            jdbc.sql("select count(*) from appointment where type_id = ? and status = 'HELD'")
                .param(type.id())
                .query(Long.class)
                .single())
        .isEqualTo(10);
    assertThat(node(dataSource, clock).slots(type, day).get(0).free()).isZero();
  }

  @Test
  void aBookingInDecemberIsNotOfferedNewYearsDayOfAYearWhoseHolidaysAreNotEnteredYet() {
    AppointmentType type = type(AppointmentType.Kind.SERVICE, 1, "");
    // Monday 30 December 2030, 30 days ahead; nobody enters 2031's national days
    LocalDate monday = LocalDate.of(2030, 12, 30);
    List<LocalDate> days = node(dataSource, monday()).days(type, monday);

    assertThat(days)
        .contains(LocalDate.of(2030, 12, 31), LocalDate.of(2031, 1, 2))
        .doesNotContain(LocalDate.of(2031, 1, 1));
  }

  @Test
  void oneBookingPerNikAndDayAndACancelledSeatIsFreeOnlyAfterTheHold() {
    AppointmentType type = type(AppointmentType.Kind.SERVICE, 1, "");
    MovableClock clock = monday();
    Bookings bookings = node(dataSource, clock);
    LocalDate day = bookings.days(type, LocalDate.now(clock)).get(0);
    assertThat(day).isEqualTo(LocalDate.of(2031, 3, 4));
    List<Bookings.Slot> slots = bookings.slots(type, day);
    assertThat(slots.get(0).start()).isEqualTo(LocalTime.of(8, 0));
    String first = slots.get(0).start().toString();
    String second = slots.get(1).start().toString();

    Bookings.Held held =
        bookings.hold(jetis, type, one(day, first, nik(9001), "081230009001")).value();
    String otp = otpOf(held);
    // the same NIK cannot take a second slot of the type that day
    Outcome<Bookings.Held> twice =
        bookings.hold(jetis, type, one(day, second, nik(9001), "081230009001"));
    assertThat(twice.errors().get("persons").key()).isEqualTo("appointments.error.alreadyBooked");
    // a wrong code is counted, the right one confirms
    assertThat(bookings.confirm(held.code(), "000000").errors().get("otp").key())
        .isEqualTo("appointments.error.otp");
    Bookings.Confirmed confirmed = bookings.confirm(held.code(), otp).value();
    Bookings.Booking booking = bookings.byManageSecret(confirmed.manageSecret()).orElseThrow();
    assertThat(booking.booked()).isTrue();

    // cancelled: the person may book again at once, the seat waits for 30 minutes
    assertThat(bookings.cancel(booking, "resident")).isTrue();
    assertThat(bookings.slots(type, day).get(0).free()).isZero();
    assertThat(
            bookings
                .hold(jetis, type, one(day, first, nik(9002), "081230009002"))
                .errors()
                .get("start")
                .key())
        .isEqualTo("appointments.error.slotFull");
    assertThat(bookings.hold(jetis, type, one(day, second, nik(9001), "081230009001")).ok())
        .isTrue();
    clock.advance(Duration.ofMinutes(31));
    assertThat(bookings.slots(type, day).get(0).free()).isEqualTo(1);
    assertThat(bookings.hold(jetis, type, one(day, first, nik(9002), "081230009002")).ok())
        .isTrue();
  }

  @Test
  void anUnconfirmedReservationLapsesAndFreesItsSeatAndItsPerson() {
    AppointmentType type = type(AppointmentType.Kind.SERVICE, 1, "");
    MovableClock clock = monday();
    Bookings bookings = node(dataSource, clock);
    LocalDate day = bookings.days(type, LocalDate.now(clock)).get(0);
    Bookings.Held held =
        bookings.hold(jetis, type, one(day, "08:00", nik(9101), "081230009101")).value();
    clock.advance(Bookings.HOLD.plusSeconds(1));
    assertThat(bookings.confirm(held.code(), otpOf(held)).errors().get("otp").key())
        .isEqualTo("appointments.error.lapsed");
    assertThat(bookings.hold(jetis, type, one(day, "08:00", nik(9101), "081230009101")).ok())
        .isTrue();
  }

  @Test
  void aFamilyBooksTheRecordingTogetherWithinTheDailyQuota() {
    AppointmentType type = type(AppointmentType.Kind.KTP, 3, "4");
    MovableClock clock = monday();
    Bookings bookings = node(dataSource, clock);
    LocalDate day = bookings.days(type, LocalDate.now(clock)).get(0);
    String kk = "3516160101150003";
    // a girl of 14 who is not married is not yet eligible; married she is
    String child = "351616" + "4" + "1" + "06" + "16" + "0042";
    Outcome<Bookings.Held> tooYoung =
        bookings.hold(
            jetis,
            type,
            new Bookings.Form(
                day.toString(),
                "08:00",
                List.of(
                    new Bookings.PersonForm(nik(9201), "Ayah", false),
                    new Bookings.PersonForm(child, "Putri", false)),
                kk,
                "081230009201",
                ""));
    assertThat(tooYoung.errors().get("nik1").key()).isEqualTo("appointments.error.tooYoung");
    Outcome<Bookings.Held> family =
        bookings.hold(
            jetis,
            type,
            new Bookings.Form(
                day.toString(),
                "08:00",
                List.of(
                    new Bookings.PersonForm(nik(9201), "Ayah", false),
                    new Bookings.PersonForm(nik(9202), "Ibu", false),
                    new Bookings.PersonForm(child, "Putri", true)),
                kk,
                "081230009201",
                ""));
    assertThat(family.ok()).as(String.valueOf(family.errors())).isTrue();
    assertThat(bookings.slots(type, day).get(0).free()).isZero();
    // one seat left of the day's four: the next slot offers one, a pair is refused
    assertThat(bookings.slots(type, day).get(1).free()).isEqualTo(1);
    Outcome<Bookings.Held> pair =
        bookings.hold(
            jetis,
            type,
            new Bookings.Form(
                day.toString(),
                "08:10",
                List.of(
                    new Bookings.PersonForm(nik(9301), "A", false),
                    new Bookings.PersonForm(nik(9302), "B", false)),
                "3516160101150004",
                "081230009301",
                ""));
    assertThat(pair.errors().get("start").key()).isEqualTo("appointments.error.quotaReached");
    assertThat(
            jdbc.sql(
                    "select coalesce(sum(booked), 0) from appointment_slot where type_id = ? and start_time = '08:10'")
                .param(type.id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aBookingMovesToAnotherSlotAtomically() {
    AppointmentType type = type(AppointmentType.Kind.SERVICE, 1, "");
    MovableClock clock = monday();
    Bookings bookings = node(dataSource, clock);
    LocalDate day = bookings.days(type, LocalDate.now(clock)).get(0);
    Bookings.Held a =
        bookings.hold(jetis, type, one(day, "08:00", nik(9401), "081230009401")).value();
    Bookings.Booking booking =
        bookings
            .byManageSecret(bookings.confirm(a.code(), otpOf(a)).value().manageSecret())
            .orElseThrow();
    bookings.hold(jetis, type, one(day, "08:10", nik(9402), "081230009402"));
    FieldErrors full = bookings.reschedule(booking, type, day.toString(), "08:10");
    assertThat(full.get("start").key()).isEqualTo("appointments.error.slotFull");
    FieldErrors moved = bookings.reschedule(booking, type, day.toString(), "08:20");
    assertThat(moved.any()).isFalse();
    assertThat(bookings.slots(type, day).get(0).free()).isEqualTo(1);
    assertThat(bookings.slots(type, day).get(2).free()).isZero();
    assertThat(bookings.reschedule(booking, type, "2031-13-45", "25:99").any()).isTrue();
  }

  /** The one-time code sent for a held booking. */
  String otpOf(Bookings.Held held) {
    return codes.get(held.id());
  }
}
