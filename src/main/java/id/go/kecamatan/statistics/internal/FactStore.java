package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.statistics.Measure;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the facts and the monthly counts in step: a fact stored again takes its old contributions
 * back and adds its new ones, in one transaction with the fact row locked, so events delivered
 * twice or out of order never count twice.
 */
@Component
public class FactStore {

  private final JdbcClient jdbc;

  /** The key of the current transaction's office totals ({@link #totals}). */
  private final Object pendingTotals = new Object();

  FactStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores an application's fact unless the stored one was computed from a longer timeline (a
   * slower listener must not overwrite a newer state).
   *
   * @return whether the fact was stored
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean store(ApplicationFact fact, UUID regencyId) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
        .param(fact.applicationId().toString())
        .query((rs, i) -> 1)
        .list();
    Optional<Stored> stored =
        jdbc.sql(
                """
                select steps, contributions, assignee_id from stat_application
                where application_id = ? for update
                """)
            .param(fact.applicationId())
            .query(
                (rs, i) -> {
                  Array array = rs.getArray(2);
                  List<Contribution> old = new ArrayList<>();
                  for (Object o : (Object[]) array.getArray()) {
                    old.add(Contribution.decode((String) o));
                  }
                  return new Stored(rs.getInt(1), old, rs.getObject(3, UUID.class));
                })
            .optional();
    if (stored.isPresent() && stored.get().steps() > fact.steps()) {
      return false;
    }
    Map<Contribution, Integer> delta = new HashMap<>();
    stored.ifPresent(s -> s.contributions().forEach(c -> delta.merge(c, -1, Integer::sum)));
    fact.contributions().forEach(c -> delta.merge(c, 1, Integer::sum));
    delta.values().removeIf(n -> n == 0);
    jdbc.sql(
            """
            insert into stat_application (application_id, office_id, regency_id, service_id,
              channel, village_id, tracking_code, submitted_at, deadline, status,
              completion_requests, finished_at, outcome, working_days, met_deadline, steps,
              contributions)
            values (:id, :office, :regency, :service, :channel, :village, :code, :submitted,
              :deadline, :status, :requests, :finished, :outcome, :days, :met, :steps,
              cast(:contributions as text[]))
            on conflict (application_id) do update set status = excluded.status,
              deadline = excluded.deadline, completion_requests = excluded.completion_requests,
              finished_at = excluded.finished_at, outcome = excluded.outcome,
              working_days = excluded.working_days, met_deadline = excluded.met_deadline,
              steps = excluded.steps, contributions = excluded.contributions
            """)
        .param("id", fact.applicationId())
        .param("office", fact.officeId())
        .param("regency", regencyId)
        .param("service", fact.serviceId())
        .param("channel", fact.channel())
        .param("village", fact.villageId())
        .param("code", fact.trackingCode())
        .param("submitted", Timestamp.from(fact.submittedAt()))
        .param("deadline", fact.deadline())
        .param("status", fact.status().name())
        .param("requests", fact.completionRequests())
        .param("finished", fact.finishedAt() == null ? null : Timestamp.from(fact.finishedAt()))
        .param("outcome", fact.outcome() == null ? null : fact.outcome().name())
        .param("days", fact.workingDays())
        .param("met", fact.metDeadline())
        .param("steps", fact.steps())
        .param(
            "contributions",
            "{"
                + String.join(
                    ",", fact.contributions().stream().map(c -> "\"" + c.encode() + "\"").toList())
                + "}")
        .update();
    List<Grains.Key> keys =
        new ArrayList<>(
            Grains.of(
                fact.officeId(), regencyId, fact.serviceId(), fact.channel(), fact.villageId()));
    UUID assignee = stored.map(Stored::assigneeId).orElse(null);
    if (assignee != null) {
      keys.addAll(Grains.officer(assignee, fact.serviceId(), fact.channel(), fact.villageId()));
    }
    OfficeTotals totals = totals(fact.officeId());
    delta.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().encode()))
        .forEach(e -> add(keys, e.getKey(), e.getValue(), totals));
    return true;
  }

  private record Stored(int steps, List<Contribution> contributions, UUID assigneeId) {}

  /**
   * Moves an application's contributions to the officer it is now assigned to (from the one it
   * had), unless a later assignment was stored already.
   *
   * @return false when the application's fact is not stored yet (the caller stores it first)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean assign(UUID applicationId, UUID staffId, Instant at) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
        .param(applicationId.toString())
        .query((rs, i) -> 1)
        .list();
    record Row(
        UUID assignee,
        Instant assignedAt,
        UUID service,
        String channel,
        UUID village,
        List<Contribution> contributions) {}
    Optional<Row> row =
        jdbc.sql(
                """
                select assignee_id, assigned_at, service_id, channel, village_id, contributions
                from stat_application where application_id = ? for update
                """)
            .param(applicationId)
            .query(
                (rs, i) -> {
                  List<Contribution> contributions = new ArrayList<>();
                  for (Object o : (Object[]) rs.getArray(6).getArray()) {
                    contributions.add(Contribution.decode((String) o));
                  }
                  Timestamp assignedAt = rs.getTimestamp(2);
                  return new Row(
                      rs.getObject(1, UUID.class),
                      assignedAt == null ? null : assignedAt.toInstant(),
                      rs.getObject(3, UUID.class),
                      rs.getString(4),
                      rs.getObject(5, UUID.class),
                      contributions);
                })
            .optional();
    if (row.isEmpty()) {
      return false;
    }
    Row r = row.get();
    if (r.assignedAt() != null && !at.isAfter(r.assignedAt())) {
      return true; // this assignment or a later one is stored
    }
    jdbc.sql(
            "update stat_application set assignee_id = ?, assigned_at = ? where application_id = ?")
        .params(staffId, Timestamp.from(at), applicationId)
        .update();
    if (staffId.equals(r.assignee())) {
      return true;
    }
    List<Contribution> sorted =
        r.contributions().stream().sorted(Comparator.comparing(Contribution::encode)).toList();
    OfficeTotals none = new OfficeTotals(null); // an officer's rows have no office totals
    if (r.assignee() != null) {
      List<Grains.Key> old = Grains.officer(r.assignee(), r.service(), r.channel(), r.village());
      sorted.forEach(c -> add(old, c, -1, none));
    }
    List<Grains.Key> now = Grains.officer(staffId, r.service(), r.channel(), r.village());
    sorted.forEach(c -> add(now, c, 1, none));
    return true;
  }

  /**
   * Adds measures' counts of one month at every grain of a figure of the office with these
   * dimensions (whose service, channel and village may be null: a figure without one).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void count(UUID officeId, Dimensions at, YearMonth month, Map<Measure, Long> counts) {
    List<Grains.Key> keys =
        Grains.of(officeId, at.regencyId(), at.serviceId(), at.channel(), at.villageId());
    OfficeTotals totals = totals(officeId);
    counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(Measure::name)))
        .forEach(e -> add(keys, Contribution.count(month, e.getKey()), e.getValue(), totals));
  }

  /**
   * The office's totals in the current transaction, written once, when it commits, after every
   * count row it changed (offices in the order of their ids). So two transactions never take an
   * office's totals row and a count row in opposite orders: one that counted twice (an answer to a
   * complaint not yet counted received counts it received, then answered) deadlocked against one
   * that counted once, each holding what the other waited for.
   */
  private OfficeTotals totals(UUID officeId) {
    @SuppressWarnings("unchecked")
    Map<UUID, OfficeTotals> pending =
        (Map<UUID, OfficeTotals>) TransactionSynchronizationManager.getResource(pendingTotals);
    if (pending == null) {
      Map<UUID, OfficeTotals> fresh = new TreeMap<>();
      TransactionSynchronizationManager.bindResource(pendingTotals, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void suspend() {
              TransactionSynchronizationManager.unbindResource(pendingTotals);
            }

            @Override
            public void resume() {
              TransactionSynchronizationManager.bindResource(pendingTotals, fresh);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
              fresh.values().forEach(totals -> totals.write(jdbc));
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(pendingTotals);
            }
          });
      pending = fresh;
    }
    return pending.computeIfAbsent(officeId, OfficeTotals::new);
  }

  /**
   * Adds one contribution to the rows of these keys, in one statement: the rows are upserted in the
   * keys' order, the order every writer locks them in.
   */
  private void add(List<Grains.Key> keys, Contribution c, long n, OfficeTotals totals) {
    keys.forEach(key -> totals.add(key, c, n));
    String rows =
        """
        from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as text[]), cast(? as uuid[]))
          with ordinality as k(scope_id, service_id, channel, village_id, position)
        order by k.position
        """;
    jdbc.sql(
            c.isDuration()
                ? """
                  insert into stat_duration (scope_id, month, service_id, channel, village_id, days, n)
                  select k.scope_id, ?, k.service_id, k.channel, k.village_id, ?, ?
                  """
                    + rows
                    + """
                    on conflict (scope_id, village_id, channel, month, service_id, days)
                    do update set n = stat_duration.n + excluded.n
                    """
                : """
                  insert into stat_count (scope_id, month, service_id, channel, village_id, measure, n)
                  select k.scope_id, ?, k.service_id, k.channel, k.village_id, ?, ?
                  """
                    + rows
                    + """
                    on conflict (scope_id, village_id, month, measure, service_id, channel)
                    do update set n = stat_count.n + excluded.n
                    """)
        .params(
            c.firstDay(),
            c.isDuration() ? c.days() : c.measure().name(),
            n,
            keys.stream().map(Grains.Key::scopeId).toArray(UUID[]::new),
            keys.stream().map(Grains.Key::serviceId).toArray(UUID[]::new),
            keys.stream().map(Grains.Key::channel).toArray(String[]::new),
            keys.stream().map(Grains.Key::villageId).toArray(UUID[]::new))
        .update();
  }

  /** The dimensions of an application already known, for the figures of its letters. */
  public Optional<Dimensions> dimensions(UUID officeId, UUID applicationId) {
    return jdbc.sql(
            """
            select regency_id, service_id, channel, village_id from stat_application
            where office_id = ? and application_id = ?
            """)
        .params(officeId, applicationId)
        .query(
            (rs, i) ->
                new Dimensions(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getObject(4, UUID.class)))
        .optional();
  }

  /** Where a figure is counted: its office's regency, its service, channel and village. */
  public record Dimensions(UUID regencyId, UUID serviceId, String channel, UUID villageId) {}

  static Timestamp at(Instant instant) {
    return Timestamp.from(instant);
  }
}
