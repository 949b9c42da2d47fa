package id.go.kecamatan.counter.web;

import id.go.kecamatan.counter.Queue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live display boards of this node: each open board is an SSE stream; once a second one query
 * reads the queue versions of the offices watched here, and a board whose office's version moved
 * gets the board anew. The version lives in PostgreSQL ({@code queue_change}), so a call made on
 * any node reaches the boards of every node (ADR 0025). Not behind ShedLock: every node serves its
 * own boards.
 */
@Component
class BoardEvents {

  /** An SSE stream stays open this long; the browser's EventSource then reconnects by itself. */
  static final long TIMEOUT_MS = 30 * 60 * 1000L;

  private final Queue queue;
  private final JdbcClient jdbc;
  private final BoardJson json;
  private final Map<UUID, List<SseEmitter>> boards = new ConcurrentHashMap<>();
  private final Map<UUID, Long> versions = new ConcurrentHashMap<>();

  BoardEvents(Queue queue, JdbcClient jdbc, BoardJson json) {
    this.queue = queue;
    this.jdbc = jdbc;
    this.json = json;
  }

  SseEmitter open(UUID officeId) throws IOException {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
    List<SseEmitter> list = boards.computeIfAbsent(officeId, k -> new CopyOnWriteArrayList<>());
    list.add(emitter);
    Runnable remove = () -> list.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    // the version the board starts from: a change right after opening (or the first change of an
    // office whose queue never changed) is pushed, not taken as the starting point by the poll
    versions.putIfAbsent(officeId, queue.version(officeId));
    emitter.send(SseEmitter.event().name("board").reconnectTime(3000).data(json.of(officeId)));
    return emitter;
  }

  @Scheduled(fixedDelayString = "${layanan.counter.board-poll:PT1S}")
  void poll() {
    boards.entrySet().removeIf(e -> e.getValue().isEmpty());
    versions.keySet().retainAll(boards.keySet());
    if (boards.isEmpty()) {
      return;
    }
    UUID[] watched = boards.keySet().toArray(new UUID[0]);
    jdbc.sql("select office_id, version from queue_change where office_id = any(?)")
        .param(watched)
        .query(
            rs -> {
              UUID officeId = rs.getObject(1, UUID.class);
              long version = rs.getLong(2);
              Long seen = versions.put(officeId, version);
              if (seen != null && seen != version) {
                push(officeId);
              }
            });
  }

  private void push(UUID officeId) {
    List<SseEmitter> list = boards.getOrDefault(officeId, List.of());
    if (list.isEmpty()) {
      return;
    }
    String data = json.of(officeId);
    for (SseEmitter emitter : list) {
      try {
        emitter.send(SseEmitter.event().name("board").data(data));
      } catch (IOException | IllegalStateException e) {
        list.remove(emitter);
      }
    }
  }

  /** For tests: how many boards this node serves. */
  int open() {
    return boards.values().stream().mapToInt(List::size).sum();
  }

  Queue queue() {
    return queue;
  }
}
