package id.go.kecamatan.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.TestPhones;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reporter's messages the officers' steps do not cause: "closing soon" a couple of working days
 * before an answered complaint closes without a reaction (once per window), and "declined to
 * reopen" when an officer refuses the request to reopen.
 */
@IntegrationTest
class ReporterMessagesIntegrationTests {

  @Autowired Complaints complaints;
  @Autowired ComplaintHandling handling;
  @Autowired ComplaintCategories categories;
  @Autowired ComplaintDeadlines deadlines;
  @Autowired WorkingCalendar calendar;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;

  ComplaintFixtures fixtures;
  Office jetis;
  Officer verifier;

  @BeforeEach
  void fixtures() {
    fixtures = new ComplaintFixtures(complaints, categories, offices, jdbc);
    jetis = fixtures.jetis();
    verifier = fixtures.officer(jetis, "verifikator.jetis", Role.VERIFIER);
  }

  Filed answered(String text, String phone) {
    var filed =
        complaints.file(
            jetis,
            fixtures.form(jetis, ComplaintFixtures.unique(text), "RAHASIA", phone),
            List.of(),
            Complaints.Intake.ONLINE);
    Filed f = filed.value();
    handling.verify(
        verifier, f.id(), fixtures.version(f.id()), fixtures.category(jetis).id().toString());
    handling.answer(verifier, f.id(), fixtures.version(f.id()), "Sudah kami tindak lanjuti.");
    return f;
  }

  List<String> messages(String recipient) {
    return jdbc.sql(
            "select text from notification where recipient = ? and kind = 'complaint.updated' order by created_at")
        .param(recipient)
        .query(String.class)
        .list();
  }

  @Test
  void theReporterIsRemindedOnceACoupleOfWorkingDaysBeforeASilentAnswerCloses() {
    String phone = TestPhones.unique("0857");
    String recipient = "62" + phone.substring(1);
    Filed soon = answered("Segera ditutup", phone);
    Filed later = answered("Masih lama", TestPhones.unique("0857"));
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    LocalDate tomorrow = calendar.of(jetis.id()).plus(today, 1);
    // one window ends on the next working day, the other in ten
    jdbc.sql("update complaint set reply_due = ? where id = ?")
        .params(tomorrow, soon.id())
        .update();

    assertThat(deadlines.remindClosingSoon()).isGreaterThanOrEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(messages(recipient))
                    .anySatisfy(
                        text ->
                            assertThat(text)
                                .contains(soon.trackingCode())
                                .contains("segera ditutup")
                                .contains("Pengaduan akan ditutup bila sampai")));
    int before = messages(recipient).size();
    // the next morning's run sends nothing again for the same window
    deadlines.remindClosingSoon();
    assertThat(
            jdbc.sql("select closing_notice_for from complaint where id = ?")
                .param(soon.id())
                .query(LocalDate.class)
                .single())
        .isEqualTo(tomorrow);
    assertThat(
            jdbc.sql("select closing_notice_for from complaint where id = ?")
                .param(later.id())
                .query(LocalDate.class)
                .optional()
                .orElse(null))
        .isNull();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'complaint.closing.reminded' and entity_id = ?")
                .param(soon.id().toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(messages(recipient)).hasSize(before);
  }

  @Test
  void theReporterHearsThatTheRequestToReopenWasDeclined() {
    String phone = TestPhones.unique("0857");
    String recipient = "62" + phone.substring(1);
    Filed f = answered("Minta dibuka", phone);
    assertThat(complaints.feedback(f.trackingCode(), "tidak", "Belum selesai").any()).isFalse();
    handling.declineReopen(
        verifier, f.id(), fixtures.version(f.id()), "Sudah dijawab lengkap sesuai aturan.");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(messages(recipient))
                    .anySatisfy(
                        text ->
                            assertThat(text)
                                .contains(
                                    "Permintaan Anda untuk membuka kembali pengaduan tidak diterima")));
  }
}
