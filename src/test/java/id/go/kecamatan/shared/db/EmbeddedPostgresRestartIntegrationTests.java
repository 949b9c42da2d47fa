package id.go.kecamatan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(notes(restarted)).containsExactly("before the crash");
      assertThat(setting(restarted, "fsync")).isEqualTo("on");
      assertThat(setting(restarted, "synchronous_commit")).isEqualTo("on");
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
