package id.go.kecamatan.counter.web;

import id.go.kecamatan.counter.Queue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The display board as JSON for its live stream: the calls at each counter, the last calls (with
 * the time each was made, so the board announces each call once), and the waiting per group.
 */
@Component
class BoardJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Queue queue;

  BoardJson(Queue queue) {
    this.queue = queue;
  }

  String of(UUID officeId) {
    Queue.Board board = queue.board(officeId);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("version", board.version());
    data.put("current", board.current().stream().map(BoardJson::call).toList());
    data.put("recent", board.recent().stream().map(BoardJson::call).toList());
    data.put(
        "groups",
        board.groups().stream()
            .map(
                g -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("prefix", g.group().prefix());
                  m.put("name", g.group().name());
                  m.put("waiting", g.waiting());
                  m.put("minutes", g.minutes());
                  return m;
                })
            .toList());
    data.put("waiting", board.waiting());
    return JSON.writeValueAsString(data);
  }

  private static Map<String, Object> call(Queue.Call c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", c.label());
    m.put("desk", c.deskNumber());
    m.put("deskName", c.deskName());
    m.put("at", c.at().toEpochMilli());
    m.put("clips", Voice.clips(c.label(), c.deskNumber()));
    return m;
  }

  static List<String> keys(Map<String, Object> m) {
    return List.copyOf(m.keySet());
  }
}
