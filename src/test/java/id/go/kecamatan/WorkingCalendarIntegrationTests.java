package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.office.WorkingDays;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Closed days entered in the screens change the working-day rule of the offices concerned. */
@IntegrationTest
class WorkingCalendarIntegrationTests {

  @LocalServerPort int port;
  @Autowired Offices offices;
  @Autowired WorkingCalendar calendar;

  private UUID office(String slug) {
    return offices.bySlug(slug).orElseThrow().id();
  }

  @Test
  void aNationalHolidayOfNextYearEnteredByARegencyAdminClosesEveryOffice() {
    LocalDate day = LocalDate.of(2027, 3, 10); // a Wednesday
    assertThat(calendar.of(office("jetis")).isWorkingDay(day)).isTrue();

    var regency = WebClient.signedIn(port, "kab.3516");
    regency.get("/admin/kabupaten/kalender?tahun=2027");
    HttpResponse<String> added =
        regency.post(
            "/admin/kabupaten/kalender",
            "day",
            day.toString(),
            "kind",
            "LIBUR",
            "name",
            "Hari Suci Nyepi (Tahun Baru Saka 1949)");
    assertThat(added.statusCode()).isEqualTo(302);

    assertThat(calendar.of(office("jetis")).isWorkingDay(day)).isFalse();
    assertThat(calendar.of(office("purwokerto-utara")).isWorkingDay(day)).isFalse();
    assertThat(
            WebClient.signedIn(port, "admin.purwokertoutara")
                .get("/admin/kalender?tahun=2027")
                .body())
        .contains("Hari Suci Nyepi (Tahun Baru Saka 1949)");
    // a mistyped year in the address shows the current year, as a year out of range does
    for (String typed : List.of("abc", "20x7", "%3Cscript%3E", "99999", "-1")) {
      HttpResponse<String> page = regency.get("/admin/kabupaten/kalender?tahun=" + typed);
      assertThat(page.statusCode()).as(typed).isEqualTo(200);
      assertThat(page.body()).as(typed).contains(String.valueOf(LocalDate.now().getYear()));
    }
  }

  @Test
  void aLocalClosureClosesOnlyItsOwnOfficeAndMovesDeadlines() {
    LocalDate friday = LocalDate.of(2027, 2, 5);
    WorkingDays before = calendar.of(office("padangsidimpuan-batunadua"));
    assertThat(before.plus(LocalDate.of(2027, 2, 4), 1)).isEqualTo(friday);

    var admin = WebClient.signedIn(port, "admin.batunadua");
    admin.get("/admin/kalender");
    assertThat(
            admin
                .post(
                    "/admin/kalender",
                    "day",
                    friday.toString(),
                    "kind",
                    "LOCAL",
                    "name",
                    "Kantor tutup: pemeliharaan jaringan listrik")
                .statusCode())
        .isEqualTo(302);

    assertThat(calendar.of(office("padangsidimpuan-batunadua")).plus(LocalDate.of(2027, 2, 4), 1))
        .isEqualTo(LocalDate.of(2027, 2, 8));
    assertThat(calendar.of(office("jetis")).isWorkingDay(friday)).isTrue();
  }
}
