package id.go.kecamatan.counter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.counter.internal.QueueOrder.Waiting;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The calling order: appointments at their time, walk-ins FIFO, priority within the cap. */
class QueueOrderTests {

  static final Instant T0 = Instant.parse("2031-03-03T01:00:00Z");
  static final LocalDateTime NOW = LocalDateTime.of(2031, 3, 3, 9, 0);

  final List<Waiting> all = new ArrayList<>();

  Waiting walkIn(boolean priority, int minute) {
    Waiting w = new Waiting(UUID.randomUUID(), priority, null, T0.plusSeconds(60L * minute));
    all.add(w);
    return w;
  }

  Waiting booked(LocalDateTime at, int minute) {
    Waiting w = new Waiting(UUID.randomUUID(), false, at, T0.plusSeconds(60L * minute));
    all.add(w);
    return w;
  }

  @Test
  void walkInsAreCalledFirstInFirstOut() {
    Waiting a = walkIn(false, 1);
    Waiting b = walkIn(false, 2);
    Waiting c = walkIn(false, 3);
    assertThat(QueueOrder.order(List.of(c, a, b), NOW, 0, 2)).containsExactly(a, b, c);
  }

  @Test
  void priorityTicketsGoAheadButAtMostTwoInARowWhileRegularTicketsWait() {
    Waiting r1 = walkIn(false, 1);
    Waiting r2 = walkIn(false, 2);
    Waiting r3 = walkIn(false, 3);
    Waiting p1 = walkIn(true, 4);
    Waiting p2 = walkIn(true, 5);
    Waiting p3 = walkIn(true, 6);
    Waiting p4 = walkIn(true, 7);
    Waiting p5 = walkIn(true, 8);
    assertThat(QueueOrder.order(all, NOW, 0, 2)).containsExactly(p1, p2, r1, p3, p4, r2, p5, r3);
  }

  @Test
  void aStreakAlreadyAtTheCapLetsTheOldestRegularTicketGoFirst() {
    Waiting r1 = walkIn(false, 1);
    Waiting p1 = walkIn(true, 2);
    assertThat(QueueOrder.order(all, NOW, 2, 2)).containsExactly(r1, p1);
    assertThat(QueueOrder.order(all, NOW, 1, 2)).containsExactly(p1, r1);
  }

  @Test
  void withNobodyElseWaitingPriorityTicketsFollowEachOtherBeyondTheCap() {
    Waiting p1 = walkIn(true, 1);
    Waiting p2 = walkIn(true, 2);
    Waiting p3 = walkIn(true, 3);
    assertThat(QueueOrder.order(all, NOW, 2, 2)).containsExactly(p1, p2, p3);
  }

  @Test
  void appointmentsAreCalledAtTheirTimeAheadOfWalkInsAndNotBefore() {
    Waiting early = walkIn(false, 1);
    Waiting p = walkIn(true, 2);
    Waiting due = booked(NOW.minusMinutes(5), 30);
    Waiting dueFirst = booked(NOW.minusMinutes(10), 40);
    Waiting later = booked(NOW.plusMinutes(20), 0);
    assertThat(QueueOrder.order(all, NOW, 0, 2)).containsExactly(dueFirst, due, p, early, later);
    assertThat(QueueOrder.order(all, NOW.plusMinutes(20), 0, 2))
        .as("twenty minutes on, the later appointment is due too")
        .containsExactly(dueFirst, due, later, p, early);
  }
}
