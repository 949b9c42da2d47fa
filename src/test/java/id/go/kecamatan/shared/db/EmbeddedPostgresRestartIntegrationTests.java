package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL survives a {@code kill -9} of the application: the killed JVM leaves its
 * server running on the data directory, and the next start must cope and keep the data.
 */
class EmbeddedPostgresRestartIntegrationTests {

  @TempDir Path dataDir;

  @Test
  void dataSurviveAKillDashNineOfTheApplicationAndTheNextStartSucceeds() throws Exception {
    Process first = startHolder("before the crash");
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL, like kill -9

    Path pidFile = dataDir.resolve("postmaster.pid");
    assertThat(pidFile).exists();
    long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

    try (EmbeddedPostgres restarted = EmbeddedPostgresConfiguration.start(dataDir, false)) {
      // stopped: ended, if not yet reaped by the system's init (this VM's reaps 1-2 s late; the
      // start does not wait for that), and then gone
      assertThat(ProcessHandle.of(orphan).map(EmbeddedPostgresConfiguration::running))
          .isNotEqualTo(Optional.of(true));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
      assertThat(notes(restarted)).containsExactly("before the crash");
      assertThat(setting(restarted, "fsync")).isEqualTo("on");
      assertThat(setting(restarted, "synchronous_commit")).isEqualTo("on");
    }
  }

  @Test
  void aCleanStartOnTheDirectoryOfAnInterruptedRunStopsItsServerAndStartsEmpty() throws Exception {
    // a test run stopped half-way leaves its cluster (and its server, when killed) behind
    Process first = startHolder("of the interrupted run");
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long orphan =
        Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());

    try (EmbeddedPostgres fresh = EmbeddedPostgresConfiguration.start(dataDir, true, false)) {
      assertThat(ProcessHandle.of(orphan).map(EmbeddedPostgresConfiguration::running))
          .isNotEqualTo(Optional.of(true));
      try (Connection c = fresh.getPostgresDatabase().getConnection();
          Statement s = c.createStatement();
          var tables =
              s.executeQuery("select count(*) from pg_tables where tablename = 'survivor'")) {
        tables.next();
        assertThat(tables.getInt(1)).as("the interrupted run's table").isZero();
      }
    }
  }

  @Test
  void aStalePidFileOfADeadServerDoesNotStopTheNextStart() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start(dataDir, false)) {
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create table survivor (note text)");
        s.execute("insert into survivor values ('kept')");
      }
    }
    // A pid file left behind, naming a process that is not a PostgreSQL server.
    Files.writeString(
        dataDir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dataDir + "\n");

    try (EmbeddedPostgres restarted = EmbeddedPostgresConfiguration.start(dataDir, false)) {
      assertThat(notes(restarted)).containsExactly("kept");
    }
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }

  @Test
  void aServerOfALiveApplicationIsLeftAloneAndTheSecondStartIsRefused() throws Exception {
    Process owner = startHolder("owned");
    try {
      long server = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0));

      assertThatThrownBy(() -> EmbeddedPostgresConfiguration.start(dataDir, false))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("still running");
      assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);
      assertThat(dataDir.resolve("postmaster.pid")).exists();
    } finally {
      owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    // its owner gone, the same server is an orphan: stopped, and its data kept
    try (EmbeddedPostgres restarted = EmbeddedPostgresConfiguration.start(dataDir, false)) {
      assertThat(notes(restarted)).containsExactly("owned");
    }
  }

  @Test
  void aServerThisJvmRunsIsLeftAloneToo() throws Exception {
    try (EmbeddedPostgres running = EmbeddedPostgresConfiguration.start(dataDir, false)) {
      assertThatThrownBy(() -> EmbeddedPostgresConfiguration.start(dataDir, false))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("still running");
      try (Connection c = running.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        assertThat(s.execute("select 1")).isTrue();
      }
    }
  }

  @Test
  void aStalePidFileNamingTheServerOfAnotherDirectoryLeavesThatServerRunning(@TempDir Path otherDir)
      throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start(dataDir, false)) {
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create table survivor (note text)");
        s.execute("insert into survivor values ('mine')");
      }
    }
    try (EmbeddedPostgres other = EmbeddedPostgresConfiguration.start(otherDir, false)) {
      String otherPid = Files.readAllLines(otherDir.resolve("postmaster.pid")).get(0).strip();
      Files.writeString(dataDir.resolve("postmaster.pid"), otherPid + "\n" + dataDir + "\n");

      try (EmbeddedPostgres restarted = EmbeddedPostgresConfiguration.start(dataDir, false)) {
        assertThat(notes(restarted)).containsExactly("mine");
      }
      assertThat(ProcessHandle.of(Long.parseLong(otherPid)).map(ProcessHandle::isAlive))
          .contains(true);
      try (Connection c = other.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        assertThat(s.execute("select 1")).isTrue();
      }
    }
  }

  private Process startHolder(String note) throws Exception {
    String classpath =
        Optional.ofNullable(System.getProperty("surefire.test.class.path"))
            .orElse(System.getProperty("java.class.path"));
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                EmbeddedPostgresHolder.class.getName(),
                dataDir.toString(),
                note)
            .redirectErrorStream(true)
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = output.readLine()) != null) {
      lines.add(line);
      if (line.equals("READY")) {
        // keep draining the child's output so it never blocks on a full pipe
        Thread drain = new Thread(() -> output.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return process;
      }
    }
    throw new AssertionError("The child JVM did not start PostgreSQL: " + String.join("\n", lines));
  }

  private static String setting(EmbeddedPostgres postgres, String name) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<String> notes(EmbeddedPostgres postgres) throws Exception {
    List<String> notes = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select note from survivor")) {
      while (rs.next()) {
        notes.add(rs.getString(1));
      }
    }
    return notes;
  }
}
