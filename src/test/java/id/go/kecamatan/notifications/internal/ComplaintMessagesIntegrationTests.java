package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complaint messages: the Camat's and Sekcam's escalation, the reporter's messages on each step.
 */
@IntegrationTest
class ComplaintMessagesIntegrationTests {

  @Autowired ComplaintEscalations escalations;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  Office jetis() {
    return offices.get(
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single());
  }

  @Test
  void theCamatAndTheSekcamAreToldOfTheOverdueComplaintsOnly() {
    Office jetis = jetis();
    String overdue =
        jdbc.sql(
                "select tracking_code from complaint where office_id = ? and due < current_date order by due limit 1")
            .param(jetis.id())
            .query(String.class)
            .single();
    String onTime =
        jdbc.sql(
                "select tracking_code from complaint where office_id = ? and due >= current_date limit 1")
            .param(jetis.id())
            .query(String.class)
            .single();
    List<id.go.kecamatan.notifications.OutgoingMessage> messages =
        escalations.messages(jetis, LocalDate.now(clock));
    assertThat(messages).hasSize(2);
    assertThat(messages)
        .extracting(m -> m.to().address())
        .containsExactlyInAnyOrder(
            "camat.jetis@jetis.kecamatan.example", "sekcam.jetis@jetis.kecamatan.example");
    assertThat(messages.get(0).text())
        .contains(overdue)
        .doesNotContain(onTime)
        .contains("/admin/pengaduan?tenggat=lewat");
    assertThat(messages.get(0).subject()).contains("pengaduan melewati tenggat");
    // a day when nothing is overdue yet
    assertThat(escalations.messages(jetis, LocalDate.of(2020, 1, 6))).isEmpty();
  }

  @Test
  void theReporterWithAContactHearsOfEachStep() {
    // demo complaints with a phone number: asked and answered ones were told so
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select count(*) from notification where kind = 'complaint.updated' and text like '%Menunggu tanggapan pelapor%'")
                            .query(Long.class)
                            .single())
                    .isGreaterThanOrEqualTo(1));
    assertThat(
            jdbc.sql("select count(*) from notification where kind = 'complaint.received'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(3);
  }
}
