package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The review reminder of an announcement: on its review date its author (here the office
 * administrator, with an address) gets one e-mail naming it and linking to it, once per review
 * date; not the day before, not for another office.
 */
@IntegrationTest
class AnnouncementReviewsIntegrationTests {

  @LocalServerPort int port;
  @Autowired AnnouncementReviews reviews;
  @Autowired Notifications notifications;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;

  @Test
  void theAuthorIsRemindedOnceOnTheReviewDate() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get("/admin/sosialisasi/pengumuman/baru");
    HttpResponse<String> saved =
        admin.post(
            "/admin/sosialisasi/pengumuman",
            "title",
            "Jam layanan bulan puasa",
            "body",
            "Selama bulan puasa loket buka 08.00 sampai 14.00.",
            "priority",
            "NORMAL",
            "startsOn",
            today.toString(),
            "endsOn",
            today.plusDays(20).toString(),
            "reviewOn",
            today.toString(),
            "version",
            "0");
    assertThat(saved.statusCode()).isEqualTo(302);
    String id =
        jdbc.sql("select id::text from announcement where title = 'Jam layanan bulan puasa'")
            .query(String.class)
            .single();
    Office jetis = offices.bySlug("jetis").orElseThrow();

    assertThat(reviews.messages(jetis, today.minusDays(1)))
        .noneMatch(m -> m.text().contains("bulan puasa"));
    assertThat(reviews.messages(offices.bySlug("purwokerto-utara").orElseThrow(), today))
        .noneMatch(m -> m.text().contains("bulan puasa"));
    List<OutgoingMessage> due =
        reviews.messages(jetis, today).stream()
            .filter(m -> m.text().contains("bulan puasa"))
            .toList();
    assertThat(due).hasSize(1);
    OutgoingMessage reminder = due.get(0);
    assertThat(reminder.to().address()).isEqualTo("admin.jetis@jetis.kecamatan.example");
    assertThat(reminder.subject()).isEqualTo("Tinjau pengumuman: Jam layanan bulan puasa");
    assertThat(reminder.text())
        .contains("Pengumuman \"Jam layanan bulan puasa\" (Kecamatan Jetis)")
        .contains("/admin/sosialisasi/pengumuman/" + id);
    assertThat(reminder.idempotencyKey()).isEqualTo("announcement.review:" + id + ":" + today);
    assertThat(DailyMessages.queue(notifications, due)).isEqualTo(1);
    assertThat(
            DailyMessages.queue(
                notifications,
                reviews.messages(jetis, today).stream()
                    .filter(m -> m.text().contains("bulan puasa"))
                    .toList()))
        .as("once per review date")
        .isZero();

    admin.get("/admin/sosialisasi/pengumuman");
    admin.post("/admin/sosialisasi/pengumuman/" + id + "/akhiri");
    assertThat(reviews.messages(jetis, today)).noneMatch(m -> m.text().contains("bulan puasa"));
  }
}
