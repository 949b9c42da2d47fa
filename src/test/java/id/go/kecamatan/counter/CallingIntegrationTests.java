package id.go.kecamatan.counter;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calling at a counter on the real database: priority tickets go ahead within the fairness cap,
 * three calls then back in the queue once then a no-show, call again not too soon, hold and resume,
 * transfer to another group, finish with an outcome; the inside limit lets a waiting outside ticket
 * in when it comes near.
 */
@IntegrationTest
class CallingIntegrationTests {

  @Autowired JdbcClient jdbc;
  @Autowired Offices offices;
  @Autowired Tickets tickets;
  @Autowired Calling calling;
  @Autowired Desks desks;
  @Autowired Queue queue;
  @Autowired QueueSettings settings;

  Office office;
  UUID group;
  UUID desk;

  @BeforeEach
  void freshCounter() {
    // an office of its own per test: the queue of a day is the office's
    office = CounterFixtures.office(offices, jdbc, CODES.remove(0));
    group = CounterFixtures.group(jdbc, office.id(), 1, 999, true, null);
    desk = desks.save(office.id(), null, "1", "Loket 1", List.of(group.toString()), "true").value();
    settings.save(office.id(), "", "0", "2", "60", "3");
  }

  static final List<String> CODES =
      new ArrayList<>(List.of("35.16.04", "35.16.06", "35.16.07", "35.16.08", "35.16.09"));

  Tickets.Issued walkIn(Priority priority) {
    return tickets.issue(
        Tickets.Request.walkIn(
            office.id(), group, TicketSource.FRONT_OFFICE, priority, null, null, null));
  }

  String callAndFinish() {
    Calling.Result called = calling.callNext(office.id(), desk);
    assertThat(called.error()).isNull();
    Ticket t = called.ticket();
    assertThat(calling.serve(office.id(), desk, t.id()).ok()).isTrue();
    assertThat(calling.finish(office.id(), desk, t.id(), VisitOutcome.SERVED).ok()).isTrue();
    return t.label();
  }

