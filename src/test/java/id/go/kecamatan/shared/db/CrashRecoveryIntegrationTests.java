package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.LayananKecamatanApplication;
import id.go.kecamatan.documents.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second node in a JVM of its own, on the tests' database and document store, dies like under
 * {@code kill -9} in the middle of a submission ({@link CrashPoint}); the surviving node (the
 * tests' application) repairs what it left: the "submitted" message whose listener never ran is
 * delivered once by the resubmission job, and the files written for a transaction that never
 * committed are removed by the orphan sweep, while every committed document stays.
 */
@IntegrationTest
class CrashRecoveryIntegrationTests {

  static final String LISTENER = EventPublicationResubmissionIntegrationTests.LISTENER;

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired EventPublicationResubmission resubmission;
  @Autowired ApplicationContext context;

  @Test
  void aNodeKilledBetweenCommitAndListenerLosesNoMessage() throws Exception {
    String name = "Korban Crash " + UUID.randomUUID().toString().substring(0, 8);
    runNodeThatDiesAt("after-commit", name);

    UUID application =
        jdbc.sql("select id from application where name = ?")
            .param(name)
            .query(UUID.class)
            .single();
    String key = "application.submitted:" + application;
    assertThat(messages(key)).as("no message before the repair").isZero();
    assertThat(completed(application)).isFalse();

    // the grace for a listener still running on a live node passes
    jdbc.sql(
            """
            update event_publication set publication_date = publication_date - interval '3 minutes'
            where listener_id like ? and serialized_event like ? and completion_date is null
            """)
        .params(LISTENER, "%" + application + "%")
        .update();
    resubmission.run();
    awaitUntil(() -> completed(application), "the resubmitted listener completes");
    assertThat(messages(key)).isOne();
    resubmission.run();
    assertThat(messages(key)).as("delivered once").isOne();
  }

  @Test
  void aNodeKilledBetweenItsFilesAndItsCommitLeavesNoFileForLong() throws Exception {
    Path blobs = documents().resolve("blobs");
    Set<Path> before = files(blobs);
    String name = "Korban Crash " + UUID.randomUUID().toString().substring(0, 8);
    runNodeThatDiesAt("before-commit", name);

    assertThat(
            jdbc.sql("select count(*) from application where name = ?")
                .param(name)
                .query(Integer.class)
                .single())
        .as("nothing committed")
        .isZero();
    List<Path> orphans = new ArrayList<>(files(blobs));
    orphans.removeAll(before);
    assertThat(orphans).as("the files the dead node wrote").isNotEmpty();

    // an hour passes; the sweep removes them and nothing that a document names
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
    for (Path orphan : orphans) {
      Files.setLastModifiedTime(orphan, old);
    }
    Object sweep = context.getBean("orphanBlobSweep");
    var run = sweep.getClass().getDeclaredMethod("run");
    run.setAccessible(true);
    run.invoke(sweep);
    for (Path orphan : orphans) {
      assertThat(orphan).as("swept").doesNotExist();
    }
    List<String> named = jdbc.sql("select blob_key from document").query(String.class).list();
    assertThat(named).isNotEmpty();
    Set<Path> left = files(blobs);
    assertThat(left.stream().map(p -> p.getFileName().toString()))
        .as("every committed document keeps its file")
        .containsAll(named.stream().map(k -> Path.of(k).getFileName().toString()).toList());
  }

  // ---- the node that dies ----

  /** The tests' document store, which the dying node shares. */
  Path documents() {
    return Path.of(context.getEnvironment().getRequiredProperty("layanan.documents.dir"))
        .toAbsolutePath();
  }

  /** Starts a node that dies at this point, submits one application to it and waits for its end. */
  void runNodeThatDiesAt(String point, String name) throws Exception {
    HikariDataSource database = (HikariDataSource) dataSource;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile(Path.of("target"), "crash-node-", ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    // a node that lives for one request: the quick compiler alone and one GC thread start it
    // sooner on a machine whose cores the tests' own node needs
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LayananKecamatanApplication.class.getName());
    command.add("--spring.profiles.active=test");
    command.add("--spring.datasource.url=" + database.getJdbcUrl());
    command.add("--spring.datasource.username=" + database.getUsername());
    if (database.getPassword() != null) {
      command.add("--spring.datasource.password=" + database.getPassword());
    }
    command.add("--server.port=" + port);
    command.add("--layanan.documents.dir=" + documents());
    command.add("--layanan.demo.enabled=false");
    command.add("--layanan.test.crash-at=" + point);
    Process node =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      awaitUntil(() -> ready(http, port) || !node.isAlive(), "the node is ready");
      assertThat(node.isAlive()).as("the node started (see " + log + ")").isTrue();
      try {
        HttpResponse<String> answer =
            http.send(submission(port, name), HttpResponse.BodyHandlers.ofString());
        throw new AssertionError("the node answered instead of dying: " + answer.statusCode());
      } catch (IOException died) {
        // the connection ends with the node
      }
      assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(node.exitValue()).isEqualTo(CrashPoint.EXIT);
    } finally {
      node.destroyForcibly();
    }
  }

  static boolean ready(HttpClient http, int port) {
    try {
      return http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  HttpRequest submission(int port, String name) {
    List<String> requirements =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                join office o on o.id = s.office_id
                where o.code = '35.16.16' and s.code = 'LEGALISIR' order by r.position
                """)
            .query(String.class)
            .list();
    String village =
        jdbc.sql(
                """
                select v.id::text from village v join office o on o.id = v.office_id
                where o.code = '35.16.16' order by v.name limit 1
                """)
            .query(String.class)
            .single();
    String boundary = "b" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String[][] fields = {
      {"nik", "3516164101900001"},
      {"name", name},
      {"birthPlace", "Mojokerto"},
      {"birthDate", "1990-01-01"},
      {"sex", "FEMALE"},
      {"address", "Dusun Jetis"},
      {"phone", "081234567890"},
      {"villageId", village},
      {"answers[jenis_dokumen]", "Ijazah"},
      {"answers[jumlah_lembar]", "2"},
      {"answers[keperluan]", "Melamar kerja"}
    };
    for (String[] f : fields) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f[0]
                  + "\"\r\n\r\n"
                  + f[1]
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    for (String requirement : requirements) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files["
                  + requirement
                  + "]\"; filename=\"dokumen.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(TestFiles.pdf(1));
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(
            URI.create(
                "http://localhost:"
                    + port
                    + "/api/v1/offices/jetis/services/LEGALISIR/applications"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
  }

  // ---- reading ----

  int messages(String key) {
    return jdbc.sql("select count(*) from notification where idempotency_key = ?")
        .param(key)
        .query(Integer.class)
        .single();
  }

  boolean completed(UUID application) {
    return jdbc.sql(
                """
            select count(*) from event_publication where listener_id like ?
              and serialized_event like ? and completion_date is not null
            """)
            .params(LISTENER, "%" + application + "%")
            .query(Integer.class)
            .single()
        > 0;
  }

  static Set<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new HashSet<>();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return new HashSet<>(
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.toString().contains(".incoming"))
              .toList());
    }
  }

  /**
   * Polls (Awaitility) until the condition holds, for at most two minutes: a node starts slowly.
   */
  static void awaitUntil(java.util.concurrent.Callable<Boolean> condition, String what) {
    await(what).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(condition);
  }
}
