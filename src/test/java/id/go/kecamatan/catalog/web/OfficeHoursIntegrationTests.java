package id.go.kecamatan.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hours a resident reads are the hours a booking offers: the office page, the service guide and
 * the API list the office's opening hours (jam layanan) as the administrator set them, and a
 * booking for that day offers slots only within them; a change of the hours shows on both at once.
 * The office's note about its hours cannot state other hours.
 */
@IntegrationTest
class OfficeHoursIntegrationTests {

  private static final Pattern DAY = Pattern.compile("tanggal=(\\d{4}-\\d{2}-\\d{2})");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Offices offices;

  private UUID office;
  private List<Map<String, Object>> before;

  @BeforeEach
  void remember() {
    office = jdbc.sql("select id from office where slug = 'jetis'").query(UUID.class).single();
    before =
        jdbc.sql("select * from opening_hours where office_id = ?")
            .param(office)
            .query()
            .listOfRows();
  }

  @AfterEach
  void restore() {
    jdbc.sql("delete from opening_hours where office_id = ?").param(office).update();
    for (Map<String, Object> row : before) {
      jdbc.sql(
              "insert into opening_hours (office_id, weekday, opens, closes, break_starts, break_ends) values (?, ?, ?, ?, ?, ?)")
          .params(
              office,
              row.get("weekday"),
              row.get("opens"),
              row.get("closes"),
              row.get("break_starts"),
              row.get("break_ends"))
          .update();
    }
  }

  private void saveHours(WebClient admin, String fridayOpens, String fridayCloses, String... brk) {
    List<String> form =
        new java.util.ArrayList<>(
            List.of(
                "opens-1",
                "08:00",
                "closes-1",
                "15:00",
                "breakStarts-1",
                "12:00",
                "breakEnds-1",
                "13:00",
                "opens-2",
                "08:00",
                "closes-2",
                "15:00",
                "breakStarts-2",
                "12:00",
                "breakEnds-2",
                "13:00",
                "opens-3",
                "08:00",
                "closes-3",
                "15:00",
                "breakStarts-3",
                "12:00",
                "breakEnds-3",
                "13:00",
                "opens-4",
                "08:00",
                "closes-4",
                "15:00",
                "breakStarts-4",
                "12:00",
                "breakEnds-4",
                "13:00",
                "opens-5",
                fridayOpens,
                "closes-5",
                fridayCloses));
    if (brk.length == 2) {
      form.addAll(List.of("breakStarts-5", brk[0], "breakEnds-5", brk[1]));
    }
    HttpResponse<String> saved =
        admin.post("/admin/kantor/jam-layanan", form.toArray(String[]::new));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
  }

  /** The booking page of the office's counter visit on the first Friday it offers. */
  private String fridayBooking(WebClient resident) {
    String type =
        jdbc.sql(
                "select id from appointment_type where office_id = ? and kind = 'SERVICE' and active order by name limit 1")
            .param(office)
            .query(UUID.class)
            .single()
            .toString();
    String page = resident.get("/kecamatan/jetis/janji/" + type).body();
    Matcher days = DAY.matcher(page);
    while (days.find()) {
      if (LocalDate.parse(days.group(1)).getDayOfWeek() == DayOfWeek.FRIDAY) {
        return resident.get("/kecamatan/jetis/janji/" + type + "?tanggal=" + days.group(1)).body();
      }
    }
    throw new AssertionError("no Friday offered: " + page);
  }

  private static String hoursOf(String officePage) {
    int start = officePage.indexOf("id=\"jam-pelayanan\"");
    assertThat(start).as("the office page lists its hours").isPositive();
    return officePage.substring(start, officePage.indexOf("</ul>", start));
  }

  @Test
  void theOfficePageAndTheBookingFollowTheSameOpeningHours() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    WebClient resident = new WebClient(port);

    saveHours(admin, "07:30", "11:00");
    String hours = hoursOf(resident.get("/kecamatan/jetis").body());
    assertThat(hours)
        .contains(
            "Senin–Kamis 08.00–15.00, istirahat 12.00–13.00",
            "Jumat 07.30–11.00",
            "Sabtu, Minggu dan hari libur tutup");
    // in English, for a reader who switched (the switch stays with that browser)
    assertThat(hoursOf(new WebClient(port).get("/kecamatan/jetis?lang=en").body()))
        .contains("Monday–Thursday 08:00–15:00, break 12:00–13:00", "Friday 07:30–11:00");
    String friday = fridayBooking(resident);
    assertThat(friday).contains("value=\"07:30\"", "value=\"10:45\"");
    assertThat(friday).doesNotContain("value=\"11:00\"", "value=\"13:00\"");
    assertThat(resident.get("/kecamatan/jetis/layanan/DOMISILI/panduan").body())
        .contains("Jumat 07.30–11.00");
    assertThat(resident.get("/api/v1/offices/jetis").body()).contains("Jumat 07.30–11.00");

    // the administrator changes Friday: the page and the booking both follow
    saveHours(admin, "08:00", "15:00", "11:30", "13:00");
    hours = hoursOf(resident.get("/kecamatan/jetis").body());
    assertThat(hours).contains("Jumat 08.00–15.00, istirahat 11.30–13.00").doesNotContain("07.30");
    friday = fridayBooking(resident);
    assertThat(friday).contains("value=\"08:00\"", "value=\"11:15\"", "value=\"13:00\"");
    assertThat(friday).doesNotContain("value=\"07:30\"", "value=\"11:30\"", "value=\"12:45\"");
  }

  @Test
  void theNoteAboutTheHoursStatesNoOtherHours() {
    Office jetis = offices.get(office);
    var refused =
        offices.updateProfile(
            office,
            new Offices.ProfileForm(
                jetis.address(),
                jetis.phone(),
                jetis.email(),
                jetis.whatsapp(),
                "Senin–Kamis 07.30–15.30\nJumat 07.30–11.00",
                jetis.unitCode(),
                jetis.letterheadText(),
                jetis.version()));
    assertThat(refused.ok()).isFalse();
    assertThat(refused.errors().get("officeHours").key()).isEqualTo("profile.officeHours.noTimes");
    // a note written before the hours were kept apart is not shown as hours
    assertThat(
            new Office(
                    jetis.id(),
                    jetis.regencyId(),
                    jetis.code(),
                    jetis.slug(),
                    jetis.name(),
                    jetis.address(),
                    jetis.phone(),
                    jetis.email(),
                    jetis.whatsapp(),
                    "Jumat 07.30–11.00",
                    jetis.unitCode(),
                    jetis.letterheadText(),
                    jetis.hasLogo(),
                    jetis.active(),
                    jetis.version())
                .officeHoursLines())
        .isEmpty();
    // the demo's note says nothing of hours and shows under them
    assertThat(new WebClient(port).get("/kecamatan/jetis").body())
        .contains("Penutupan kantor dan cuti bersama diumumkan");
  }
}
