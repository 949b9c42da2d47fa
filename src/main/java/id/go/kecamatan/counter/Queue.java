package id.go.kecamatan.counter;

import id.go.kecamatan.counter.internal.QueueOrder;
import id.go.kecamatan.counter.internal.TicketRows;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads an office's queue of today: the tickets, the order each counter calls them in, a ticket's
 * place and estimated wait, and the display board's figures.
 */
@Service
public class Queue {

  /** A ticket's place: how many are called before it and the estimated minutes until its call. */
  public record Standing(int ahead, int minutes) {

    /** Its place in line, 1 for the next. */
    public int position() {
      return ahead + 1;
    }
  }

  /** A call on the display board. */
  public record Call(String label, String spoken, int deskNumber, String deskName, Instant at) {}

  /** A group on the display board: how many wait and the estimated wait of a new ticket. */
  public record GroupLoad(ServiceGroup group, int waiting, int minutes) {}

  /** What the display board shows. */
  public record Board(
      long version,
      List<Call> current,
      List<Call> recent,
      List<GroupLoad> groups,
      int waiting,
      int waitingOutside) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ServiceGroups groups;
  private final Desks desks;
  private final QueueSettings settings;

  Queue(JdbcClient jdbc, Clock clock, ServiceGroups groups, Desks desks, QueueSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.groups = groups;
    this.desks = desks;
    this.settings = settings;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** A ticket of this office (another office's is not found). */
  public Optional<Ticket> get(UUID officeId, UUID ticketId) {
    return jdbc.sql(
            "select " + TicketRows.COLUMNS + " from ticket t where t.id = ? and t.office_id = ?")
        .params(ticketId, officeId)
        .query(TicketRows::ticket)
        .optional();
  }

  /** A ticket by the secret of the resident's link. */
  public Optional<Ticket> bySecret(String secret) {
    if (secret == null || !secret.matches("[A-Za-z0-9_-]{10,40}")) {
      return Optional.empty();
    }
    return jdbc.sql("select " + TicketRows.COLUMNS + " from ticket t where t.secret = ?")
        .param(secret)
        .query(TicketRows::ticket)
        .optional();
  }

  /** Today's tickets of the office, in issuing order. */
  public List<Ticket> today(UUID officeId) {
    return jdbc.sql(
            "select "
                + TicketRows.COLUMNS
                + " from ticket t where t.office_id = ? and t.day = ? order by t.issued_at, t.label")
        .params(officeId, today())
        .query(TicketRows::ticket)
        .list();
  }

  /** The tickets a counter may call, in the order it calls them. */
  public List<Ticket> waitingFor(UUID officeId, Desks.Desk desk) {
    List<Ticket> candidates =
        waiting(officeId).stream()
            .filter(
                t ->
                    desk.id().equals(t.targetDeskId())
                        || (t.targetDeskId() == null && desk.groupIds().contains(t.groupId())))
            .toList();
    return ordered(officeId, candidates, desk.groupIds());
  }

  /** The waiting tickets of a group (not sent to one counter), in the order they are called. */
  public List<Ticket> waitingIn(UUID officeId, UUID groupId) {
    List<Ticket> candidates =
        waiting(officeId).stream()
            .filter(t -> t.groupId().equals(groupId) && t.targetDeskId() == null)
            .toList();
    return ordered(officeId, candidates, Set.of(groupId));
  }

  List<Ticket> waiting(UUID officeId) {
    return jdbc.sql(
            "select "
                + TicketRows.COLUMNS
                + " from ticket t where t.office_id = ? and t.day = ? and t.status = 'WAITING'")
        .params(officeId, today())
        .query(TicketRows::ticket)
        .list();
  }

  List<Ticket> ordered(UUID officeId, List<Ticket> candidates, Collection<UUID> groupIds) {
    int cap = settings.of(officeId).priorityStreak();
    Map<UUID, Ticket> byId =
        candidates.stream().collect(Collectors.toMap(Ticket::id, Function.identity()));
    List<QueueOrder.Waiting> waiting =
        candidates.stream()
            .map(
                t ->
                    new QueueOrder.Waiting(
                        t.id(), t.priorityWalkIn(), t.scheduledAt(), t.queuedAt()))
            .toList();
    return QueueOrder.order(waiting, LocalDateTime.now(clock), streak(officeId, groupIds, cap), cap)
        .stream()
        .map(w -> byId.get(w.id()))
        .toList();
  }

  /** The priority walk-ins called in a row most recently today among these groups. */
  int streak(UUID officeId, Collection<UUID> groupIds, int cap) {
    if (groupIds.isEmpty()) {
      return 0;
    }
    List<Boolean> last =
        jdbc.sql(
                """
                select c.priority from ticket_call c join ticket t on t.id = c.ticket_id
                where c.office_id = ? and t.day = ? and c.first_call and t.scheduled_at is null
                  and t.group_id = any(?)
                order by c.called_at desc, c.id desc limit ?
                """)
            .params(officeId, today(), groupIds.toArray(new UUID[0]), cap)
            .query(Boolean.class)
            .list();
    int streak = 0;
    for (Boolean b : last) {
      if (!b) {
        break;
      }
      streak++;
    }
    return streak;
  }

  /** The ticket's place in its group's line and the estimated wait; empty unless it waits. */
  public Optional<Standing> standing(Ticket ticket) {
    if (ticket.status() != TicketStatus.WAITING || !ticket.day().equals(today())) {
      return Optional.empty();
    }
    List<Ticket> line =
        ticket.targetDeskId() != null
            ? desks
                .get(ticket.officeId(), ticket.targetDeskId())
                .map(d -> waitingFor(ticket.officeId(), d))
                .orElse(List.of(ticket))
            : waitingIn(ticket.officeId(), ticket.groupId());
    int ahead = 0;
    for (Ticket t : line) {
      if (t.id().equals(ticket.id())) {
        break;
      }
      ahead++;
    }
    return Optional.of(new Standing(ahead, estimate(ticket.officeId(), ticket.groupId(), ahead)));
  }

  /** Minutes until a ticket with {@code ahead} before it is called. */
  int estimate(UUID officeId, UUID groupId, int ahead) {
    if (ahead == 0) {
      return 0;
    }
    int minutes = minutesPerTicket(officeId, groupId);
    long serving =
        desks.of(officeId).stream()
            .filter(d -> d.active() && d.groupIds().contains(groupId))
            .count();
    return (int) Math.ceil((double) ahead * minutes / Math.max(1, serving));
  }

  /**
   * The median service minutes of the group today once three tickets were served, otherwise the
   * group's set minutes per ticket.
   */
  int minutesPerTicket(UUID officeId, UUID groupId) {
    List<Double> today =
        jdbc.sql(
                """
                select extract(epoch from (finished_at - serving_at)) / 60.0 from ticket
                where office_id = ? and group_id = ? and day = ? and status = 'DONE'
                  and serving_at is not null order by 1
                """)
            .params(officeId, groupId, today())
            .query(Double.class)
            .list();
    if (today.size() >= 3) {
      return Math.max(1, (int) Math.round(today.get(today.size() / 2)));
    }
    return groups
        .setting(officeId, groupId)
        .map(ServiceGroups.Setting::minutesPerTicket)
        .orElse(10);
  }

  /** The current version of the office's queue: any change moves it. */
  public long version(UUID officeId) {
    return QueueChanges.version(jdbc, officeId);
  }

  /** The display board of the office now. */
  public Board board(UUID officeId) {
    long version = version(officeId);
    Map<UUID, Desks.Desk> deskById = new HashMap<>();
    desks.of(officeId).forEach(d -> deskById.put(d.id(), d));
    List<Ticket> tickets = today(officeId);
    List<Call> current = new ArrayList<>();
    Map<UUID, Ticket> atDesk = new LinkedHashMap<>();
    for (Ticket t : tickets) {
      if ((t.status() == TicketStatus.CALLED || t.status() == TicketStatus.SERVING)
          && t.deskId() != null) {
        Ticket before = atDesk.get(t.deskId());
        if (before == null || before.lastCalledAt().isBefore(t.lastCalledAt())) {
          atDesk.put(t.deskId(), t);
        }
      }
    }
    deskById.values().stream()
        .filter(Desks.Desk::active)
        .sorted(java.util.Comparator.comparingInt(Desks.Desk::number))
        .forEach(
            d -> {
              Ticket t = atDesk.get(d.id());
              if (t != null) {
                current.add(
                    new Call(t.label(), t.spoken(), d.number(), d.name(), t.lastCalledAt()));
              }
            });
    List<Call> recent =
        jdbc.sql(
                """
                select t.label, d.number, d.name, c.called_at from ticket_call c
                join ticket t on t.id = c.ticket_id join service_desk d on d.id = c.desk_id
                where c.office_id = ? and t.day = ?
                order by c.called_at desc, c.id desc limit 6
                """)
            .params(officeId, today())
            .query(
                (rs, i) ->
                    new Call(
                        rs.getString(1),
                        String.join(" ", rs.getString(1).replace("-", "").split("")),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
            .list();
    List<GroupLoad> loads = new ArrayList<>();
    int waiting = 0;
    int outside = 0;
    for (Ticket t : tickets) {
      if (t.status() == TicketStatus.WAITING) {
        waiting++;
        if (t.waitOutside()) {
          outside++;
        }
      }
    }
    for (ServiceGroup g : groups.of(officeId)) {
      int n =
          (int)
              tickets.stream()
                  .filter(t -> t.status() == TicketStatus.WAITING && t.groupId().equals(g.id()))
                  .count();
      loads.add(new GroupLoad(g, n, estimate(officeId, g.id(), n)));
    }
    return new Board(version, current, recent, loads, waiting, outside);
  }
}
