package id.go.kecamatan.portal.internal;

import id.go.kecamatan.shared.db.Batches;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes the portal's sign-in requests and sessions past their {@link PortalRetention}, every
 * night by default ({@code layanan.portal.purge-cron}, 01:45 Western Indonesian Time), on one node
 * of a deployment at a time (ShedLock). It deletes in batches of {@value #BATCH} rows, each its own
 * statement and transaction, so that a backlog never holds many row locks while residents sign in.
 * The sign-in messages themselves belong to {@code notifications}, which purges them. The browser
 * session of a purged portal session is ended too: the session row is what "sign out everywhere"
 * finds it by, so a browser still holding the portal's access to status pages and letters must not
 * outlive it.
 */
@Component
class PortalPurge {

  static final int BATCH = 1_000;

  private static final Logger log = LoggerFactory.getLogger(PortalPurge.class);

  /** How many rows one run deleted. */
  record Purged(long codeRequests, long sessions) {}

  private final PortalSignIn signIn;
  private final PortalSessions sessions;
  private final SessionRepository<? extends Session> httpSessions;
  private final PortalRetention retention;
  private final Clock clock;
  private final int batch;

  @Autowired
  PortalPurge(
      PortalSignIn signIn,
      PortalSessions sessions,
      SessionRepository<? extends Session> httpSessions,
      Clock clock) {
    this(signIn, sessions, httpSessions, new PortalRetention(sessions.idleTimeout()), clock, BATCH);
  }

  PortalPurge(
      PortalSignIn signIn,
      PortalSessions sessions,
      SessionRepository<? extends Session> httpSessions,
      PortalRetention retention,
      Clock clock,
      int batch) {
    this.signIn = signIn;
    this.sessions = sessions;
    this.httpSessions = httpSessions;
    this.retention = retention;
    this.clock = clock;
    this.batch = batch;
  }

  @Scheduled(cron = "${layanan.portal.purge-cron:0 45 1 * * *}", zone = "${layanan.time-zone}")
  @SchedulerLock(name = "portal-purge", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
  void run() {
    Purged purged = purge(clock.instant());
    log.info(
        "Purged {} expired sign-in requests and {} ended or idle portal sessions",
        purged.codeRequests(),
        purged.sessions());
  }

  /** Deletes what is past its retention at {@code now}, batch after batch until none is left. */
  Purged purge(Instant now) {
    Instant codesBefore = retention.codesExpiredBefore(now);
    Instant endedBefore = retention.sessionsEndedBefore(now);
    Instant lastSeenBefore = retention.sessionsLastSeenBefore(now);
    return new Purged(
        Batches.untilDone(batch, limit -> signIn.deleteExpiredBefore(codesBefore, limit)),
        Batches.untilDone(
            batch,
            limit -> {
              List<String> browsers =
                  sessions.deleteEndedBefore(endedBefore, lastSeenBefore, limit);
              browsers.forEach(httpSessions::deleteById);
              return browsers.size();
            }));
  }
}
