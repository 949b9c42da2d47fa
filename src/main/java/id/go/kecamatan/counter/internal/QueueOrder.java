package id.go.kecamatan.counter.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The order in which waiting tickets are called (ADR 0025):
 *
 * <ol>
 *   <li>appointments whose time has come, by their time;
 *   <li>walk-ins first in first out, priority tickets (lansia, disabilitas, ibu hamil, anak, korban
 *       bencana) ahead of regular ones, but at most {@code cap} priority calls in a row while a
 *       regular ticket waits: then the oldest regular ticket is called;
 *   <li>appointments still ahead of their time, by their time (called early only when nobody else
 *       waits).
 * </ol>
 */
public final class QueueOrder {

  private QueueOrder() {}

  /**
   * A waiting ticket.
   *
   * @param scheduledAt the appointment's time, null for a walk-in
   * @param queuedAt when it joined the queue (moved by a re-queue after a no-show)
   */
  public record Waiting(UUID id, boolean priority, LocalDateTime scheduledAt, Instant queuedAt) {}

  /**
   * The waiting tickets in the order they will be called from now on.
   *
   * @param streak the priority walk-ins called in a row just before now
   * @param cap the most priority calls in a row while a regular ticket waits
   */
  public static List<Waiting> order(List<Waiting> waiting, LocalDateTime now, int streak, int cap) {
    Comparator<Waiting> byTime =
        Comparator.comparing(Waiting::scheduledAt).thenComparing(Waiting::queuedAt);
    Comparator<Waiting> byArrival =
        Comparator.comparing(Waiting::queuedAt).thenComparing(w -> w.id().toString());
    List<Waiting> due = new ArrayList<>();
    List<Waiting> later = new ArrayList<>();
    List<Waiting> priority = new ArrayList<>();
    List<Waiting> regular = new ArrayList<>();
    for (Waiting w : waiting) {
      if (w.scheduledAt() != null) {
        (w.scheduledAt().isAfter(now) ? later : due).add(w);
      } else {
        (w.priority() ? priority : regular).add(w);
      }
    }
    due.sort(byTime);
    later.sort(byTime);
    priority.sort(byArrival);
    regular.sort(byArrival);
    List<Waiting> order = new ArrayList<>(due);
    Deque<Waiting> p = new ArrayDeque<>(priority);
    Deque<Waiting> r = new ArrayDeque<>(regular);
    int inRow = streak;
    while (!p.isEmpty() || !r.isEmpty()) {
      if (!p.isEmpty() && (r.isEmpty() || inRow < cap)) {
        order.add(p.poll());
        inRow++;
      } else {
        order.add(r.poll());
        inRow = 0;
      }
    }
    order.addAll(later);
    return order;
  }
}
