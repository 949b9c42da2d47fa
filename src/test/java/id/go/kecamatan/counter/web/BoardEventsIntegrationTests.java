package id.go.kecamatan.counter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.counter.Calling;
import id.go.kecamatan.counter.Desks;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.counter.TicketSource;
import id.go.kecamatan.counter.Tickets;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The display board's live stream as a TV's browser reads it: the board at once with the retry
 * time, the board anew after a call with the call and its voice clips, nothing for another office's
 * change, and a stream the TV dropped is let go by the server at the next change.
 */
@IntegrationTest
class BoardEventsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Offices offices;
  @Autowired ServiceGroups groups;
  @Autowired Desks desks;
  @Autowired Tickets tickets;
  @Autowired Calling calling;
  @Autowired BoardEvents boards;

  /** An office of its own (Banyumas regency) with a group and one counter serving it. */
  record Counter(Office office, UUID group, UUID desk) {

    String issue(Tickets tickets) {
      return tickets
          .issue(
              Tickets.Request.walkIn(
                  office.id(), group, TicketSource.FRONT_OFFICE, null, null, null, null))
          .number();
    }
  }

  Counter counter(String code, String prefix) {
    UUID id =
        jdbc.sql("select id from office where code = ?")
            .param(code)
            .query(UUID.class)
            .optional()
            .orElseGet(
                () ->
                    offices
                        .createOffice(offices.regencyByCode("33.02").orElseThrow().id(), code)
                        .value()
                        .id());
    UUID group =
        groups
            .save(
                id,
                null,
                new ServiceGroups.Form(prefix, "Umum", "1", "999", "true", "", "5", "true"))
            .value();
    UUID desk =
        desks
            .save(
                id,
                null,
                String.valueOf(desks.of(id).size() + 1),
                "Loket",
                List.of(group.toString()),
                "true")
            .value();
    return new Counter(offices.get(id), group, desk);
  }

  /** One open stream: its events (name and data) as they come. */
  static final class Stream implements AutoCloseable {
    final BlockingQueue<Map<String, String>> events = new LinkedBlockingQueue<>();
    final InputStream body;
    final HttpResponse<InputStream> response;

    Stream(int port, String slug) throws Exception {
      response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:"
                                  + port
                                  + "/kecamatan/"
                                  + slug
                                  + "/antrean/layar/langsung"))
                      .header("Accept", "text/event-stream")
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      body = response.body();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                  Map<String, String> event = new java.util.HashMap<>();
                  String line;
                  while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                      if (!event.isEmpty()) {
                        events.add(event);
                      }
                      event = new java.util.HashMap<>();
                    } else if (line.indexOf(':') > 0) {
                      String field = line.substring(0, line.indexOf(':'));
                      event.merge(field, line.substring(line.indexOf(':') + 1), (a, b) -> a + b);
                    }
                  }
                } catch (Exception closed) {
                  // the test closed the stream
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    Map<String, String> next() throws InterruptedException {
      Map<String, String> event = events.poll(15, TimeUnit.SECONDS);
      assertThat(event).as("an event within 15 seconds").isNotNull();
      return event;
    }

    @Override
    public void close() throws Exception {
      body.close();
    }
  }

  @Test
  void aBoardGetsTheBoardAtOnceAndAgainAfterEachCallOfItsOwnOffice() throws Exception {
    Counter here = counter("33.02.22", "S");
    Counter elsewhere = counter("33.02.23", "T");
    try (Stream stream = new Stream(port, here.office().slug())) {
      assertThat(stream.response.statusCode()).isEqualTo(200);
      assertThat(stream.response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/event-stream");
      assertThat(stream.response.headers().firstValue("X-Accel-Buffering")).contains("no");
      Map<String, String> first = stream.next();
      assertThat(first).containsEntry("event", "board").containsEntry("retry", "3000");
      long version = JSON.readTree(first.get("data")).get("version").asLong();

      // another office's call moves nothing here; this office's call brings the board anew
      elsewhere.issue(tickets);
      calling.callNext(elsewhere.office().id(), elsewhere.desk());
      String label = here.issue(tickets);
      calling.callNext(here.office().id(), here.desk());
      JsonNode board;
      long seen = version;
      do {
        Map<String, String> event = stream.next();
        assertThat(event).containsEntry("event", "board");
        board = JSON.readTree(event.get("data"));
        assertThat(board.get("version").asLong())
            .as("a board is sent only when this office's queue changed")
            .isGreaterThan(seen);
        seen = board.get("version").asLong();
      } while (board.get("current").isEmpty());
      var current = board.get("current").get(0);
      assertThat(current.get("label").asString()).isEqualTo(label);
      List<String> clips = new ArrayList<>();
      current.get("clips").forEach(c -> clips.add(c.asString()));
      assertThat(clips)
          .startsWith("bel", "nomor-antrean", "huruf-s", "nol", "nol", "satu", "silakan-ke-loket");
      assertThat(board.get("recent").get(0).get("at").asLong()).isPositive();
      assertThat(board.toString()).doesNotContain("T-001");
    }
  }

  @Test
  void aStreamTheTelevisionDroppedIsLetGoAtTheNextChange() throws Exception {
    Counter here = counter("33.02.24", "U");
    int before;
    try (Stream stream = new Stream(port, here.office().slug())) {
      stream.next();
      before = boards.open();
      assertThat(before).isPositive();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              // each change makes the node write to the dropped stream, which fails and ends it
              here.issue(tickets);
              return boards.open() < before;
            });
  }
}
