package id.go.kecamatan.casework;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.IllegalTransitionException;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two officers decide on one application at the same moment, on the real database: exactly one
 * decision is stored, the other gets the optimistic-locking failure (or finds the status moved on),
 * and the timeline has one step for it.
 */
@IntegrationTest
class ConcurrentDecisionsIntegrationTests {

  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired RequirementChecks requirementChecks;
  @Autowired JdbcClient jdbc;

  Officer officer(UUID officeId, String username) {
    return officer(officeId, username, Role.VERIFIER);
  }

  Officer officer(UUID officeId, String username, Role role) {
    UUID id =
        jdbc.sql("select id from staff where username = ?")
            .param(username)
            .query(UUID.class)
            .single();
    UUID regency =
        jdbc.sql("select regency_id from office where id = ?")
            .param(officeId)
            .query(UUID.class)
            .single();
    return new Officer(id, username, username, regency, officeId, null, Set.of(role));
  }

  @Test
  void approvingAndRejectingAtOnceLeaveExactlyOneOutcome() throws Exception {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID jetis = fixtures.jetis();
    for (int round = 0; round < 5; round++) {
      Application a =
          fixtures.domisili(
              jetis, fixtures.operatorVillage("desa.jetis"), CaseworkFixtures.unique("Race"));
      Officer first = officer(jetis, "verifikator.jetis");
      Officer second = officer(jetis, "admin.jetis");
      casework.startReview(first, a.id());
      for (UUID requirement :
          jdbc.sql(
                  "select distinct requirement_id from application_attachment where application_id = ?")
              .param(a.id().value())
              .query(UUID.class)
              .list()) {
        assertThat(requirementChecks.check(first, a.id(), requirement, "accept", null, null).ok())
            .isTrue();
      }
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<String>> both = new ArrayList<>();
      both.add(
          () -> {
            start.await();
            return casework.approve(first, a.id()).ok() ? "APPROVED" : "refused";
          });
      both.add(
          () -> {
            start.await();
            return casework.reject(second, a.id(), "Data ganda").ok() ? "REJECTED" : "refused";
          });
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<String>> futures = new ArrayList<>();
        for (Callable<String> c : both) {
          futures.add(pool.submit(c));
        }
        start.countDown();
        List<String> won = new ArrayList<>();
        int lost = 0;
        for (Future<String> f : futures) {
          try {
            won.add(f.get(30, TimeUnit.SECONDS));
          } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause())
                .isInstanceOfAny(
                    OptimisticLockingFailureException.class, IllegalTransitionException.class);
            lost++;
          }
        }
        assertThat(won).hasSize(1);
        assertThat(lost).isEqualTo(1);
        String status =
            jdbc.sql("select status from application where id = ?")
                .param(a.id().value())
                .query(String.class)
                .single();
        assertThat(status).isEqualTo(won.get(0));
        assertThat(
                jdbc.sql(
                        """
                        select count(*) from application_status_change
                        where application_id = ? and from_status = 'IN_REVIEW'
                        """)
                    .param(a.id().value())
                    .query(Integer.class)
                    .single())
            .isEqualTo(1);
        assertThat(
                jdbc.sql(
                        """
                        select count(*) from audit_event where entity_id = ?
                        and action in ('application.approved', 'application.rejected')
                        """)
                    .param(a.id().toString())
                    .query(Integer.class)
                    .single())
            .isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Runs both at the same moment; the results, a lost race (exception) as {@code "lost"}. */
  static List<String> race(Callable<String> one, Callable<String> other) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (Callable<String> c : List.of(one, other)) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return c.call();
                }));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> f : futures) {
        try {
          results.add(f.get(30, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause())
              .isInstanceOfAny(
                  OptimisticLockingFailureException.class, IllegalTransitionException.class);
          results.add("lost");
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  int count(String sql, Object id) {
    return jdbc.sql(sql).param(id).query(Integer.class).single();
  }

  @Test
  void theStepsOfASecondCheckRacedLeaveOneOutcome() throws Exception {
    CaseworkFixtures fixtures = new CaseworkFixtures(applications, jdbc);
    UUID jetis = fixtures.jetis();
    String code = fixtures.copyOfDomisili(jetis, "SIGNER");
    Officer verifier = officer(jetis, "verifikator.jetis");
    Officer admin = officer(jetis, "admin.jetis", Role.OFFICE_ADMIN);
    Officer signer = officer(jetis, "camat.jetis", Role.SIGNER);
    for (int round = 0; round < 4; round++) {
      Application a =
          fixtures.domisili(
              jetis, fixtures.operatorVillage("desa.jetis"), CaseworkFixtures.unique("Race"), code);
      casework.startReview(verifier, a.id());
      for (UUID requirement :
          jdbc.sql(
                  "select distinct requirement_id from application_attachment where application_id = ?")
              .param(a.id().value())
              .query(UUID.class)
              .list()) {
        assertThat(
                requirementChecks.check(verifier, a.id(), requirement, "accept", null, null).ok())
            .isTrue();
      }
      // two first checks at once: one is recorded, the other is told it waits for the second
      List<String> first =
          race(
              () -> casework.approve(verifier, a.id()).ok() ? "first" : "refused",
              () -> casework.approve(admin, a.id()).ok() ? "first" : "refused");
      assertThat(first).containsExactlyInAnyOrder("first", "refused");
      assertThat(
              count(
                  "select count(*) from casework_first_check where application_id = ?",
                  a.id().value()))
          .isEqualTo(1);
      // the second check and a rejection at once: one outcome, and no first check left behind
      // by the rejection
      List<String> second =
          race(
              () -> casework.approve(signer, a.id()).ok() ? "APPROVED" : "refused",
              () -> casework.reject(verifier, a.id(), "Data ganda").ok() ? "REJECTED" : "refused");
      assertThat(second).contains("lost");
      String status =
          jdbc.sql("select status from application where id = ?")
              .param(a.id().value())
              .query(String.class)
              .single();
      assertThat(second).contains(status);
      assertThat(
              count(
                  """
                  select count(*) from application_status_change
                  where application_id = ? and from_status = 'IN_REVIEW'
                  """,
                  a.id().value()))
          .isEqualTo(1);
      assertThat(
              count(
                  "select count(*) from casework_first_check where application_id = ?",
                  a.id().value()))
          .isEqualTo(status.equals("APPROVED") ? 1 : 0);
    }
  }
}
