package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention purge of messages on the demo database: old sent and failed messages of every
 * office go with their attempts, pending and recent ones stay, sign-in code messages go after a
 * day, a backlog goes in bounded batches; the message log says how long messages are kept.
 *
 * <p>Each test purges at a fixed instant years before the test run, and its messages are written
 * relative to that instant: the messages of other tests (written now) are newer than any cut-off,
 * so the purge touches only this test's rows, whatever the wall clock says.
 */
@IntegrationTest
class NotificationPurgeIntegrationTests {

  /** The prefix of this class's idempotency keys, to clean up after each test. */
  static final String KEY = "purge-test:";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MessageRetention configured;

  UUID jetis;
  UUID purwokerto;

  @BeforeEach
  void setUp() {
    jetis = office("35.16.16");
    purwokerto = office("33.02.27");
  }

  @AfterEach
  void tearDown() {
    jdbc.sql("delete from notification where idempotency_key like ?").param(KEY + "%").update();
  }

  // --- fixtures ------------------------------------------------------------------------------

  UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  /** A purge as the application wires it (180 days, sign-in codes 1 day), at a fixed instant. */
  NotificationPurge purgeAt(Instant now, NotificationStore store, int batch) {
    return new NotificationPurge(
        store,
        new MessageRetention(Duration.ofDays(180), Duration.ofDays(1)),
        Clock.fixed(now, ZoneOffset.UTC),
        batch);
  }

