package id.go.kecamatan.demo;

import id.go.kecamatan.counter.Calling;
import id.go.kecamatan.counter.Desks;
import id.go.kecamatan.counter.Priority;
import id.go.kecamatan.counter.QueueSettings;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.counter.TicketSource;
import id.go.kecamatan.counter.Tickets;
import id.go.kecamatan.counter.VisitOutcome;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo counter queue: per office three service groups (A Umum, B Kependudukan, P Prioritas),
 * three counters, an inside limit of 20, and today's tickets in every state (served, being served,
 * called, waiting, priority, on hold) so the display board is alive. Today's tickets are made again
 * on a start on a later day, through the real issuing and calling, for the queues the demo set up
 * only (an office whose staff made a queue of their own is left as it is).
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
class DemoCounter {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Offices offices;
  private final ServiceGroups groups;
  private final Desks desks;
  private final QueueSettings settings;
  private final Tickets tickets;
  private final Calling calling;

  DemoCounter(
      JdbcClient jdbc,
      Clock clock,
      Offices offices,
      ServiceGroups groups,
      Desks desks,
      QueueSettings settings,
      Tickets tickets,
      Calling calling) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.offices = offices;
    this.groups = groups;
    this.desks = desks;
    this.settings = settings;
    this.tickets = tickets;
    this.calling = calling;
  }

  /** The office's groups, counters and rules, once. */
  void load(Office office) {
    if (!groups.settings(office.id()).isEmpty()) {
      return;
    }
    UUID a = group(office, "A", "Umum (surat keterangan)", null, 8);
    UUID b = group(office, "B", "Kependudukan dan KTP-el", 60, 12);
    UUID p = group(office, "P", "Pengambilan dokumen", null, 5);
    desk(office, "1", "Loket 1", List.of(a, p));
    desk(office, "2", "Loket 2", List.of(a, b));
    desk(office, "3", "Loket 3", List.of(b));
    settings.save(office.id(), "20", "20", "2", "60", "3");
  }

  /** On every start: today's tickets for each office with a queue and none today yet. */
  @EventListener(ApplicationReadyEvent.class)
  void today() {
    LocalDate today = LocalDate.now(clock);
    for (Office office : offices.activeOffices()) {
      if (groups.of(office.id()).isEmpty()
          // the demo appointments check in before this runs: count the walk-ins only
          || jdbc.sql(
                      "select count(*) from ticket where office_id = ? and day = ? and source <> 'APPOINTMENT'")
                  .params(office.id(), today)
                  .query(Long.class)
                  .single()
              > 0) {
        continue;
      }
      tickets(office);
    }
  }

  private void tickets(Office office) {
    Map<String, UUID> group = new HashMap<>();
    groups.of(office.id()).forEach(g -> group.putIfAbsent(g.prefix(), g.id()));
    Map<Integer, UUID> counter = new HashMap<>();
    desks.of(office.id()).forEach(d -> counter.putIfAbsent(d.number(), d.id()));
    UUID a = group.get("A");
    UUID b = group.get("B");
    UUID one = counter.get(1);
    UUID two = counter.get(2);
    UUID three = counter.get(3);
    if (a == null || b == null || one == null || two == null || three == null) {
      // not the queue the demo set up (an office whose staff made their own): left as it is
      return;
    }
    // the morning so far: five served, one being served, one called at each other counter
    for (int i = 0; i < 5; i++) {
      issue(office, i % 2 == 0 ? a : b, null);
    }
    issue(office, a, Priority.LANSIA);
    for (int i = 0; i < 5; i++) {
      UUID desk = i % 2 == 0 ? two : three;
      calling.callNext(office.id(), desk);
      var serving = calling.atDesk(office.id(), desk).orElse(null);
      if (serving == null) {
        continue;
      }
      calling.serve(office.id(), desk, serving.id());
      calling.finish(
          office.id(), desk, serving.id(), i == 1 ? VisitOutcome.INFORMATION : VisitOutcome.SERVED);
    }
    var next = calling.callNext(office.id(), one).ticket();
    if (next != null) {
      calling.serve(office.id(), one, next.id());
    }
    for (int i = 0; i < 8; i++) {
      issue(office, i % 3 == 2 ? b : a, i == 4 ? Priority.HAMIL : null);
    }
    calling.callNext(office.id(), two);
    calling.callNext(office.id(), three);
  }

  private void issue(Office office, UUID group, Priority priority) {
    tickets.issue(
        // issued as by the front office: the kiosk gives numbers only in the opening hours, and the
        // demo may start at night or on a Sunday
        Tickets.Request.walkIn(
            office.id(), group, TicketSource.FRONT_OFFICE, priority, null, null, null));
  }

  private UUID group(Office office, String prefix, String name, Integer quota, int minutes) {
    return groups
        .save(
            office.id(),
            null,
            new ServiceGroups.Form(
                prefix,
                name,
                "1",
                "999",
                "true",
                quota == null ? "" : String.valueOf(quota),
                String.valueOf(minutes),
                "true"))
        .value();
  }

  private void desk(Office office, String number, String name, List<UUID> served) {
    desks.save(
        office.id(), null, number, name, served.stream().map(UUID::toString).toList(), "true");
  }
}
