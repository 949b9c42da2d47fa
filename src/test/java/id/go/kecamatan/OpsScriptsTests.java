package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's scripts stop with a message that says what to do, before they touch anything, when
 * they are run wrongly: no database configured, a URL that is not PostgreSQL's, a folder that is
 * not a backup or an unfinished one. (The full backup and restore runs in
 * BackupRestoreDrillIntegrationTests.)
 */
class OpsScriptsTests {

  @TempDir Path dir;

  record Run(int exit, String output) {}

  private Run run(String script, Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash", "ops/" + script));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("SPRING_DATASOURCE_URL");
    builder.environment().remove("DATABASE_URL");
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  @Test
  void aBackupWithoutADatabaseOrWithAWrongUrlSaysWhichSettingToGive() throws Exception {
    Run none = run("backup.sh", Map.of(), dir.toString());
    assertThat(none.exit()).isNotZero();
    assertThat(none.output()).contains("no database: set SPRING_DATASOURCE_URL", "DATABASE_URL");

    Run mysql =
        run("backup.sh", Map.of("SPRING_DATASOURCE_URL", "jdbc:mysql://db/layanan"), dir + "");
    assertThat(mysql.exit()).isNotZero();
    assertThat(mysql.output()).contains("must be jdbc:postgresql://host:port/database");

    Run store =
        run(
            "backup.sh",
            Map.of(
                "SPRING_DATASOURCE_URL",
                "jdbc:postgresql://127.0.0.1:1/layanan",
                "LAYANAN_DOCUMENTS_STORE",
                "ftp"),
            dir.toString());
    assertThat(store.output()).contains("LAYANAN_DOCUMENTS_STORE must be filesystem or s3");

    Run noFolder = run("backup.sh", Map.of(), dir.resolve("missing").toString());
    assertThat(noFolder.output()).contains("is not a folder");
    assertThat(run("backup.sh", Map.of()).output()).contains("usage: ops/backup.sh");
    try (var left = Files.list(dir)) {
      assertThat(left).as("nothing written").isEmpty();
    }
  }

  @Test
  void aRestoreRefusesAFolderThatIsNotABackupOrIsUnfinished() throws Exception {
    Run empty = run("restore.sh", Map.of(), dir.toString());
    assertThat(empty.exit()).isNotZero();
    assertThat(empty.output()).contains("holds no database.dump");

    Files.writeString(dir.resolve("database.dump"), "PGDMP");
    Run unfinished = run("restore.sh", Map.of(), dir.toString());
    assertThat(unfinished.exit()).isNotZero();
    assertThat(unfinished.output()).contains("has no manifest.sha256", "take another one");
  }

  @Test
  void theStartArchiveRefusesAMissingJarAFileThatIsNoJarAndAFolderInUse() throws Exception {
    Run usage = run("start-archive.sh", Map.of());
    assertThat(usage.exit()).isNotZero();
    assertThat(usage.output()).contains("usage: ops/start-archive.sh");

    Run missing = run("start-archive.sh", Map.of(), dir.resolve("app.jar").toString(), dir + "/a");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.output()).contains("app.jar is not a file");

    Path text = Files.writeString(dir.resolve("notes.jar"), "not a jar");
    Run notJar = run("start-archive.sh", Map.of(), text.toString(), dir + "/a");
    assertThat(notJar.exit()).isNotZero();
    assertThat(notJar.output()).contains("notes.jar is not a jar");

    Path jar = Files.write(dir.resolve("app.jar"), new byte[] {'P', 'K', 3, 4});
    Path used = Files.createDirectories(dir.resolve("used"));
    Files.writeString(used.resolve("app.jsa"), "an earlier archive");
    Run inUse = run("start-archive.sh", Map.of(), jar.toString(), used.toString());
    assertThat(inUse.exit()).isNotZero();
    assertThat(inUse.output()).contains("used is not empty: give a new folder");
    assertThat(Files.readString(used.resolve("app.jsa"))).isEqualTo("an earlier archive");
    try (var left = Files.list(used)) {
      assertThat(left).as("nothing written beside the earlier archive").hasSize(1);
    }
  }

  @Test
  void theStartArchiveSaysWhenItsJavaOrTheNodesOptionsCannotRun() throws Exception {
    Path jar = Files.write(dir.resolve("app.jar"), new byte[] {'P', 'K', 3, 4});

    Run noJava =
        run("start-archive.sh", Map.of("JAVA", "/no/such/java"), jar.toString(), dir + "/a");
    assertThat(noJava.exit()).isNotZero();
    assertThat(noJava.output())
        .contains("cannot run /no/such/java (set JAVA to the java of the node");

    Run badOption =
        run(
            "start-archive.sh",
            Map.of("JAVA", "java", "JAVA_OPTS", "-Xmx512m -XX:+NoSuchCollector"),
            jar.toString(),
            dir + "/b");
    assertThat(badOption.exit()).isNotZero();
    assertThat(badOption.output())
        .contains("cannot run java -Xmx512m -XX:+NoSuchCollector", "JAVA_OPTS to its options");
    assertThat(dir.resolve("b")).as("nothing extracted").doesNotExist();
  }
}
