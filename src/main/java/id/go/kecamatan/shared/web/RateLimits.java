package id.go.kecamatan.shared.web;

import id.go.kecamatan.shared.Sha256;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits kept in PostgreSQL, so that every node of a deployment counts the same requests: a
 * limit of 10 a minute stays 10 a minute behind a load balancer with any number of nodes. Each
 * limit is a token bucket with greedy refill (the generic cell rate algorithm: one row per client
 * with the time its bucket is full again), taken in one statement under the row's lock, so parallel
 * requests cannot get around it. Clients' keys (addresses, contacts, tracking codes) are stored
 * only as SHA-256 hashes; rows of full buckets are deleted every ten minutes.
 */
@Component
public class RateLimits {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final MeterRegistry registry;

  RateLimits(JdbcClient jdbc, Clock clock) {
    this(jdbc, clock, new SimpleMeterRegistry());
  }

  /**
   * Refusals are counted in {@code layanan_rate_limit_refusals_total}, labelled with the limit's
   * name only (never a client).
   */
  @Autowired
  RateLimits(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.registry = registry;
  }

  /**
   * A limit of {@code capacity} requests per {@code period} per client, refilled evenly. The name
   * tells the limit apart from the others (one name, one limit).
   */
  public RateLimit limit(String name, int capacity, Duration period) {
    if (capacity < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(
          "a rate limit needs a positive capacity and period: " + capacity + " per " + period);
    }
    return new RateLimit(this, name, capacity, period);
  }

  /** {@code perMinute} requests a minute per client. */
  public RateLimit perMinute(String name, int perMinute) {
    return limit(name, perMinute, Duration.ofMinutes(1));
  }

  /**
   * Every ten minutes, on one node, deletes the rows of full buckets. The locked method returns
   * nothing: ShedLock refuses to lock a method returning a primitive (it cannot answer for a
   * skipped run), so the count comes from {@link #purge()}.
   */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  @SchedulerLock(name = "rate-limit-purge", lockAtMostFor = "PT10M")
  public void purgeOnOneNode() {
    purge();
  }

  /** Deletes the rows of full buckets (they say what a missing row says); returns how many. */
  public int purge() {
    return jdbc.sql("delete from rate_limit where tat <= ?")
        .param(Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * Takes one request: 0 when it may go on, otherwise the whole seconds until it may (at least 1).
   */
  long take(RateLimit limit, String key) {
    Instant now = clock.instant();
    byte[] client = hash(limit.name(), key);
    long interval = limit.interval().toNanos() / 1_000;
    Optional<Timestamp> taken =
        jdbc.sql(
                """
                insert into rate_limit (name, client, tat)
                values (:name, :client, cast(:now as timestamptz) + :interval * interval '1 microsecond')
                on conflict (name, client) do update
                  set tat = greatest(rate_limit.tat, cast(:now as timestamptz))
                            + :interval * interval '1 microsecond'
                  where greatest(rate_limit.tat, cast(:now as timestamptz))
                          + :interval * interval '1 microsecond'
                        <= cast(:now as timestamptz) + :period * interval '1 microsecond'
                returning tat
                """)
            .param("name", limit.name())
            .param("client", client)
            .param("now", Timestamp.from(now))
            .param("interval", interval)
            .param("period", limit.period().toNanos() / 1_000)
            .query(Timestamp.class)
            .optional();
    if (taken.isPresent()) {
      return 0;
    }
    Counter.builder("layanan.rate.limit.refusals")
        .description("Requests refused by a rate limit, by limit")
        .tag("limit", limit.name())
        .register(registry)
        .increment();
    Instant full = full(limit.name(), client).orElse(now);
    Instant next = (full.isAfter(now) ? full : now).plus(limit.interval());
    Duration wait = Duration.between(now.plus(limit.period()), next);
    return Math.max(1, (wait.toMillis() + 999) / 1_000);
  }

  /** Whether the client's next request would be refused, without taking one. */
  boolean exhausted(RateLimit limit, String key) {
    Instant now = clock.instant();
    return full(limit.name(), hash(limit.name(), key))
        .map(full -> (full.isAfter(now) ? full : now).plus(limit.interval()))
        .map(next -> next.isAfter(now.plus(limit.period())))
        .orElse(false);
  }

  /**
   * Gives back one request the client took (for a limit that counts only failures: take before the
   * attempt, so parallel attempts cannot get around it, and give back when it succeeded).
   */
  void giveBack(RateLimit limit, String key) {
    jdbc.sql(
            """
            update rate_limit set tat = tat - :interval * interval '1 microsecond'
            where name = :name and client = :client
            """)
        .param("interval", limit.interval().toNanos() / 1_000)
        .param("name", limit.name())
        .param("client", hash(limit.name(), key))
        .update();
  }

  /** Forgets every client of the limit (for tests). */
  void reset(RateLimit limit) {
    jdbc.sql("delete from rate_limit where name = ?").param(limit.name()).update();
  }

  private Optional<Instant> full(String name, byte[] client) {
    return jdbc.sql("select tat from rate_limit where name = ? and client = ?")
        .params(name, client)
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }

  private static byte[] hash(String name, String key) {
    MessageDigest sha256 = Sha256.digest();
    sha256.update(name.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 0);
    sha256.update(client(key).getBytes(StandardCharsets.UTF_8));
    return sha256.digest();
  }

  /** An IPv6 address as Tomcat and proxies write it: hex digits, colons, maybe a dotted tail. */
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

  /**
   * The client a key counts for: an IPv6 address stands for its /64 network, any other key (an IPv4
   * address, a contact, a tracking code) for itself. A subscriber's line or phone gets a whole /64
   * and may take a new address from it for every request, so counting addresses one by one let one
   * phone try 2^64 times as often as any limit says.
   */
  public static String client(String key) {
    if (key == null) {
      return "";
    }
    if (!IPV6.matcher(key).matches()) {
      return key;
    }
    try {
      // a literal (hex digits and colons only): parsed, never looked up
      InetAddress address = InetAddress.getByName(key);
      if (!(address instanceof Inet6Address)) {
        return address.getHostAddress();
      }
      byte[] network = Arrays.copyOf(address.getAddress(), 16);
      Arrays.fill(network, 8, 16, (byte) 0);
      return InetAddress.getByAddress(network).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      return key;
    }
  }
}
