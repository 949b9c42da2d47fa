package id.go.kecamatan.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident finds the booking, the queue and the status pages where they look: the office page
 * links them, and the page of a service offered at the counter links the booking; an office that
 * takes no bookings shows no booking link. The office page stays light.
 */
@IntegrationTest
class AppointmentLinksIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void theOfficePageLinksTheBookingTheQueueAndTheStatusPages() {
    String page = new WebClient(port).get("/kecamatan/jetis").body();
    assertThat(page)
        .contains(
            "<a href=\"/kecamatan/jetis/janji\">Buat janji temu</a>",
            "<a href=\"/kecamatan/jetis/antrean/layar\">Antrean hari ini</a>",
            "<a href=\"/status\">Cek status permohonan</a>",
            "<a href=\"/ktp-el\">Cek status KTP-el</a>");
    // the booking also on the first screen, beside the telephone and WhatsApp
    String quick = page.substring(page.indexOf("class=\"quick-contact\""));
    assertThat(quick.substring(0, quick.indexOf("</p>"))).contains("/kecamatan/jetis/janji");
    assertThat(page.getBytes(StandardCharsets.UTF_8).length)
        .as("the office page stays light on a phone")
        .isLessThan(8 * 1024);
    assertThat(new WebClient(port).get("/kecamatan/jetis?lang=en").body())
        .contains("Book an appointment", "Check an application's status");
  }

  @Test
  void aServiceOfferedAtTheCounterLinksTheBooking() {
    String ektp = new WebClient(port).get("/kecamatan/jetis/layanan/EKTP").body();
    assertThat(ektp).contains("href=\"/kecamatan/jetis/janji\">Buat janji temu</a>");
    assertThat(new WebClient(port).get("/kecamatan/jetis/janji").body())
        .contains("Perekaman KTP-el");
  }

  @Test
  void anOfficeWithoutBookableTypesShowsNoBookingLink() {
    UUID office = jdbc.sql("select id from office where slug = 'jetis'").query(UUID.class).single();
    List<UUID> active =
        jdbc.sql("select id from appointment_type where office_id = ? and active")
            .param(office)
            .query(UUID.class)
            .list();
    try {
      jdbc.sql("update appointment_type set active = false where office_id = ?")
          .param(office)
          .update();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(new WebClient(port).get("/kecamatan/jetis").body())
                      .doesNotContain("/kecamatan/jetis/janji")
                      .contains("/ktp-el", "/status"));
      assertThat(new WebClient(port).get("/kecamatan/jetis/layanan/EKTP").body())
          .doesNotContain("/kecamatan/jetis/janji");
    } finally {
      for (UUID type : active) {
        jdbc.sql("update appointment_type set active = true where id = ?").param(type).update();
      }
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(new WebClient(port).get("/kecamatan/jetis").body())
                    .contains("/kecamatan/jetis/janji"));
  }
}
