package id.go.kecamatan.portal.internal;

import static id.go.kecamatan.portal.PortalResidents.international;
import static id.go.kecamatan.portal.PortalResidents.newPhone;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.portal.PortalResidents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The purge of the portal's sign-in requests and sessions on the demo database: those expired,
 * ended or idle for more than a day go, the others stay, and a resident signed in (or holding a
 * fresh code) carries on as if nothing happened.
 *
 * <p>The rows of the first tests are written relative to a fixed instant years before the test run
 * and purged at that instant, so the purge touches only them, whatever the wall clock says.
 */
@IntegrationTest
class PortalPurgeIntegrationTests {

  static final Instant NOW = Instant.parse("2021-06-01T00:00:00Z");
  static final String CONTACT = "purge-test-";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Applications applications;
  @Autowired PortalSignIn signIn;
  @Autowired PortalSessions sessions;
  @Autowired PortalLimits limits;
  @Autowired SessionRepository<? extends Session> httpSessions;

  @BeforeEach
  void setUp() {
    limits.reset();
  }

  @AfterEach
  void tearDown() {
    jdbc.sql("delete from portal_code_request where contact like ?").param(CONTACT + "%").update();
    jdbc.sql("delete from portal_session where contact like ?").param(CONTACT + "%").update();
  }

  // --- fixtures ------------------------------------------------------------------------------

  /** The purge as the application wires it (30 minutes idle), in batches of two rows. */
  PortalPurge purge(Instant now) {
    return new PortalPurge(
        signIn,
        sessions,
        httpSessions,
        new PortalRetention(sessions.idleTimeout()),
        Clock.fixed(now, ZoneOffset.UTC),
        2);
  }

  static String contact() {
    return CONTACT + UUID.randomUUID() + "@warga.example.id";
  }

  /** A sign-in request that expires at {@code expiresAt}, used at {@code usedAt} (or not). */
  UUID codeRequest(Instant expiresAt, Instant usedAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into portal_code_request
              (id, contact, code_hash, created_at, expires_at, used_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            contact(),
            "0".repeat(64),
            Timestamp.from(expiresAt.minus(Duration.ofMinutes(10))),
            Timestamp.from(expiresAt),
            usedAt == null ? null : Timestamp.from(usedAt))
        .update();
    return id;
  }

  /** A portal session last seen at {@code lastSeenAt}, ended at {@code endedAt} (or not). */
  UUID session(Instant lastSeenAt, Instant endedAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into portal_session
              (id, contact, http_session, created_at, last_seen_at, ended_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            contact(),
            UUID.randomUUID().toString(),
            Timestamp.from(lastSeenAt.minus(Duration.ofMinutes(5))),
            Timestamp.from(lastSeenAt),
            endedAt == null ? null : Timestamp.from(endedAt))
        .update();
    return id;
  }

  List<UUID> existing(String table, Collection<UUID> ids) {
    return jdbc.sql("select id from " + table + " where id = any(?)")
        .param(ids.toArray(UUID[]::new))
        .query(UUID.class)
        .list();
  }

  static Instant ago(Duration duration) {
    return NOW.minus(duration);
  }

  // --- what goes and what stays --------------------------------------------------------------

  @Test
  void signInRequestsGoADayAfterTheyExpired() {
    List<UUID> gone =
        List.of(
            codeRequest(ago(Duration.ofHours(25)), null),
            codeRequest(ago(Duration.ofDays(2)), ago(Duration.ofDays(2).plusMinutes(5))),
            codeRequest(ago(Duration.ofDays(400)), null));
    List<UUID> kept =
        List.of(
            codeRequest(ago(Duration.ofHours(23)), null),
            codeRequest(ago(Duration.ofHours(23)), ago(Duration.ofHours(23).plusMinutes(5))),
            codeRequest(NOW.plus(Duration.ofMinutes(5)), null),
            codeRequest(NOW.plus(Duration.ofMinutes(9)), ago(Duration.ofMinutes(1))));

    PortalPurge.Purged purged = purge(NOW).purge(NOW);

    assertThat(purged.codeRequests()).isEqualTo(3);
    assertThat(existing("portal_code_request", gone)).isEmpty();
    assertThat(existing("portal_code_request", kept)).containsExactlyInAnyOrderElementsOf(kept);
  }

  @Test
  void sessionsGoADayAfterTheyEndedOrTimedOut() {
    List<UUID> gone =
        List.of(
            session(ago(Duration.ofDays(2)), ago(Duration.ofDays(2))),
            // signed out a day and ten minutes ago: not yet idle long enough, but ended long enough
            session(
                ago(Duration.ofDays(1).plusMinutes(11)), ago(Duration.ofDays(1).plusMinutes(10))),
            session(ago(Duration.ofDays(1).plusMinutes(31)), null),
            session(ago(Duration.ofDays(90)), null),
            session(ago(Duration.ofDays(3)), ago(Duration.ofMinutes(1))));
    List<UUID> kept =
        List.of(
            session(ago(Duration.ofMinutes(1)), null),
            session(ago(Duration.ofHours(2)), null),
            session(ago(Duration.ofDays(1).plusMinutes(29)), null),
            session(ago(Duration.ofHours(23).plusMinutes(5)), ago(Duration.ofHours(23))));

    purge(NOW).run(); // as scheduled, on the clock

    assertThat(existing("portal_session", gone)).isEmpty();
    assertThat(existing("portal_session", kept)).containsExactlyInAnyOrderElementsOf(kept);
  }

  // --- residents signing in carry on ---------------------------------------------------------

  @Test
  void aSignedInResidentAndAFreshCodeSurviveThePurgeAtTheRealTime() {
    String phone = newPhone();
    PortalResidents residents = new PortalResidents(applications, jdbc);
    residents.applyFrom("Warga Retensi", phone, null);
    WebClient signedIn = residents.signIn(new WebClient(port), phone);
    assertThat(signedIn.get("/portal").statusCode()).isEqualTo(200);

    WebClient waiting = new WebClient(port);
    residents.askCode(waiting, phone);
    String code = residents.lastCode(phone);

    Instant now = Clock.systemUTC().instant();
    purge(now).purge(now);

    assertThat(signedIn.get("/portal").statusCode())
        .as("a live session still works")
        .isEqualTo(200);
    waiting.get("/masuk-warga/kode");
    assertThat(WebClient.location(waiting.post("/masuk-warga/kode", "kode", code)))
        .as("a fresh code still signs in")
        .endsWith("/portal");
    assertThat(waiting.get("/portal").statusCode()).isEqualTo(200);
  }

  @Test
  void aBrowserWhosePortalSessionIsPurgedLosesThePortalsAccessToo() {
    String phone = newPhone();
    PortalResidents residents = new PortalResidents(applications, jdbc);
    String code = residents.applyFrom("Warga Lupa", phone, null).trackingCode().value();
    WebClient browser = residents.signIn(new WebClient(port), phone);
    assertThat(browser.get("/portal").statusCode()).isEqualTo(200);
    assertThat(browser.get("/status/" + code).statusCode()).isEqualTo(200);

    // the portal session went idle more than a day ago, while the browser kept its session
    jdbc.sql(
            """
            update portal_session set last_seen_at = now() - interval '2 days'
            where contact = ?
            """)
        .param(international(phone))
        .update();
    Instant now = Clock.systemUTC().instant();
    purge(now).purge(now);

    assertThat(WebClient.location(browser.get("/status/" + code)))
        .as("the status page asks for the phone digits again")
        .contains("/status?kode=");
    assertThat(WebClient.location(browser.get("/portal"))).contains("/masuk-warga");
  }
}
