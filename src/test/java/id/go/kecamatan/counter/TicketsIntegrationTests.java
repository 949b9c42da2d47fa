package id.go.kecamatan.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.MovableClock;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Issuing tickets on a real database: numbers unique and consecutive under concurrency on two
 * service instances with pools of their own (as two nodes), a daily reset on a fixed clock, a
 * running series, the quota, the inside limit and an appointment's check-in.
 */
@IntegrationTest
class TicketsIntegrationTests {

  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Offices offices;
  @Autowired QueueSettings settings;
  @Autowired Tickets tickets;
  @Autowired id.go.kecamatan.audit.AuditTrail audit;
  @Autowired id.go.kecamatan.office.OpeningHours hours;

  Office office;

  @BeforeEach
  void office() {
    office = CounterFixtures.office(offices, jdbc, "35.16.11");
  }

  /** A node of its own; its kiosk takes tickets at any hour, as in the shared test context. */
  Tickets instance(DataSource source, Clock clock) {
    return instance(source, clock, false);
  }

  Tickets instance(DataSource source, Clock clock, boolean kioskFollowsHours) {
    return new Tickets(
        JdbcClient.create(source),
        new DataSourceTransactionManager(source),
        clock,
        offices,
        settings,
        audit,
        hours,
        kioskFollowsHours);
  }

  HikariDataSource pool() {
    HikariDataSource main = (HikariDataSource) dataSource;
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(main.getJdbcUrl());
    pool.setUsername(main.getUsername());
    pool.setPassword(main.getPassword());
    pool.setMaximumPoolSize(8);
    return pool;
  }

