package id.go.kecamatan;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The migrations as the application runs them (spring.flyway.* in application.yml), for the
 * benchmark harnesses that migrate a database of their own: Flyway's lock is a session lock, since
 * an index built concurrently (V119) waits forever on a lock held by a transaction.
 */
public final class Migrations {

  private Migrations() {}

  /** Applies the pending migrations. */
  public static MigrateResult migrate(DataSource data) {
    return migrate(data, false);
  }

  /**
   * Applies the pending migrations to a database kept from an earlier run ({@code -Dbench.reuse}),
   * also those numbered below the last one it has: branches merged since it was loaded bring
   * migrations with lower numbers, which Flyway would otherwise refuse as out of order.
   */
  public static MigrateResult migrateKept(DataSource data) {
    return migrate(data, true);
  }

  private static MigrateResult migrate(DataSource data, boolean outOfOrder) {
    return Flyway.configure()
        .dataSource(data)
        .locations("classpath:db/migration")
        .outOfOrder(outOfOrder)
        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
        .load()
        .migrate();
  }
}