  @Test
  void priorityWalkInsAreCalledBeforeEarlierRegularTicketsButAtMostTwoInARow() {
    String r1 = walkIn(null).number();
    String r2 = walkIn(null).number();
    String p1 = walkIn(Priority.LANSIA).number();
    String p2 = walkIn(Priority.HAMIL).number();
    String p3 = walkIn(Priority.DISABILITAS).number();
    List<String> called = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      called.add(callAndFinish());
    }
    assertThat(called).containsExactly(p1, p2, r1, p3, r2);
    assertThat(calling.callNext(office.id(), desk).error()).isEqualTo("counter.error.empty");
  }

  @Test
  void threeCallsThenBackInTheQueueOnceThenANoShow() {
    Tickets.Issued first = walkIn(null);
    Tickets.Issued second = walkIn(null);
    Ticket t = calling.callNext(office.id(), desk).ticket();
    assertThat(t.label()).isEqualTo(first.number());
    assertThat(calling.noShow(office.id(), desk, t.id()).error())
        .isEqualTo("counter.error.callThreeTimes");
    assertThat(calling.recall(office.id(), desk, t.id()).ok()).isTrue();
    assertThat(calling.recall(office.id(), desk, t.id()).ok()).isTrue();
    assertThat(calling.recall(office.id(), desk, t.id()).error())
        .isEqualTo("counter.error.callsUsed");
    assertThat(calling.callNext(office.id(), desk).error())
        .as("one ticket at a time")
        .isEqualTo("counter.error.busy");
    Ticket back = calling.noShow(office.id(), desk, t.id()).ticket();
    assertThat(back.status()).isEqualTo(TicketStatus.WAITING);
    assertThat(back.requeues()).isEqualTo(1);

    assertThat(calling.callNext(office.id(), desk).ticket().label())
        .as("back at the end of the queue")
        .isEqualTo(second.number());
    callAndFinishCurrent();
    Ticket again = calling.callNext(office.id(), desk).ticket();
    assertThat(again.id()).isEqualTo(first.id());
    calling.recall(office.id(), desk, again.id());
    calling.recall(office.id(), desk, again.id());
    Ticket gone = calling.noShow(office.id(), desk, again.id()).ticket();
    assertThat(gone.status()).isEqualTo(TicketStatus.NO_SHOW);
    assertThat(ticketCalls(first.id())).isEqualTo(6);
  }

  @Test
  void callingAgainWaitsTheSetSeconds() {
    settings.save(office.id(), "", "600", "2", "60", "3");
    walkIn(null);
    Ticket t = calling.callNext(office.id(), desk).ticket();
    assertThat(calling.recall(office.id(), desk, t.id()).error())
        .isEqualTo("counter.error.recallTooSoon");
    assertThat(queue.get(office.id(), t.id()).orElseThrow().calls()).isEqualTo(1);
  }

  @Test
  void holdResumeTransferAndFinish() {
    UUID other = CounterFixtures.group(jdbc, office.id(), 1, 999, true, null);
    UUID desk2 =
        desks.save(office.id(), null, "2", "Loket 2", List.of(other.toString()), "true").value();
    walkIn(null);
    Ticket t = calling.callNext(office.id(), desk).ticket();
    assertThat(calling.hold(office.id(), desk, t.id()).ticket().status())
        .isEqualTo(TicketStatus.ON_HOLD);
    assertThat(calling.heldAt(office.id(), desk)).extracting(Ticket::id).containsExactly(t.id());
    assertThat(calling.resume(office.id(), desk, t.id()).ticket().status())
        .isEqualTo(TicketStatus.SERVING);
    assertThat(calling.transfer(office.id(), desk2, t.id(), null, other).error())
        .as("only the counter holding it transfers it")
        .isEqualTo("counter.error.stale");
    Ticket moved = calling.transfer(office.id(), desk, t.id(), null, other).ticket();
    assertThat(moved.status()).isEqualTo(TicketStatus.WAITING);
    assertThat(moved.groupId()).isEqualTo(other);
    assertThat(calling.callNext(office.id(), desk).error()).isEqualTo("counter.error.empty");
    Ticket there = calling.callNext(office.id(), desk2).ticket();
    assertThat(there.id()).isEqualTo(t.id());
    calling.serve(office.id(), desk2, t.id());
    Ticket done = calling.finish(office.id(), desk2, t.id(), VisitOutcome.INCOMPLETE).ticket();
    assertThat(done.status()).isEqualTo(TicketStatus.DONE);
    assertThat(done.outcome()).isEqualTo("INCOMPLETE");
  }

  @Test
  void aTicketWaitingOutsideIsAskedInWhenItComesNear() {
    settings.save(office.id(), "2", "0", "2", "60", "1");
    walkIn(null);
    walkIn(null);
    Tickets.Issued outside =
        tickets.issue(
            Tickets.Request.walkIn(
                office.id(), group, TicketSource.KIOSK, null, null, "081234567890", null));
    assertThat(outside.waitOutside()).isTrue();
    callAndFinish();
    assertThat(queue.get(office.id(), outside.id()).orElseThrow().waitOutside())
        .as("second in line, not yet near")
        .isTrue();
    callAndFinish();
    Ticket near = queue.get(office.id(), outside.id()).orElseThrow();
    assertThat(near.waitOutside()).as("next in line: asked in").isFalse();
    assertThat(queue.standing(near).orElseThrow().position()).isEqualTo(1);
  }

  private void callAndFinishCurrent() {
    Ticket t = calling.atDesk(office.id(), desk).orElseThrow();
    calling.serve(office.id(), desk, t.id());
    calling.finish(office.id(), desk, t.id(), VisitOutcome.SERVED);
  }

  private int ticketCalls(UUID ticketId) {
    return jdbc.sql("select count(*) from ticket_call where ticket_id = ?")
        .param(ticketId)
        .query(Integer.class)
        .single();
  }
}
