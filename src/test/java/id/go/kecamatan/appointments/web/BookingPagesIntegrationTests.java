package id.go.kecamatan.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.TestPhones;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.appointments.AppointmentReminders;
import id.go.kecamatan.counter.ServiceGroup;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.office.OpeningHours;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A family books an e-KTP recording without an account, confirms it with the code sent to the
 * phone, is reminded the day before, checks in at the kiosk to a queue ticket, and the officer
 * records each member, which starts their cards; another office sees none of it, and wrong or
 * hostile input is refused with a clear message.
 */
@IntegrationTest
class BookingPagesIntegrationTests {

  static final Pattern CODE = Pattern.compile("/janji/konfirmasi/(351616-[2-9A-Z]{8})");
  static final Pattern OTP = Pattern.compile(": (\\d{6})");
  static final Pattern MANAGE = Pattern.compile("/janji/kelola/([2-9A-Z]{16})");
  static final Pattern DAY = Pattern.compile("tanggal=(\\d{4}-\\d{2}-\\d{2})");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceGroups groups;
  @Autowired AppointmentReminders reminders;
  @Autowired BookingLimits limits;
  @Autowired OpeningHours hours;

  @AfterEach
  void forget() {
    limits.reset();
  }

  UUID jetis() {
    return jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
  }

  /** The KTP type of these tests, made through the office admin's page once. */
  String ktpType() {
    UUID office = jetis();
    UUID group =
        groups.of(office).stream()
            .filter(g -> g.prefix().equals("K"))
            .map(ServiceGroup::id)
            .findFirst()
            .orElseGet(
                () ->
                    groups
                        .save(
                            office,
                            null,
                            new ServiceGroups.Form(
                                "K", "Perekaman KTP-el", "1", "999", "true", "", "10", "true"))
                        .value());
    String name = "Perekaman KTP-el (uji)";
    return jdbc.sql("select id from appointment_type where office_id = ? and name = ?")
        .params(office, name)
        .query(UUID.class)
        .optional()
        .map(UUID::toString)
        .orElseGet(
            () -> {
              WebClient admin = WebClient.signedIn(port, "admin.jetis");
              admin.get("/admin/janji/jenis");
              HttpResponse<String> saved =
                  admin.post(
                      "/admin/janji/jenis",
                      "kind",
                      "KTP",
                      "name",
                      name,
                      "serviceGroupId",
                      group.toString(),
                      "slotMinutes",
                      "10",
                      "seatsPerSlot",
                      "3",
                      "daysAhead",
                      "14",
                      "dailyQuota",
                      "50",
                      "active",
                      "ya");
              assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
              return jdbc.sql("select id from appointment_type where office_id = ? and name = ?")
                  .params(office, name)
                  .query(UUID.class)
                  .single()
                  .toString();
            });
  }

  static String nik(int day, int month, int yy) {
    return String.format(
        "351616%02d%02d%02d%04d", day, month, yy, 1 + (int) (System.nanoTime() % 9000));
  }

  String phone() {
    return TestPhones.unique("0815");
  }

  List<String> form(String day, String start, String kk, String phone, String... persons) {
    List<String> f = new ArrayList<>(List.of("day", day, "start", start, "kk", kk));
    for (int i = 0; i < persons.length / 2; i++) {
      f.addAll(List.of("nik" + i, persons[2 * i], "name" + i, persons[2 * i + 1]));
    }
    f.addAll(List.of("phone", phone, "email", ""));
    return f;
  }

