package id.go.kecamatan.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedPostgresRestartIntegrationTests}: starts the embedded
 * PostgreSQL on a data directory, writes a row, says READY and waits to be killed.
 */
public final class EmbeddedPostgresHolder {

  private EmbeddedPostgresHolder() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start(Path.of(args[0]), false);
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists survivor (note text)");
      statement.execute("insert into survivor values ('" + args[1] + "')");
    }
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join();
  }
}