  /**
   * Stores a message written at {@code createdAt} with the given status, and for a sent or failed
   * one its attempts (a pending one is due only far in the future, so no delivery run sends it).
   */
  UUID message(UUID office, String kind, String status, Instant createdAt) {
    UUID id = UUID.randomUUID();
    boolean sent = status.equals("SENT");
    int attempts = status.equals("PENDING") ? 0 : sent ? 2 : 6;
    jdbc.sql(
            """
            insert into notification (id, office_id, kind, channel, recipient, text,
              idempotency_key, status, sent_via, attempts, next_attempt_at, last_error,
              created_at, sent_at)
            values (?, ?, ?, 'WHATSAPP', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            office,
            kind,
            "62812" + Math.floorMod(id.hashCode(), 100_000_000),
            "Yth. Siti Aminah, kode pelacakan JTS-7K2M-9QX4.",
            KEY + id,
            status,
            sent ? "LOG" : null,
            attempts,
            Timestamp.from(
                status.equals("PENDING") ? Instant.parse("2999-01-01T00:00:00Z") : createdAt),
            status.equals("FAILED") ? "HTTP 400" : null,
            Timestamp.from(createdAt),
            sent ? Timestamp.from(createdAt.plusSeconds(90)) : null)
        .update();
    for (int i = 0; i < attempts; i++) {
      jdbc.sql(
              "insert into notification_attempt (notification_id, at, ok, error) values (?, ?, ?, ?)")
          .params(
              id, Timestamp.from(createdAt.plusSeconds(60L * i)), sent && i == attempts - 1, null)
          .update();
    }
    return id;
  }

  List<UUID> existing(Collection<UUID> ids) {
    return jdbc.sql("select id from notification where id = any(?)")
        .param(ids.toArray(UUID[]::new))
        .query(UUID.class)
        .list();
  }

  long attemptsOf(Collection<UUID> ids) {
    return jdbc.sql("select count(*) from notification_attempt where notification_id = any(?)")
        .param(ids.toArray(UUID[]::new))
        .query(Long.class)
        .single();
  }

  // --- what goes and what stays --------------------------------------------------------------

  @Test
  void oldSentAndFailedMessagesOfEveryOfficeGoWithTheirAttemptsWhilePendingAndRecentOnesStay() {
    Instant now = Instant.parse("2021-06-01T00:00:00Z");
    Instant old = now.minus(Duration.ofDays(181));
    Instant recent = now.minus(Duration.ofDays(179));
    String kind = "application.submitted";
    List<UUID> gone =
        List.of(
            message(jetis, kind, "SENT", old),
            message(jetis, "letter.issued", "FAILED", old),
            message(purwokerto, kind, "SENT", old.minus(Duration.ofDays(300))),
            message(purwokerto, "staff.digest", "FAILED", old),
            message(null, kind, "SENT", old));
    List<UUID> kept =
        List.of(
            message(jetis, kind, "PENDING", now.minus(Duration.ofDays(400))),
            message(purwokerto, kind, "PENDING", old),
            message(jetis, kind, "SENT", recent),
            message(purwokerto, kind, "FAILED", recent),
            message(null, kind, "SENT", recent),
            message(jetis, kind, "SENT", now.minus(Duration.ofDays(180)).plusSeconds(1)));
    assertThat(attemptsOf(gone)).isEqualTo(2 + 6 + 2 + 6 + 2);

    purgeAt(now, new NotificationStore(jdbc), 1_000).run(); // as scheduled, on the clock

    assertThat(existing(gone)).isEmpty();
    assertThat(attemptsOf(gone)).as("attempts go with their message").isZero();
    assertThat(existing(kept)).containsExactlyInAnyOrderElementsOf(kept);
    assertThat(attemptsOf(kept)).isEqualTo(2 + 6 + 2 + 2);
  }

  @Test
  void signInCodeMessagesGoAfterADayButNotWhilePending() {
    Instant now = Instant.parse("2020-06-01T00:00:00Z");
    String otp = OneTimeCodeMessages.KIND;
    List<UUID> gone =
        List.of(
            message(jetis, otp, "SENT", now.minus(Duration.ofHours(25))),
            message(purwokerto, otp, "FAILED", now.minus(Duration.ofDays(2))),
            message(null, otp, "SENT", now.minus(Duration.ofDays(200))));
    List<UUID> kept =
        List.of(
            message(jetis, otp, "SENT", now.minus(Duration.ofHours(23))),
            message(purwokerto, otp, "PENDING", now.minus(Duration.ofDays(3))),
            message(jetis, "application.submitted", "SENT", now.minus(Duration.ofDays(2))));

    NotificationPurge.Purged purged = purgeAt(now, new NotificationStore(jdbc), 1_000).purge(now);

    assertThat(purged.oneTimeCodes()).isEqualTo(3);
    assertThat(purged.messages()).isZero();
    assertThat(existing(gone)).isEmpty();
    assertThat(attemptsOf(gone)).isZero();
    assertThat(existing(kept)).containsExactlyInAnyOrderElementsOf(kept);
  }

  /** Records how many rows each statement deleted. */
  static final class RecordingStore extends NotificationStore {
    final List<Integer> limits = new ArrayList<>();
    final List<Integer> deleted = new ArrayList<>();

    RecordingStore(JdbcClient jdbc) {
      super(jdbc);
    }

    @Override
    int deleteFinishedBefore(Instant before, int limit) {
      int count = super.deleteFinishedBefore(before, limit);
      limits.add(limit);
      deleted.add(count);
      return count;
    }
  }

  @Test
  void aBacklogGoesInBoundedBatchesUntilNoneIsLeft() {
    Instant now = Instant.parse("2019-01-01T00:00:00Z");
    List<UUID> backlog = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      backlog.add(
          message(
              i % 2 == 0 ? jetis : purwokerto,
              "application.approved",
              i % 3 == 0 ? "FAILED" : "SENT",
              now.minus(Duration.ofDays(200 + i))));
    }
    UUID pending =
        message(jetis, "application.approved", "PENDING", now.minus(Duration.ofDays(300)));
    RecordingStore store = new RecordingStore(jdbc);

    NotificationPurge.Purged purged = purgeAt(now, store, 3).purge(now);

    assertThat(purged.messages()).isEqualTo(7);
    assertThat(store.limits).containsOnly(3);
    assertThat(store.deleted).containsExactly(3, 3, 1);
    assertThat(existing(backlog)).isEmpty();
    assertThat(existing(List.of(pending))).containsExactly(pending);
  }

  // --- the application's settings and the message log ---------------------------------------

  @Test
  void theDefaultsKeepMessagesHalfAYearAndSignInCodesADay() {
    assertThat(configured.messages()).isEqualTo(Duration.ofDays(180));
    assertThat(configured.oneTimeCodes()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void theMessageLogSaysHowLongMessagesAreKept() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");

    assertThat(admin.get("/admin/pesan").body())
        .contains("Pesan terkirim dan gagal disimpan selama 180 hari sejak dibuat")
        .contains("pesan kode masuk portal warga hanya 1 hari")
        .contains("Pesan yang menunggu dikirim tidak dihapus.");
    assertThat(admin.get("/admin/pesan?lang=en").body())
        .contains("Sent and failed messages are kept for 180 days after they were written")
        .contains("sign-in code messages of the resident portal for only 1 day")
        .contains("Messages waiting to be sent are never deleted.");
  }
}