  String otpSentTo(String phone) {
    String recipient = "62" + phone.substring(1);
    String text =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    jdbc.sql(
                            "select text from notification where kind = 'otp' and recipient = ? order by created_at desc limit 1")
                        .param(recipient)
                        .query(String.class)
                        .optional()
                        .orElse(null),
                t -> t != null);
    Matcher otp = OTP.matcher(text);
    assertThat(otp.find()).isTrue();
    return otp.group(1);
  }

  /**
   * The demo sends no message: the confirmation page points to the demo's page of codes, which
   * shows the booking's code as it shows the portal's; the staff's message log names the message as
   * the booking's code and hides its text.
   */
  @Test
  void inTheDemoTheBookingsCodeIsOnThePageOfCodesAndHiddenFromStaff() {
    String type = ktpType();
    WebClient resident = new WebClient(port);
    String days = resident.get("/kecamatan/jetis/janji/" + type).body();
    Matcher firstDay = DAY.matcher(days);
    assertThat(firstDay.find()).isTrue();
    // a day is named with its weekday, as a resident plans a visit
    assertThat(days)
        .containsPattern(
            "tanggal=" + firstDay.group(1) + "\"[^>]*>(Senin|Selasa|Rabu|Kamis|Jumat), \\d");
    // the day's page carries the form (and its token)
    assertThat(
            resident.get("/kecamatan/jetis/janji/" + type + "?tanggal=" + firstDay.group(1)).body())
        .contains("value=\"08:10\"");
    String phone = phone();
    HttpResponse<String> held =
        resident.post(
            "/kecamatan/jetis/janji/" + type,
            form(
                    firstDay.group(1),
                    "08:10",
                    "3516160101150007",
                    phone,
                    nik(14, 2, 81),
                    "Budi Santoso")
                .toArray(String[]::new));
    assertThat(held.statusCode()).as(held.body()).isEqualTo(302);
    Matcher code = CODE.matcher(WebClient.location(held));
    assertThat(code.find()).isTrue();
    assertThat(resident.get("/janji/konfirmasi/" + code.group(1)).body())
        .contains("href=\"/demo/kode-masuk\"");
    String otp = otpSentTo(phone);
    String to = "62" + phone.substring(1);
    String codes = new WebClient(port).get("/demo/kode-masuk").body();
    int at = codes.indexOf(otp);
    assertThat(at).as("the booking's code on the demo page").isPositive();
    String entry = codes.substring(codes.lastIndexOf("<li>", at), codes.indexOf("</li>", at));
    assertThat(entry)
        .contains("Konfirmasi janji temu")
        .contains("••••••••" + to.substring(to.length() - 4))
        .doesNotContain(to);

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(admin.get("/admin/pesan?status=LOG").body())
                    .contains("Kode konfirmasi janji temu ·")
                    .contains("Isi pesan kode konfirmasi janji temu tidak ditampilkan"));
    assertThat(admin.get("/admin/pesan?status=LOG").body())
        .doesNotContainPattern("(?<![0-9])" + otp + "(?![0-9])");
  }

  @Test
  void aFamilyBooksChecksInGetsATicketAndEachMemberIsRecorded() {
    String type = ktpType();
    WebClient resident = new WebClient(port);
    assertThat(resident.get("/kecamatan/jetis/janji").body()).contains("Perekaman KTP-el (uji)");
    HttpResponse<String> page = resident.get("/kecamatan/jetis/janji/" + type);
    Matcher firstDay = DAY.matcher(page.body());
    assertThat(firstDay.find()).isTrue();
    String day = firstDay.group(1);
    String booking = resident.get("/kecamatan/jetis/janji/" + type + "?tanggal=" + day).body();
    assertThat(booking)
        .contains("08:00")
        .contains("3 tempat tersisa")
        .contains("Sudah atau pernah kawin");

    String phone = phone();
    String father = nik(12, 3, 80);
    String daughter = nik(45, 7, 5);
    HttpResponse<String> held =
        resident.post(
            "/kecamatan/jetis/janji/" + type,
            form(
                    day,
                    "08:00",
                    "3516160101150003",
                    phone,
                    father,
                    "Slamet Riyadi",
                    daughter,
                    "Ayu Lestari")
                .toArray(String[]::new));
    assertThat(held.statusCode()).as(held.body()).isEqualTo(302);
    Matcher code = CODE.matcher(WebClient.location(held));
    assertThat(code.find()).isTrue();
    String bookingCode = code.group(1);
    HttpResponse<String> confirmPage = resident.get("/janji/konfirmasi/" + bookingCode);
    assertThat(confirmPage.body()).contains("Masukkan kode konfirmasi");
    // another browser cannot confirm someone else's booking
    assertThat(new WebClient(port).get("/janji/konfirmasi/" + bookingCode).statusCode())
        .isEqualTo(404);
    HttpResponse<String> wrong = resident.post("/janji/konfirmasi/" + bookingCode, "otp", "000000");
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("Kode tidak cocok");
    HttpResponse<String> confirmed =
        resident.post("/janji/konfirmasi/" + bookingCode, "otp", otpSentTo(phone));
    assertThat(WebClient.location(confirmed)).endsWith("/janji/terkonfirmasi");
    String done = resident.get("/janji/terkonfirmasi").body();
    assertThat(done).contains("Janji temu terkonfirmasi").contains(bookingCode).contains("<svg");
    Matcher manage = MANAGE.matcher(done);
    assertThat(manage.find()).isTrue();
    assertThat(
            jdbc.sql(
                    "select text from notification where kind = 'appointment.booked' and text like ?")
                .param("%" + bookingCode + "%")
                .query(String.class)
                .single())
        .contains("/janji/kelola/" + manage.group(1))
        .contains("(2 orang)");
    // the slot shows the two seats taken
    assertThat(resident.get("/kecamatan/jetis/janji/" + type + "?tanggal=" + day).body())
        .contains("1 tempat tersisa");

    // the day before, the reminder
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    move(bookingCode, today.plusDays(1));
    assertThat(reminders.remind()).isGreaterThanOrEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from notification where kind = 'appointment.reminder' and text like ?")
                        .param("%" + bookingCode + "%")
                        .query(Long.class)
                        .single()
                    == 1);
    assertThat(reminders.remind()).isZero();

    // on the day: the kiosk of another office does not know the code, this one issues a ticket
    move(bookingCode, today);
    WebClient kiosk = new WebClient(port);
    kiosk.get("/kecamatan/purwokerto-utara/janji/check-in");
    HttpResponse<String> elsewhere =
        kiosk.post("/kecamatan/purwokerto-utara/janji/check-in", "kode", bookingCode);
    assertThat(elsewhere.statusCode()).isEqualTo(422);
    assertThat(elsewhere.body()).contains("tidak ditemukan di kantor ini");
    kiosk.get("/kecamatan/jetis/janji/check-in");
    HttpResponse<String> ticket =
        kiosk.post("/kecamatan/jetis/janji/check-in", "kode", bookingCode.toLowerCase());
    assertThat(ticket.statusCode()).isEqualTo(200);
    assertThat(ticket.body()).contains("Selamat datang, Slamet Riyadi").containsPattern("K-\\d{3}");
    Matcher number = Pattern.compile("(K-\\d{3})").matcher(ticket.body());
    assertThat(number.find()).isTrue();
    // checking in again shows the same number
    assertThat(kiosk.post("/kecamatan/jetis/janji/check-in", "kode", bookingCode).body())
        .contains(number.group(1));

    // the officer records each member; another office cannot
    UUID id =
        jdbc.sql("select id from appointment where code = ?")
            .param(bookingCode)
            .query(UUID.class)
            .single();
    WebClient other = WebClient.signedIn(port, "loket.purwokertoutara");
    other.get("/admin/janji");
    assertThat(other.post("/admin/janji/" + id + "/rekam/1").statusCode()).isEqualTo(404);
    WebClient desk = WebClient.signedIn(port, "loket.jetis");
    assertThat(desk.get("/admin/janji").body())
        .contains(bookingCode)
        .contains("Slamet Riyadi")
        .contains("Rekam KTP-el");
    assertThat(desk.post("/admin/janji/" + id + "/rekam/1").statusCode()).isEqualTo(302);
    assertThat(desk.post("/admin/janji/" + id + "/rekam/2").statusCode()).isEqualTo(302);
    HttpResponse<String> again = desk.post("/admin/janji/" + id + "/rekam/2");
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(again.body()).contains("sudah direkam");
    assertThat(desk.get("/admin/ktp-el?q=Ayu+Lestari").body())
        .contains("Ayu Lestari")
        .contains("Direkam");
  }

  /** The last day a type offers: far from the other tests' days. */
  String lastDay(WebClient resident, String type) {
    Matcher days = DAY.matcher(resident.get("/kecamatan/jetis/janji/" + type).body());
    String day = null;
    while (days.find()) {
      day = days.group(1);
    }
    assertThat(day).isNotNull();
    return day;
  }

  /** A free start of the day: the first, or the last. */
  String freeStart(WebClient resident, String type, String day, boolean last) {
    String page = resident.get("/kecamatan/jetis/janji/" + type + "?tanggal=" + day).body();
    Matcher free =
        Pattern.compile("name=\"start\" value=\"(\\d\\d:\\d\\d)\"(?! disabled)").matcher(page);
    String start = null;
    while (free.find()) {
      start = free.group(1);
      if (!last) {
        break;
      }
    }
    assertThat(start).as(page).isNotNull();
    return start;
  }

  /** A confirmed booking: its code and the path of its page. */
  record Booked(String code, String managePage) {}

  Booked book(WebClient resident, String type, String day, String start) {
    String phone = phone();
    HttpResponse<String> held =
        resident.post(
            "/kecamatan/jetis/janji/" + type,
            form(day, start, "3516160101150003", phone, nik(3, 3, 91), "Rina Wati")
                .toArray(String[]::new));
    Matcher code = CODE.matcher(WebClient.location(held));
    assertThat(code.find()).as(held.body()).isTrue();
    resident.get("/janji/konfirmasi/" + code.group(1));
    resident.post("/janji/konfirmasi/" + code.group(1), "otp", otpSentTo(phone));
    Matcher manage = MANAGE.matcher(resident.get("/janji/terkonfirmasi").body());
    assertThat(manage.find()).isTrue();
    return new Booked(code.group(1), "/janji/kelola/" + manage.group(1));
  }

  /** The messages a booking's resident got saying the office no longer serves its slot. */
  List<String> offHoursMessages(String code) {
    // the appointments module reads the bookings after the calendar's or the hours' transaction
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from event_publication where listener_id like '%OffHoursNotices%' and completion_date is null")
                        .query(Long.class)
                        .single()
                    == 0);
    return jdbc.sql(
            "select text from notification where kind = 'appointment.offhours' and text like ? order by created_at")
        .param("%" + code + "%")
        .query(String.class)
        .list();
  }

  /** The page the message links to. */
  static String linkOf(String message) {
    Matcher link = MANAGE.matcher(message);
    assertThat(link.find()).as(message).isTrue();
    return "/janji/kelola/" + link.group(1);
  }

  /**
   * The office closes a day (a cuti bersama decided late) on which a resident has booked: the
   * booking stayed as it was, its page still said "Terkonfirmasi" for a time the office does not
   * serve, and the desk's list of the day did not set it apart. The resident is now told at once,
   * by the booking's contact, with a link to the page to move or cancel it; the regency entering
   * the same day afterwards does not tell them twice.
   */
  @Test
  void aBookingOnADayTheOfficeClosedAfterwardsSaysSoToTheResidentAndTheDesk() {
    String type = ktpType();
    WebClient resident = new WebClient(port);
    String day = lastDay(resident, type);
    Booked booked = book(resident, type, day, freeStart(resident, type, day, false));
    String managePage = booked.managePage();
    assertThat(resident.get(managePage).body()).doesNotContain("Kantor tidak lagi melayani");

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get("/admin/kalender");
    assertThat(
            admin
                .post("/admin/kalender", "day", day, "kind", "LIBUR", "name", "Cuti bersama (uji)")
                .statusCode())
        .isEqualTo(302);
    WebClient regency = WebClient.signedIn(port, "kab.3516");
    try {
      HttpResponse<String> shown = resident.get(managePage);
      assertThat(shown.body())
          .contains("Kantor tidak lagi melayani pada jadwal Anda")
          .contains("Pilih jadwal lain di bawah ini, atau batalkan janji temu ini.");
      assertThat(WebClient.signedIn(port, "loket.jetis").get("/admin/janji?tanggal=" + day).body())
          .containsPattern(
              "id=\"janji-"
                  + booked.code()
                  + "\">\\s*<h2>[^<]*</h2>\\s*<p class=\"meta\">[^\\n]*di luar jam layanan");
      List<String> told = offHoursMessages(booked.code());
      assertThat(told).hasSize(1);
      assertThat(told.get(0))
          .contains("tidak lagi melayani pada jadwal janji temu")
          .contains(booked.code())
          .contains("Pilih jadwal lain atau batalkan");
      assertThat(resident.get(linkOf(told.get(0))).body())
          .contains("Kantor tidak lagi melayani pada jadwal Anda")
          .contains(booked.code());

      // the regency declares the same day cuti bersama: the resident was told already
      regency.get("/admin/kabupaten/kalender");
      assertThat(
              regency
                  .post(
                      "/admin/kabupaten/kalender",
                      "day",
                      day,
                      "kind",
                      "CUTI_BERSAMA",
                      "name",
                      "Cuti bersama kabupaten (uji)")
                  .statusCode())
          .isEqualTo(302);
      assertThat(offHoursMessages(booked.code())).hasSize(1);
    } finally {
      removeClosedDay(admin, "/admin/kalender", jetis(), day, "Cuti bersama (uji)");
      removeClosedDay(
          regency, "/admin/kabupaten/kalender", null, day, "Cuti bersama kabupaten (uji)");
    }
    assertThat(resident.get(managePage).body()).doesNotContain("Kantor tidak lagi melayani");
  }

  void removeClosedDay(WebClient admin, String page, UUID office, String day, String name) {
    admin.get(page);
    jdbc.sql(
            "select id from holiday where office_id is not distinct from ? and day = ? and name = ?")
        .params(office, LocalDate.parse(day), name)
        .query(UUID.class)
        .optional()
        .ifPresent(id -> admin.post(page + "/" + id + "/hapus"));
  }

  /**
   * The regency enters a cuti bersama on a day three residents had booked: the one still booked for
   * that day is told (and its page says so); the one who cancelled and the one who moved to another
   * day are told nothing.
   */
  @Test
  void aRegencyClosedDayTellsOnlyTheBookingsStillOnThatDay() {
    String type = ktpType();
    WebClient resident = new WebClient(port);
    String day = lastDay(resident, type);
    Booked stays = book(resident, type, day, freeStart(resident, type, day, false));
    Booked cancels = book(resident, type, day, freeStart(resident, type, day, false));
    Booked moves = book(resident, type, day, freeStart(resident, type, day, false));
    resident.get(cancels.managePage());
    assertThat(resident.post(cancels.managePage() + "/batal").statusCode()).isEqualTo(302);
    Matcher first = DAY.matcher(resident.get("/kecamatan/jetis/janji/" + type).body());
    assertThat(first.find()).isTrue();
    String other = first.group(1);
    resident.get(moves.managePage());
    HttpResponse<String> moved =
        resident.post(
            moves.managePage() + "/ubah",
            "day",
            other,
            "start",
            freeStart(resident, type, other, true));
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(302);

    WebClient regency = WebClient.signedIn(port, "kab.3516");
    regency.get("/admin/kabupaten/kalender");
    try {
      assertThat(
              regency
                  .post(
                      "/admin/kabupaten/kalender",
                      "day",
                      day,
                      "kind",
                      "CUTI_BERSAMA",
                      "name",
                      "Cuti bersama mendadak (uji)")
                  .statusCode())
          .isEqualTo(302);
      List<String> told = offHoursMessages(stays.code());
      assertThat(told).hasSize(1);
      assertThat(resident.get(linkOf(told.get(0))).body())
          .contains("Kantor tidak lagi melayani pada jadwal Anda");
      assertThat(offHoursMessages(cancels.code())).isEmpty();
      assertThat(offHoursMessages(moves.code())).isEmpty();
      assertThat(resident.get(cancels.managePage()).body())
          .doesNotContain("Kantor tidak lagi melayani");
      assertThat(resident.get(moves.managePage()).body())
          .doesNotContain("Kantor tidak lagi melayani");
    } finally {
      removeClosedDay(
          regency, "/admin/kabupaten/kalender", null, day, "Cuti bersama mendadak (uji)");
    }
  }

  /**
   * The office shortens its hours so that a booked slot is no longer served: the resident is told
   * once (saving the same hours again tells nothing), and the day before, such a booking is not
   * reminded as if nothing happened but told the office does not serve its time.
   */
  @Test
  void shorterOpeningHoursTellTheResidentOnceAndTheReminderDoesNotSayComeAnyway() {
    String type = ktpType();
    WebClient resident = new WebClient(port);
    String day = lastDay(resident, type);
    String start = freeStart(resident, type, day, true);
    Booked booked = book(resident, type, day, start);
    LocalTime late = LocalTime.parse(start);

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    List<OpeningHours.Day> week = hours.week(jetis());
    List<String> shorter = new ArrayList<>();
    for (OpeningHours.Day d : week) {
      boolean cut = d.open() && d.closes().isAfter(late);
      shorter.addAll(
          hoursForm(
              d.weekday().getValue(),
              d.opens(),
              cut ? late : d.closes(),
              d.breakStarts(),
              d.breakEnds()));
    }
    List<String> original = new ArrayList<>();
    for (OpeningHours.Day d : week) {
      original.addAll(
          hoursForm(d.weekday().getValue(), d.opens(), d.closes(), d.breakStarts(), d.breakEnds()));
    }
    admin.get("/admin/kantor/jam-layanan");
    try {
      HttpResponse<String> saved =
          admin.post("/admin/kantor/jam-layanan", shorter.toArray(String[]::new));
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
      List<String> told = offHoursMessages(booked.code());
      assertThat(told).hasSize(1);
      assertThat(told.get(0)).contains("tidak lagi melayani").contains(booked.code());
      assertThat(resident.get(linkOf(told.get(0))).body())
          .contains("Kantor tidak lagi melayani pada jadwal Anda");
      // the same hours saved again: nothing more
      admin.post("/admin/kantor/jam-layanan", shorter.toArray(String[]::new));
      assertThat(offHoursMessages(booked.code())).hasSize(1);

      // the day before: told the office does not serve the time, not reminded to come
      move(booked.code(), LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1));
      reminders.remind();
      assertThat(offHoursMessages(booked.code())).hasSize(2);
      assertThat(
              jdbc.sql(
                      "select count(*) from notification where kind = 'appointment.reminder' and text like ?")
                  .param("%" + booked.code() + "%")
                  .query(Long.class)
                  .single())
          .isZero();
    } finally {
      admin.get("/admin/kantor/jam-layanan");
      admin.post("/admin/kantor/jam-layanan", original.toArray(String[]::new));
    }
  }

  static List<String> hoursForm(
      int n, LocalTime opens, LocalTime closes, LocalTime breakStarts, LocalTime breakEnds) {
    return List.of(
        "opens-" + n,
        opens == null ? "" : opens.toString(),
        "closes-" + n,
        closes == null ? "" : closes.toString(),
        "breakStarts-" + n,
        breakStarts == null ? "" : breakStarts.toString(),
        "breakEnds-" + n,
        breakEnds == null ? "" : breakEnds.toString());
  }

  void move(String code, LocalDate day) {
    jdbc.sql("update appointment set day = ? where code = ?").params(day, code).update();
    jdbc.sql(
            "update appointment_person set day = ? where appointment_id = (select id from appointment where code = ?)")
        .params(day, code)
        .update();
  }

  @Test
  void theFrontOfficeBooksForAResidentAtTheDeskWithoutACodeOrContact() {
    String type = ktpType();
    WebClient desk = WebClient.signedIn(port, "loket.jetis");
    assertThat(desk.get("/admin/janji").body())
        .contains("Buat janji temu untuk warga yang datang", "/admin/janji/baru/" + type);
    Matcher firstDay = DAY.matcher(desk.get("/admin/janji/baru/" + type).body());
    assertThat(firstDay.find()).isTrue();
    String day = firstDay.group(1);
    String page = desk.get("/admin/janji/baru/" + type + "?tanggal=" + day).body();
    assertThat(page).contains("Buat janji temu untuk warga", "Tidak wajib: bila diisi");
    Matcher free =
        Pattern.compile("name=\"start\" value=\"(\\d\\d:\\d\\d)\"(?! disabled)").matcher(page);
    assertThat(free.find()).as(page).isTrue();
    String nik = nik(2, 2, 90);

    HttpResponse<String> hostile =
        desk.post(
            "/admin/janji/baru/" + type,
            form(day, free.group(1), "3516160101150003", "", nik, "<script>alert(1)</script>")
                .toArray(String[]::new));
    assertThat(hostile.statusCode()).isEqualTo(422);
    assertThat(hostile.body()).contains("boleh berisi tag HTML").doesNotContain("<script>alert");

    HttpResponse<String> booked =
        desk.post(
            "/admin/janji/baru/" + type,
            form(day, free.group(1), "3516160101150003", "", nik, "Sari Dewi")
                .toArray(String[]::new));
    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(302);
    String code =
        jdbc.sql(
                """
                select a.code from appointment a join appointment_person p on p.appointment_id = a.id
                where p.nik = ? and a.status = 'BOOKED' and a.phone is null and a.email is null
                  and a.confirmed_at is not null
                """)
            .param(nik)
            .query(String.class)
            .single();
    java.net.URI dayPage = java.net.URI.create(WebClient.location(booked));
    assertThat(desk.get(dayPage.getRawPath() + "?" + dayPage.getRawQuery()).body())
        .contains("Janji temu dibuat dan langsung terkonfirmasi.", code, "Sari Dewi");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'appointment.booked' and details->>'code' = ? and actor_name like '%loket.jetis%'")
                .param(code)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            WebClient.signedIn(port, "loket.purwokertoutara")
                .get("/admin/janji/baru/" + type)
                .statusCode())
        .as("another office's type")
        .isEqualTo(404);
  }

  /**
   * The error summary names each field it links to, the time and each member's rows too: an empty
   * booking listed "Choose one of the available times.", "Required.", "Required." without saying
   * what was required.
   */
  @Test
  void theErrorSummaryNamesTheTimeAndEachMembersFields() {
    String type = ktpType();
    WebClient resident = new WebClient(port);
    Matcher firstDay =
        DAY.matcher(resident.get("/kecamatan/jetis/janji/" + type + "?lang=en").body());
    assertThat(firstDay.find()).isTrue();
    resident.get("/kecamatan/jetis/janji/" + type + "?tanggal=" + firstDay.group(1));
    HttpResponse<String> refused =
        resident.post(
            "/kecamatan/jetis/janji/" + type,
            form(firstDay.group(1), "", "3516160101150003", phone(), "", "")
                .toArray(String[]::new));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains(
            "<a href=\"#start\">Time: Choose one of the available times.</a>",
            "<a href=\"#nik0\">NIK of member 1: Required.</a>",
            "<a href=\"#name0\">Full name of member 1: Required.</a>");
  }

  @Test
  void wrongAndHostileBookingsAreRefusedWithAClearMessage() {
    String type = ktpType();
    WebClient resident = new WebClient(port);
    HttpResponse<String> page = resident.get("/kecamatan/jetis/janji/" + type);
    Matcher firstDay = DAY.matcher(page.body());
    assertThat(firstDay.find()).isTrue();
    String day = firstDay.group(1);
    resident.get("/kecamatan/jetis/janji/" + type + "?tanggal=" + day);
    String young = nik(45, 7, 15);
    for (List<String> bad :
        List.of(
            List.of(
                nik(1, 1, 80),
                "<script>alert(1)</script>",
                "3516160101150003",
                "boleh berisi tag HTML"),
            List.of(
                nik(1, 1, 80),
                "Budi\u0007",
                "3516160101150003",
                "karakter yang tidak diperbolehkan"),
            List.of("9".repeat(3000), "Budi", "3516160101150003", "NIK harus 16 angka"),
            List.of(young, "Adik", "3516160101150003", "belum berusia 17 tahun"),
            List.of(nik(1, 1, 80), "Budi", "<b>KK</b>", "Nomor KK harus 16 angka"))) {
      HttpResponse<String> refused =
          resident.post(
              "/kecamatan/jetis/janji/" + type,
              form(day, "08:30", bad.get(2), phone(), bad.get(0), bad.get(1))
                  .toArray(String[]::new));
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body()).contains(bad.get(3)).doesNotContain("<script>alert(1)</script>");
    }
    // the day she turns 17 in words, not as 2032-07-05
    assertThat(
            resident
                .post(
                    "/kecamatan/jetis/janji/" + type,
                    form(day, "08:30", "3516160101150003", phone(), young, "Adik")
                        .toArray(String[]::new))
                .body())
        .contains("(baru pada 5 Juli 2032)")
        .doesNotContain("2032-07-05");
    HttpResponse<String> noContact =
        resident.post(
            "/kecamatan/jetis/janji/" + type,
            form(day, "08:30", "3516160101150003", "", nik(1, 1, 80), "Budi")
                .toArray(String[]::new));
    assertThat(noContact.body()).contains("Isi nomor HP atau e-mail");
    HttpResponse<String> badSlot =
        resident.post(
            "/kecamatan/jetis/janji/" + type,
            form("2099-01-01", "03:00", "3516160101150003", phone(), nik(1, 1, 80), "Budi")
                .toArray(String[]::new));
    assertThat(badSlot.body()).contains("Pilih salah satu tanggal yang tersedia");
    assertThat(resident.get("/kecamatan/jetis/janji/%3Cscript%3E").statusCode()).isEqualTo(404);
    assertThat(resident.get("/janji/kelola/" + "A".repeat(500)).statusCode()).isEqualTo(404);
    WebClient kiosk = new WebClient(port);
    kiosk.get("/kecamatan/jetis/janji/check-in");
    HttpResponse<String> hostile =
        kiosk.post("/kecamatan/jetis/janji/check-in", "kode", "<script>" + "x".repeat(4000));
    assertThat(hostile.statusCode()).isEqualTo(422);
    assertThat(hostile.body()).doesNotContain("<script>x");
    // the office admin's type form
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get("/admin/janji/jenis");
    HttpResponse<String> badType =
        admin.post(
            "/admin/janji/jenis",
            "kind",
            "X",
            "name",
            "<img src=x>",
            "slotMinutes",
            "0",
            "seatsPerSlot",
            "999",
            "daysAhead",
            "-1",
            "dailyQuota",
            "abc");
    assertThat(badType.statusCode()).isEqualTo(422);
    assertThat(badType.body())
        .contains("Pilih jenisnya")
        .contains("boleh berisi tag HTML")
        .doesNotContain("<img src=x>");
    // the front office may not change the types
    assertThat(WebClient.signedIn(port, "loket.jetis").get("/admin/janji/jenis").statusCode())
        .isEqualTo(403);
  }
}
