package id.go.kecamatan.counter;

import id.go.kecamatan.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calling at a counter (pemanggilan): call the next ticket, call again (not within the set seconds,
 * at most three calls), no-show after three calls (back in the queue once), serve, hold and resume,
 * transfer to another counter or group, finish with an outcome. Every step is guarded by the
 * ticket's current status and counter, takes the office's queue lock, is audited and moves the
 * queue's version for the display boards.
 */
@Service
public class Calling {

  /** The most calls of a ticket before it may be marked a no-show. */
  public static final int MAX_CALLS = 3;

  /** A step's result: the ticket after it, or the message key of why it was refused. */
  public record Result(Ticket ticket, String error) {

    public boolean ok() {
      return error == null;
    }

    static Result refused(String key) {
      return new Result(null, key);
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Queue queue;
  private final Desks desks;
  private final QueueSettings settings;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  Calling(
      JdbcClient jdbc,
      Clock clock,
      Queue queue,
      Desks desks,
      QueueSettings settings,
      AuditTrail audit,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.queue = queue;
    this.desks = desks;
    this.settings = settings;
    this.audit = audit;
    this.events = events;
  }

  /** The ticket a counter has called or is serving now, if any. */
  public Optional<Ticket> atDesk(UUID officeId, UUID deskId) {
    return queue.today(officeId).stream()
        .filter(
            t ->
                deskId.equals(t.deskId())
                    && (t.status() == TicketStatus.CALLED || t.status() == TicketStatus.SERVING))
        .findFirst();
  }

  /** The tickets a counter holds (ditunda). */
  public List<Ticket> heldAt(UUID officeId, UUID deskId) {
    return queue.today(officeId).stream()
        .filter(t -> deskId.equals(t.deskId()) && t.status() == TicketStatus.ON_HOLD)
        .toList();
  }

  /** Calls the next ticket in this counter's order. */
  @Transactional
  public Result callNext(UUID officeId, UUID deskId) {
    Instant now = lock(officeId);
    Desks.Desk desk = desk(officeId, deskId);
    if (desk == null) {
      return Result.refused("counter.error.noDesk");
    }
    if (atDesk(officeId, deskId).isPresent()) {
      return Result.refused("counter.error.busy");
    }
    List<Ticket> line = queue.waitingFor(officeId, desk);
    if (line.isEmpty()) {
      return Result.refused("counter.error.empty");
    }
    Ticket next = line.get(0);
    jdbc.sql(
            """
            update ticket set status = 'CALLED', desk_id = ?, target_desk_id = null,
              calls = calls + 1, first_called_at = coalesce(first_called_at, ?),
              last_called_at = ?, wait_outside = false, version = version + 1
            where id = ? and status = 'WAITING'
            """)
        .params(deskId, Timestamp.from(now), Timestamp.from(now), next.id())
        .update();
    logCall(officeId, next, deskId, now, true);
    audit.record(officeId, "counter.ticket.called", "ticket", next.id(), details(next, desk));
    announceNearTurns(officeId);
    return new Result(reload(officeId, next.id()), null);
  }

  /** Calls the counter's called ticket again. */
  @Transactional
  public Result recall(UUID officeId, UUID deskId, UUID ticketId) {
    Instant now = lock(officeId);
    Optional<Ticket> found = mine(officeId, deskId, ticketId, TicketStatus.CALLED);
    if (found.isEmpty()) {
      return Result.refused("counter.error.stale");
    }
    Ticket t = found.get();
    if (t.calls() >= MAX_CALLS) {
      return Result.refused("counter.error.callsUsed");
    }
    int gap = settings.of(officeId).recallSeconds();
    if (t.lastCalledAt() != null && Duration.between(t.lastCalledAt(), now).getSeconds() < gap) {
      return Result.refused("counter.error.recallTooSoon");
    }
    jdbc.sql(
            "update ticket set calls = calls + 1, last_called_at = ?, version = version + 1 where id = ?")
        .params(Timestamp.from(now), ticketId)
        .update();
    logCall(officeId, t, deskId, now, false);
    audit.record(
        officeId,
        "counter.ticket.recalled",
        "ticket",
        ticketId,
        Map.of("label", t.label(), "calls", t.calls() + 1));
    return new Result(reload(officeId, ticketId), null);
  }

  /**
   * After three calls: the first time back at the end of the queue, the second time a no-show
   * (tidak hadir).
   */
  @Transactional
  public Result noShow(UUID officeId, UUID deskId, UUID ticketId) {
    Instant now = lock(officeId);
    Optional<Ticket> found = mine(officeId, deskId, ticketId, TicketStatus.CALLED);
    if (found.isEmpty()) {
      return Result.refused("counter.error.stale");
    }
    Ticket t = found.get();
    if (t.calls() < MAX_CALLS) {
      return Result.refused("counter.error.callThreeTimes");
    }
    if (t.requeues() == 0) {
      jdbc.sql(
              """
              update ticket set status = 'WAITING', desk_id = null, calls = 0, requeues = 1,
                queued_at = ?, near_turn_sent = false, version = version + 1 where id = ?
              """)
          .params(Timestamp.from(now), ticketId)
          .update();
      audit.record(
          officeId, "counter.ticket.requeued", "ticket", ticketId, Map.of("label", t.label()));
    } else {
      jdbc.sql(
              """
              update ticket set status = 'NO_SHOW', finished_at = ?, version = version + 1
              where id = ?
              """)
          .params(Timestamp.from(now), ticketId)
          .update();
      audit.record(
          officeId, "counter.ticket.noShow", "ticket", ticketId, Map.of("label", t.label()));
    }
    announceNearTurns(officeId);
    return new Result(reload(officeId, ticketId), null);
  }

  /** The resident came to the counter: being served (walk-to-desk time ends). */
  @Transactional
  public Result serve(UUID officeId, UUID deskId, UUID ticketId) {
    Instant now = lock(officeId);
    Optional<Ticket> found = mine(officeId, deskId, ticketId, TicketStatus.CALLED);
    if (found.isEmpty()) {
      return Result.refused("counter.error.stale");
    }
    jdbc.sql(
            "update ticket set status = 'SERVING', serving_at = ?, version = version + 1 where id = ?")
        .params(Timestamp.from(now), ticketId)
        .update();
    audit.record(
        officeId,
        "counter.ticket.serving",
        "ticket",
        ticketId,
        Map.of("label", found.get().label()));
    return new Result(reload(officeId, ticketId), null);
  }

  /** Puts the counter's ticket on hold (e.g. the resident fetches a missing paper). */
  @Transactional
  public Result hold(UUID officeId, UUID deskId, UUID ticketId) {
    lock(officeId);
    Optional<Ticket> found =
        mine(officeId, deskId, ticketId, TicketStatus.CALLED)
            .or(() -> mine(officeId, deskId, ticketId, TicketStatus.SERVING));
    if (found.isEmpty()) {
      return Result.refused("counter.error.stale");
    }
    jdbc.sql("update ticket set status = 'ON_HOLD', version = version + 1 where id = ?")
        .param(ticketId)
        .update();
    audit.record(
        officeId, "counter.ticket.held", "ticket", ticketId, Map.of("label", found.get().label()));
    return new Result(reload(officeId, ticketId), null);
  }

  /** Takes a held ticket back to the counter (being served again). */
  @Transactional
  public Result resume(UUID officeId, UUID deskId, UUID ticketId) {
    Instant now = lock(officeId);
    Optional<Ticket> found = mine(officeId, deskId, ticketId, TicketStatus.ON_HOLD);
    if (found.isEmpty()) {
      return Result.refused("counter.error.stale");
    }
    if (atDesk(officeId, deskId).isPresent()) {
      return Result.refused("counter.error.busy");
    }
    jdbc.sql(
            """
            update ticket set status = 'SERVING', serving_at = coalesce(serving_at, ?),
              version = version + 1 where id = ?
            """)
        .params(Timestamp.from(now), ticketId)
        .update();
    audit.record(
        officeId,
        "counter.ticket.resumed",
        "ticket",
        ticketId,
        Map.of("label", found.get().label()));
    return new Result(reload(officeId, ticketId), null);
  }

  /**
   * Sends the counter's ticket to another counter or another group: it waits again, keeping its
   * place by arrival, and is called by that counter (or any counter of that group).
   */
  @Transactional
  public Result transfer(UUID officeId, UUID deskId, UUID ticketId, UUID toDeskId, UUID toGroupId) {
    lock(officeId);
    Optional<Ticket> found =
        mine(officeId, deskId, ticketId, TicketStatus.CALLED)
            .or(() -> mine(officeId, deskId, ticketId, TicketStatus.SERVING))
            .or(() -> mine(officeId, deskId, ticketId, TicketStatus.ON_HOLD));
    if (found.isEmpty()) {
      return Result.refused("counter.error.stale");
    }
    Ticket t = found.get();
    if ((toDeskId == null) == (toGroupId == null)) {
      return Result.refused("counter.error.transferTarget");
    }
    UUID group = t.groupId();
    UUID targetDesk = null;
    String to;
    if (toDeskId != null) {
      Desks.Desk target = desk(officeId, toDeskId);
      if (target == null || target.id().equals(deskId) || !target.active()) {
        return Result.refused("counter.error.transferTarget");
      }
      targetDesk = target.id();
      to = target.name();
    } else {
      Optional<ServiceGroups.Setting> target =
          jdbc.sql(
                  "select id, prefix, name from service_group where id = ? and office_id = ? and active")
              .params(toGroupId, officeId)
              .query(
                  (rs, i) ->
                      new ServiceGroups.Setting(
                          rs.getObject(1, UUID.class),
                          rs.getString(2),
                          rs.getString(3),
                          0,
                          0,
                          true,
                          null,
                          0,
                          true,
                          0))
              .optional();
      if (target.isEmpty() || target.get().id().equals(t.groupId())) {
        return Result.refused("counter.error.transferTarget");
      }
      group = target.get().id();
      to = target.get().prefix() + " " + target.get().name();
    }
    jdbc.sql(
            """
            update ticket set status = 'WAITING', desk_id = null, target_desk_id = ?, group_id = ?,
              calls = 0, near_turn_sent = false, version = version + 1 where id = ?
            """)
        .params(targetDesk, group, ticketId)
        .update();
    audit.record(
        officeId,
        "counter.ticket.transferred",
        "ticket",
        ticketId,
        Map.of("label", t.label(), "to", to));
    announceNearTurns(officeId);
    return new Result(reload(officeId, ticketId), null);
  }

  /** Finishes the counter's ticket being served (or held) with an outcome. */
  @Transactional
  public Result finish(UUID officeId, UUID deskId, UUID ticketId, VisitOutcome outcome) {
    Instant now = lock(officeId);
    Optional<Ticket> found =
        mine(officeId, deskId, ticketId, TicketStatus.SERVING)
            .or(() -> mine(officeId, deskId, ticketId, TicketStatus.ON_HOLD));
    if (found.isEmpty()) {
      return Result.refused("counter.error.stale");
    }
    if (outcome == null) {
      return Result.refused("counter.error.outcome");
    }
    jdbc.sql(
            """
            update ticket set status = 'DONE', outcome = ?, finished_at = ?,
              serving_at = coalesce(serving_at, ?), version = version + 1 where id = ?
            """)
        .params(outcome.name(), Timestamp.from(now), Timestamp.from(now), ticketId)
        .update();
    audit.record(
        officeId,
        "counter.ticket.finished",
        "ticket",
        ticketId,
        Map.of("label", found.get().label(), "outcome", outcome.name()));
    return new Result(reload(officeId, ticketId), null);
  }

  /**
   * Links the application started for the ticket's holder (assisted intake) to the ticket, so the
   * visit and the application are one story.
   */
  @Transactional
  public boolean linkApplication(UUID officeId, UUID ticketId, UUID applicationId) {
    int updated =
        jdbc.sql(
                "update ticket set application_id = ?, version = version + 1 where id = ? and office_id = ? and status in ('SERVING', 'ON_HOLD', 'DONE')")
            .params(applicationId, ticketId, officeId)
            .update();
    if (updated > 0) {
      audit.record(
          officeId,
          "counter.ticket.application",
          "ticket",
          ticketId,
          Map.of("application", applicationId.toString()));
    }
    return updated > 0;
  }

  /**
   * Asks those near their turn in: a ticket waiting outside within the set places comes inside, and
   * one with a phone or e-mail gets the message (once per joining of the queue).
   */
  void announceNearTurns(UUID officeId) {
    int ahead = settings.of(officeId).notifyAhead();
    List<UUID> groupIds =
        jdbc.sql("select id from service_group where office_id = ?")
            .param(officeId)
            .query(UUID.class)
            .list();
    List<TicketNearTurn> near = new ArrayList<>();
    for (UUID group : groupIds) {
      List<Ticket> line = queue.waitingIn(officeId, group);
      for (int i = 0; i < Math.min(ahead, line.size()); i++) {
        Ticket t = line.get(i);
        int updated =
            jdbc.sql(
                    "update ticket set near_turn_sent = true, wait_outside = false where id = ? and not near_turn_sent")
                .param(t.id())
                .update();
        if (updated > 0 && t.hasContact()) {
          near.add(new TicketNearTurn(officeId, t.id(), t.label(), i + 1));
        }
      }
    }
    near.forEach(events::publishEvent);
  }

  private Instant lock(UUID officeId) {
    Instant now = clock.instant();
    QueueChanges.bump(jdbc, officeId, now);
    return now;
  }

  private Desks.Desk desk(UUID officeId, UUID deskId) {
    return desks.get(officeId, deskId).filter(Desks.Desk::active).orElse(null);
  }

  private Optional<Ticket> mine(UUID officeId, UUID deskId, UUID ticketId, TicketStatus status) {
    return queue
        .get(officeId, ticketId)
        .filter(
            t ->
                t.status() == status && deskId.equals(t.deskId()) && t.day().equals(queue.today()));
  }

  private Ticket reload(UUID officeId, UUID ticketId) {
    return queue.get(officeId, ticketId).orElseThrow();
  }

  private void logCall(UUID officeId, Ticket t, UUID deskId, Instant now, boolean first) {
    jdbc.sql(
            """
            insert into ticket_call (office_id, ticket_id, desk_id, called_at, first_call, priority)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(officeId, t.id(), deskId, Timestamp.from(now), first, t.priorityWalkIn())
        .update();
  }

  private static Map<String, Object> details(Ticket t, Desks.Desk desk) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("label", t.label());
    d.put("desk", desk.number());
    return d;
  }
}
