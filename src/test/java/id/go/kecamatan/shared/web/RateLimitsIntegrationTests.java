package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate limits are counted in the database: two nodes (two {@link RateLimits} over the same
 * database) share one count, parallel requests cannot get around it, buckets refill evenly, and
 * clients' keys are stored only as hashes.
 */
@IntegrationTest
class RateLimitsIntegrationTests {

  @Autowired JdbcClient jdbc;

  MovableClock clock;
  RateLimits nodeA;
  RateLimits nodeB;
  String name;

  @BeforeEach
  void setUp() {
    clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    nodeA = new RateLimits(jdbc, clock);
    nodeB = new RateLimits(jdbc, clock);
    name = "uji-" + UUID.randomUUID();
  }

  @Test
  void twoNodesShareOneCountAndTheRefusalSaysHowLongToWait() {
    RateLimit onA = nodeA.perMinute(name, 3);
    RateLimit onB = nodeB.perMinute(name, 3);

    assertThat(onA.take("10.0.0.1")).isZero();
    assertThat(onB.take("10.0.0.1")).isZero();
    assertThat(onA.take("10.0.0.1")).isZero();
    // one request comes back every 20 seconds
    assertThat(onB.take("10.0.0.1")).isEqualTo(20);
    assertThat(onA.take("10.0.0.1")).isEqualTo(20);
    // another client and another limit of the same client are counted apart
    assertThat(onB.take("10.0.0.2")).isZero();
    assertThat(nodeB.perMinute(name + "-lain", 3).take("10.0.0.1")).isZero();

    clock.advance(Duration.ofSeconds(15));
    assertThat(onA.take("10.0.0.1")).isEqualTo(5);
    clock.advance(Duration.ofSeconds(5));
    assertThat(onB.take("10.0.0.1")).isZero();
    assertThat(onA.take("10.0.0.1")).isEqualTo(20);

    // after a full minute the whole bucket is back
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      assertThat(onA.take("10.0.0.1")).as("request %d", i + 1).isZero();
    }
    assertThat(onA.take("10.0.0.1")).isPositive();
  }

  @Test
  void anIpv6NetworkCountsAsOneClientHoweverManyOfItsAddressesItTakes() {
    RateLimit limit = nodeA.perMinute(name, 3);
    for (int i = 1; i <= 3; i++) {
      assertThat(limit.take("2001:db8:1:2::" + i)).as("address %d", i).isZero();
    }
    // a phone takes a new address of its /64 for the next request: refused all the same
    assertThat(limit.take("2001:db8:1:2:ffff:ffff:ffff:fffe")).isPositive();
    assertThat(limit.exhausted("2001:DB8:1:2:0:0:0:abcd")).isTrue();
    // the next /64, an IPv4 address, a contact and a tracking code count apart
    assertThat(limit.take("2001:db8:1:3::1")).isZero();
    assertThat(limit.take("10.0.0.1")).isZero();
    assertThat(limit.take("tel:6281234567890")).isZero();
    assertThat(limit.take("351616-K7M3QPX9")).isZero();
    assertThat(RateLimits.client("::ffff:10.0.0.7")).isEqualTo("10.0.0.7");
    assertThat(RateLimits.client("mail:warga@contoh.id")).isEqualTo("mail:warga@contoh.id");
  }

  @Test
  void parallelRequestsFromManyNodesGetExactlyTheCapacity() throws Exception {
    List<RateLimit> nodes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      nodes.add(new RateLimits(jdbc, clock).perMinute(name, 5));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Long>> requests = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        RateLimit node = nodes.get(i % nodes.size());
        requests.add(() -> node.take("0812-3456-7890"));
      }
      long allowed = 0;
      for (Future<Long> answer : pool.invokeAll(requests)) {
        if (answer.get() == 0) {
          allowed++;
        }
      }
      assertThat(allowed).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void exhaustedLooksWithoutTaking() {
    RateLimit limit = nodeA.limit(name, 2, Duration.ofHours(1));

    assertThat(limit.exhausted("ABC-123")).isFalse();
    assertThat(limit.exhausted("ABC-123")).isFalse();
    limit.take("ABC-123");
    assertThat(limit.exhausted("ABC-123")).isFalse();
    limit.take("ABC-123");
    assertThat(limit.exhausted("ABC-123")).isTrue();
    assertThat(nodeB.limit(name, 2, Duration.ofHours(1)).exhausted("ABC-123")).isTrue();
    // one comes back after half an hour
    clock.advance(Duration.ofMinutes(30));
    assertThat(limit.exhausted("ABC-123")).isFalse();
  }

  @Test
  void keysAreStoredOnlyAsHashesAndHostileOrOversizedKeysAreCountedLikeAnyOther() {
    RateLimit limit = nodeA.perMinute(name, 1);
    String contact = "warga.rahasia@contoh.id";
    String hostile = "'); drop table rate_limit; --";
    String oversized = "9".repeat(100_000);

    assertThat(limit.take(contact)).isZero();
    assertThat(limit.take(hostile)).isZero();
    assertThat(limit.take(hostile)).isPositive();
    assertThat(limit.take(oversized)).isZero();
    assertThat(limit.take(oversized)).isPositive();
    assertThat(limit.take(null)).isZero();
    assertThat(limit.take(null)).isPositive();

    List<byte[]> stored =
        jdbc.sql("select client from rate_limit where name = ?")
            .param(name)
            .query(byte[].class)
            .list();
    assertThat(stored).hasSize(4).allSatisfy(client -> assertThat(client).hasSize(32));
    assertThat(stored)
        .noneSatisfy(
            client ->
                assertThat(new String(client, StandardCharsets.ISO_8859_1)).contains("rahasia"));
  }

  @Test
  void thePurgeDeletesFullBucketsOnlyAndResetForgetsOneLimit() {
    RateLimit hourly = nodeA.limit(name, 10, Duration.ofHours(1));
    RateLimit minutely = nodeA.perMinute(name + "-menit", 10);
    hourly.take("a");
    minutely.take("a");

    clock.advance(Duration.ofMinutes(3));
    nodeA.purge();
    // the minute's bucket is full again after 6 seconds, the hour's after 6 minutes
    assertThat(rows(name + "-menit")).isZero();
    assertThat(rows(name)).isOne();

    hourly.reset();
    assertThat(rows(name)).isZero();
  }

  @Test
  void aLimitWithoutCapacityOrPeriodIsRefusedAtStart() {
    assertThatThrownBy(() -> nodeA.perMinute(name, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> nodeA.limit(name, 5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private long rows(String limit) {
    return jdbc.sql("select count(*) from rate_limit where name = ?")
        .param(limit)
        .query(Long.class)
        .single();
  }
}
