package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.office.WorkingDays;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Closed days entered in the screens change the working-day rule of the offices concerned. */
@IntegrationTest
class WorkingCalendarIntegrationTests {

  @LocalServerPort int port;
  @Autowired Offices offices;
  @Autowired WorkingCalendar calendar;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

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

  @Test
  void aYearWhoseNationalDaysAreNotEnteredSaysSoAndItsFixedHolidaysStillClose() {
    // 2031: nobody enters it in the demo or the tests; Wed 1 January, Fri 1 May, Sun 17 August
    assertThat(calendar.nationalDaysEntered(2031)).isFalse();
    assertThat(calendar.of(office("jetis")).isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
    assertThat(calendar.of(office("jetis")).plus(LocalDate.of(2030, 12, 31), 1))
        .isEqualTo(LocalDate.of(2031, 1, 2));

    String office =
        WebClient.signedIn(port, "admin.jetis").get("/admin/kalender?tahun=2031").body();
    assertThat(office)
        .contains("Libur nasional dan cuti bersama 2031 belum dimasukkan.")
        .contains("Administrator kabupaten memasukkannya setelah SKB 3 Menteri terbit")
        .doesNotContain("Tidak ada hari tutup pada tahun ini.");
    String regency =
        WebClient.signedIn(port, "kab.3516").get("/admin/kabupaten/kalender?tahun=2031").body();
    assertThat(regency)
        .contains("Libur nasional dan cuti bersama 2031 belum dimasukkan.")
        .contains("Masukkan hari libur nasional dan cuti bersama 2031 sesuai SKB 3 Menteri");
    // the shipped year lists its days and no such note
    assertThat(WebClient.signedIn(port, "admin.jetis").get("/admin/kalender?tahun=2026").body())
        .contains("Tahun Baru 2026 Masehi")
        .doesNotContain("belum dimasukkan");
  }

  @Test
  void theAdministratorsAreRemindedOfNextYearsNationalDaysFromNovember() {
    // a year entered (2040) and the next (2041) not
    assertThat(calendar.add(null, "2040-01-01", "LIBUR", "Tahun Baru 2040 Masehi").any()).isFalse();
    try {
      assertThat(calendar.nationalDaysDue(LocalDate.of(2040, 10, 31))).isEmpty();
      assertThat(calendar.nationalDaysDue(LocalDate.of(2040, 11, 1))).contains(2041);
      assertThat(calendar.nationalDaysDue(LocalDate.of(2040, 12, 31))).contains(2041);
      assertThat(calendar.nationalDaysDue(LocalDate.of(2041, 1, 1))).contains(2041);
    } finally {
      jdbc.sql("delete from holiday where office_id is null and day = date '2040-01-01'").update();
    }

    // today, on the home page of both administrators but not of a verifier
    var due = calendar.nationalDaysDue(LocalDate.now(clock));
    String office = WebClient.signedIn(port, "admin.jetis").get("/admin").body();
    String regency = WebClient.signedIn(port, "kab.3516").get("/admin").body();
    String verifier = WebClient.signedIn(port, "verifikator.jetis").get("/admin").body();
    assertThat(verifier).doesNotContain("national-days-due");
    if (due.isPresent()) {
      String missing = "Libur nasional dan cuti bersama " + due.get() + " belum dimasukkan.";
      assertThat(office).contains(missing).contains("/admin/kalender?tahun=" + due.get());
      assertThat(regency)
          .contains(missing)
          .contains("/admin/kabupaten/kalender?tahun=" + due.get());
    } else {
      assertThat(office).doesNotContain("national-days-due");
      assertThat(regency).doesNotContain("national-days-due");
    }
  }
}
