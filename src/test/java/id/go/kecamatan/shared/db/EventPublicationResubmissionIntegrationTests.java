package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.documents.TestFiles;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that dies between the commit of a submission and the listener that stores its "submitted"
 * message leaves the message's event publication incomplete and no message. The resubmission (at
 * start-up and every minute, on one node) delivers it, once: run again, or run for a listener that
 * had in fact stored its message before the node died, it stores no second message.
 */
@IntegrationTest
class EventPublicationResubmissionIntegrationTests {

  static final String LISTENER =
      "%ResidentMessages.on(id.go.kecamatan.application.ApplicationSubmitted)";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EventPublicationResubmission resubmission;

  @Test
  void aMessageWhoseListenerDidNotRunBeforeTheCrashIsDeliveredOnceAfterIt() throws Exception {
    UUID application = submit();
    String key = "application.submitted:" + application;
    awaitUntil(() -> messages(key) == 1 && completed(application), "the message is stored");

    // the state a kill -9 between the commit and the listener leaves: the listener's transaction
    // never committed (no message), its publication is incomplete, published three minutes ago
    simulateCrash(application, true);
    assertThat(messages(key)).isZero();
    assertThat(completed(application)).isFalse();

    resubmission.run();
    awaitUntil(() -> completed(application), "the resubmitted listener completes");
    assertThat(messages(key)).isOne();

    resubmission.run();
    assertThat(messages(key)).as("a completed publication is not resubmitted").isOne();

    // the node died after the listener stored the message but before the publication was marked
    // completed: resubmitting it is harmless (the outbox stores a key once per recipient)
    simulateCrash(application, false);
    resubmission.run();
    awaitUntil(() -> completed(application), "the resubmitted listener completes");
    assertThat(messages(key)).isOne();
  }

  @Test
  void aPublicationYoungerThanTheGraceIsLeftToTheNodeRunningItsListener() throws Exception {
    UUID application = submit();
    String key = "application.submitted:" + application;
    awaitUntil(() -> completed(application), "the message is stored");
    jdbc.sql("delete from notification where idempotency_key = ?").param(key).update();
    jdbc.sql(
            """
            update event_publication set completion_date = null, status = 'PROCESSING',
              publication_date = now() - interval '10 seconds'
            where listener_id like ? and serialized_event like ?
            """)
        .params(LISTENER, "%" + application + "%")
        .update();

    resubmission.run();
    assertThat(completed(application)).isFalse();
    assertThat(messages(key)).isZero();
    jdbc.sql(
            "update event_publication set completion_date = now(), status = 'COMPLETED' where serialized_event like ?")
        .param("%" + application + "%")
        .update();
  }

  private void simulateCrash(UUID application, boolean beforeTheListenerCommitted) {
    if (beforeTheListenerCommitted) {
      jdbc.sql("delete from notification where idempotency_key = ?")
          .param("application.submitted:" + application)
          .update();
    }
    int publications =
        jdbc.sql(
                """
                update event_publication set completion_date = null, status = 'PROCESSING',
                  publication_date = now() - interval '3 minutes'
                where listener_id like ? and serialized_event like ?
                """)
            .params(LISTENER, "%" + application + "%")
            .update();
    assertThat(publications).isOne();
  }

  private int messages(String key) {
    return jdbc.sql("select count(*) from notification where idempotency_key = ?")
        .param(key)
        .query(Integer.class)
        .single();
  }

  private boolean completed(UUID application) {
    return jdbc.sql(
                """
            select count(*) from event_publication
            where listener_id like ? and serialized_event like ? and completion_date is not null
            """)
            .params(LISTENER, "%" + application + "%")
            .query(Integer.class)
            .single()
        == 1;
  }

  private static void awaitUntil(BooleanSupplier condition, String what) {
    await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(condition::getAsBoolean);
  }

  /** Submits a Legalisir application to Jetis through the API; returns its id. */
  private UUID submit() throws Exception {
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    String slug =
        jdbc.sql("select slug from office where id = ?").param(jetis).query(String.class).single();
    String village =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    String name = "Crash " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("nik", "3516164101900001");
    fields.put("name", name);
    fields.put("birthPlace", "Mojokerto");
    fields.put("birthDate", "1990-01-01");
    fields.put("sex", "FEMALE");
    fields.put("villageId", village);
    fields.put("address", "Dusun Jetis RT 01 RW 02");
    fields.put("phone", "081234567890");
    fields.put("answers[jenis_dokumen]", "Surat keterangan");
    fields.put("answers[jumlah_lembar]", "2");
    fields.put("answers[keperluan]", "Melamar kerja");
    String boundary = "----b" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (var f : fields.entrySet()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(f.getValue().getBytes(StandardCharsets.UTF_8));
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    for (String requirement :
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'LEGALISIR' order by r.position
                """)
            .param(jetis)
            .query(String.class)
            .list()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files["
                  + requirement
                  + "]\"; filename=\"ktp.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(TestFiles.pdf(1));
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/api/v1/offices/"
                                + slug
                                + "/services/LEGALISIR/applications"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return jdbc.sql("select id from application where name = ?")
        .param(name)
        .query(UUID.class)
        .single();
  }
}
