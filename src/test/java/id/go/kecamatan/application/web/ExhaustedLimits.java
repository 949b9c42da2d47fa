package id.go.kecamatan.application.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties a client's bucket of a rate limit in the database (its row says "full again in two
 * hours"), as if it had sent all it may: the tests run with limits too high to reach by requests.
 */
final class ExhaustedLimits {

  private final JdbcClient jdbc;
  private final Clock clock;

  ExhaustedLimits(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void exhaust(String limit, String client) {
    jdbc.sql(
            """
            insert into rate_limit (name, client, tat) values (?, ?, ?)
            on conflict (name, client) do update set tat = excluded.tat
            """)
        .params(
            limit, hash(limit, client), Timestamp.from(clock.instant().plus(Duration.ofHours(2))))
        .update();
  }

  void refill(String limit, String client) {
    jdbc.sql("delete from rate_limit where name = ? and client = ?")
        .params(limit, hash(limit, client))
        .update();
  }

  /** The loopback addresses a test's requests come from. */
  void exhaustLoopback(String limit) {
    exhaust(limit, "127.0.0.1");
    exhaust(limit, "0:0:0:0:0:0:0:1");
  }

  void refillLoopback(String limit) {
    refill(limit, "127.0.0.1");
    refill(limit, "0:0:0:0:0:0:0:1");
  }

  private static byte[] hash(String name, String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(name.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(key.getBytes(StandardCharsets.UTF_8));
      return sha256.digest();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