  @Test
  void fiveHundredTicketsTakenAtOnceOnTwoInstancesGetFiveHundredConsecutiveNumbers()
      throws Exception {
    UUID group = CounterFixtures.group(jdbc, office.id(), 1, 999, true, null);
    try (HikariDataSource poolA = pool();
        HikariDataSource poolB = pool()) {
      Tickets nodeA = instance(poolA, Clock.system(WIB));
      Tickets nodeB = instance(poolB, Clock.system(WIB));
      ExecutorService threads = Executors.newFixedThreadPool(16);
      List<Callable<Tickets.Issued>> calls = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        Tickets node = i % 2 == 0 ? nodeA : nodeB;
        calls.add(
            () ->
                node.issue(
                    Tickets.Request.walkIn(
                        office.id(), group, TicketSource.KIOSK, null, null, null, null)));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<Tickets.Issued> f : threads.invokeAll(calls)) {
        numbers.add(f.get().number());
      }
      threads.shutdown();
      String prefix = numbers.get(0).substring(0, 2);
      assertThat(numbers)
          .hasSize(500)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(
              IntStream.rangeClosed(1, 500)
                  .mapToObj(n -> prefix + String.format("%03d", n))
                  .toList());
    }
  }

  @Test
  void aDailySeriesStartsAgainTheNextDayAndARunningSeriesGoesOn() {
    UUID daily = CounterFixtures.group(jdbc, office.id(), 1, 999, true, null);
    UUID running = CounterFixtures.group(jdbc, office.id(), 5, 7, false, null);
    MovableClock clock =
        new MovableClock(ZonedDateTime.of(2031, 3, 3, 8, 0, 0, 0, WIB).toInstant());
    Tickets node = instance(dataSource, clock);

    assertThat(take(node, daily)).endsWith("-001");
    assertThat(take(node, daily)).endsWith("-002");
    assertThat(take(node, running)).endsWith("-005");
    assertThat(take(node, running)).endsWith("-006");

    clock.advance(Duration.ofDays(1));
    assertThat(take(node, daily)).endsWith("-001");
    assertThat(take(node, running)).endsWith("-007");
    assertThat(take(node, running)).as("wraps to the first number").endsWith("-005");
    assertThat(take(node, running)).endsWith("-006");
    assertThatThrownBy(() -> take(node, running))
        .as("the next would be 007, given today already")
        .isInstanceOf(Tickets.NoNumbersLeft.class);
  }

  @Test
  void aDailyRangeUsedUpIsRefusedAndTheQuotaCountsWalkInsOnly() {
    UUID small = CounterFixtures.group(jdbc, office.id(), 1, 2, true, null);
    Tickets node = instance(dataSource, fixedDay(2031, 4, 1));
    take(node, small);
    take(node, small);
    assertThatThrownBy(() -> take(node, small)).isInstanceOf(Tickets.NoNumbersLeft.class);

    UUID quota = CounterFixtures.group(jdbc, office.id(), 1, 999, true, 2);
    take(node, quota);
    take(node, quota);
    assertThatThrownBy(() -> take(node, quota)).isInstanceOf(Tickets.QuotaReached.class);
    Tickets.Issued booked =
        node.issue(
            new Tickets.Request(
                office.id(),
                quota,
                TicketSource.APPOINTMENT,
                null,
                "Booked",
                null,
                null,
                "Q-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDateTime.of(2031, 4, 1, 9, 0)));
    assertThat(booked.number()).as("a booked seat is not a walk-in").endsWith("-003");
  }

  @Test
  void pastTheInsideLimitANewTicketWaitsOutside() {
    Office other = CounterFixtures.office(offices, jdbc, "35.16.12");
    UUID group = CounterFixtures.group(jdbc, other.id(), 1, 999, true, null);
    settings.save(other.id(), "2", "30", "2", "60", "3");
    Tickets node = instance(dataSource, fixedDay(2031, 5, 5));
    assertThat(issue(node, other.id(), group).waitOutside()).isFalse();
    assertThat(issue(node, other.id(), group).waitOutside()).isFalse();
    assertThat(issue(node, other.id(), group).waitOutside()).isTrue();
    jdbc.sql("update ticket set status = 'DONE' where office_id = ? and day = ? and number = 1")
        .params(other.id(), LocalDate.of(2031, 5, 5))
        .update();
    assertThat(issue(node, other.id(), group).waitOutside())
        .as("one served, so one more fits inside")
        .isFalse();
  }

  @Test
  void checkingInAnAppointmentTwiceGivesTheSameTicket() {
    UUID group = CounterFixtures.group(jdbc, office.id(), 1, 999, true, null);
    String code = "JNJ-" + UUID.randomUUID().toString().substring(0, 6);
    LocalDateTime at = LocalDateTime.now(WIB).withSecond(0).withNano(0);
    IssuedTicket first = tickets.issueForAppointment(office.id(), group, code, at, true, "Siti");
    IssuedTicket again = tickets.issueForAppointment(office.id(), group, code, at, true, "Siti");
    assertThat(again).isEqualTo(first);
    assertThat(first.number()).matches("[A-Z]-001");
    assertThat(first.statusPath())
        .startsWith("/kecamatan/" + office.slug() + "/antrean/tiket/")
        .hasSizeGreaterThan(("/kecamatan/" + office.slug() + "/antrean/tiket/").length() + 20);
    assertThat(
            jdbc.sql("select priority, source, scheduled_at from ticket where id = ?")
                .param(first.id())
                .query(
                    (rs, i) ->
                        rs.getString(1)
                            + " "
                            + rs.getString(2)
                            + " "
                            + rs.getObject(3, LocalDateTime.class))
                .single())
        .isEqualTo("BOOKED APPOINTMENT " + at);
  }

  @Test
  void theKioskGivesNumbersInTheOpeningHoursOnlyAndEveryTicketIsAudited() {
    UUID group = CounterFixtures.group(jdbc, office.id(), 1, 999, true, null);
    // the office keeps the usual hours: 08:00-15:00, break 12:00-13:00, Monday to Friday
    MovableClock clock =
        new MovableClock(ZonedDateTime.of(2031, 3, 3, 7, 45, 0, 0, WIB).toInstant());
    Tickets node = instance(dataSource, clock, true);
    Tickets.Request kiosk =
        Tickets.Request.walkIn(office.id(), group, TicketSource.KIOSK, null, null, null, null);
    assertThatThrownBy(() -> node.issue(kiosk))
        .as("before opening")
        .isInstanceOfSatisfying(
            Tickets.Closed.class,
            e -> assertThat(e.today()).extracting(Object::toString).contains("08:00–12:00"));
    Tickets.Issued early = issue(node, office.id(), group);
    assertThat(early.number()).as("the front office issues at any time").endsWith("-001");

    clock.set(ZonedDateTime.of(2031, 3, 3, 8, 0, 0, 0, WIB).toInstant());
    Tickets.Issued opened = node.issue(kiosk);
    assertThat(opened.number()).endsWith("-002");
    clock.set(ZonedDateTime.of(2031, 3, 3, 12, 30, 0, 0, WIB).toInstant());
    assertThatThrownBy(() -> node.issue(kiosk)).as("the break").isInstanceOf(Tickets.Closed.class);
    clock.set(ZonedDateTime.of(2031, 3, 3, 15, 0, 0, 0, WIB).toInstant());
    assertThatThrownBy(() -> node.issue(kiosk)).as("closed").isInstanceOf(Tickets.Closed.class);
    clock.set(ZonedDateTime.of(2031, 3, 8, 10, 0, 0, 0, WIB).toInstant());
    assertThatThrownBy(() -> node.issue(kiosk))
        .as("a Saturday")
        .isInstanceOfSatisfying(Tickets.Closed.class, e -> assertThat(e.today()).isEmpty());

    for (Tickets.Issued issued : List.of(early, opened)) {
      assertThat(
              jdbc.sql(
                      "select details->>'label' from audit_event where action = 'counter.ticket.issued' and entity_id = ?")
                  .param(issued.id().toString())
                  .query(String.class)
                  .single())
          .isEqualTo(issued.number());
    }
  }

  @Test
  void aGroupOfAnotherOfficeIsRefused() {
    Office other = CounterFixtures.office(offices, jdbc, "35.16.12");
    UUID theirs = CounterFixtures.group(jdbc, other.id(), 1, 999, true, null);
    assertThatThrownBy(
            () ->
                tickets.issueForAppointment(
                    office.id(), theirs, "X-1", LocalDateTime.now(WIB), false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            jdbc.sql("select count(*) from ticket where group_id = ?")
                .param(theirs)
                .query(Long.class)
                .single())
        .isZero();
  }

  private Tickets.Issued issue(Tickets node, UUID officeId, UUID group) {
    return node.issue(
        Tickets.Request.walkIn(officeId, group, TicketSource.FRONT_OFFICE, null, null, null, null));
  }

  private String take(Tickets node, UUID group) {
    return issue(node, office.id(), group).number();
  }

  private static Clock fixedDay(int year, int month, int day) {
    return Clock.fixed(ZonedDateTime.of(year, month, day, 9, 0, 0, 0, WIB).toInstant(), WIB);
  }
}
