package id.go.kecamatan.casework;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.TrackingCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worklist's filters on an office of its own with 160 applications of every status, service,
 * village and channel, some assigned, some with their first check, many sharing a deadline: every
 * filter, paged by keyset to its end, gives exactly the applications the filter describes, in
 * deadline then id order, each once. The queries may change for speed (ADR 0035); what an officer
 * sees may not.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistIntegrationTests {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
  static final Set<ApplicationStatus> OPEN =
      EnumSet.of(
          ApplicationStatus.SUBMITTED,
          ApplicationStatus.IN_REVIEW,
          ApplicationStatus.NEEDS_COMPLETION);
  static final Set<ApplicationStatus> RUNNING =
      EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW);
  static final String[] NAMES = {
    "Siti Aminah",
    "siti amalia",
    "SITI AMINAH",
    "Sitiam Rahayu",
    "Budi Santoso",
    "50%_Diskon",
    "50 Persen",
    "Dewi_Lestari",
    "Dewi Lestari",
    "Agus \\ Miring"
  };

  @Autowired Worklist worklist;
  @Autowired JdbcClient jdbc;

  final UUID regency = UUID.randomUUID();
  final UUID office = UUID.randomUUID();
  final List<UUID> services = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
  final List<UUID> villages = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
  final List<UUID> staff = List.of(UUID.randomUUID(), UUID.randomUUID());

  /** What the test wrote: the expectation of every filter is computed from these. */
  record App(
      UUID id,
      String code,
      String nik,
      String name,
      UUID service,
      UUID village,
      Channel channel,
      ApplicationStatus status,
      LocalDate deadline,
      UUID assignee,
      boolean firstChecked) {}

  final List<App> apps = new ArrayList<>();

  @BeforeAll
  void anOfficeOfItsOwn() {
    jdbc.sql("insert into regency (id, code, name) values (?, '94.21', 'Kabupaten Daftar Kerja')")
        .param(regency)
        .update();
    jdbc.sql(
            "insert into office (id, regency_id, code, slug, name)"
                + " values (?, ?, '94.21.01', 'daftar-kerja-uji', 'Daftar Kerja Uji')")
        .params(office, regency)
        .update();
    for (int i = 0; i < 3; i++) {
      jdbc.sql("insert into village (id, office_id, code, name, kind) values (?, ?, ?, ?, 'DESA')")
          .params(villages.get(i), office, "94.21.01.200" + i, "Desa " + i)
          .update();
      jdbc.sql(
              "insert into service_type (id, office_id, code, name, category, completion_days)"
                  + " values (?, ?, ?, ?, 'NON_PERIZINAN', 5)")
          .params(services.get(i), office, "DK" + i, "Layanan " + i)
          .update();
    }
    for (int i = 0; i < 2; i++) {
      jdbc.sql(
              """
              insert into staff (id, regency_id, office_id, username, full_name, password_hash,
                roles)
              values (?, ?, ?, ?, ?, 'x', 'VERIFIER')
              """)
          .params(staff.get(i), regency, office, "daftar-kerja-" + i, "Verifikator " + i)
          .update();
    }
    Random random = new Random(21);
    ApplicationStatus[] statuses = ApplicationStatus.values();
    for (int i = 0; i < 160; i++) {
      ApplicationStatus status =
          i % 3 == 0 ? statuses[random.nextInt(statuses.length)] : statuses[random.nextInt(3)];
      UUID assignee = random.nextInt(3) == 0 ? null : staff.get(random.nextInt(2));
      App app =
          new App(
              UUID.randomUUID(),
              TrackingCode.generate("94.21.01", random).value(),
              "35169421" + String.format("%08d", random.nextInt(40)),
              NAMES[random.nextInt(NAMES.length)] + (random.nextBoolean() ? " " + i : ""),
              services.get(random.nextInt(3)),
              villages.get(random.nextInt(3)),
              Channel.values()[random.nextInt(Channel.values().length)],
              status,
              // 24 days around today for 160 applications: many share a deadline
              TODAY.plusDays(random.nextInt(24) - 12),
              assignee,
              status == ApplicationStatus.IN_REVIEW
                  ? random.nextBoolean()
                  : random.nextInt(8) == 0);
      apps.add(app);
      jdbc.sql(
              """
              insert into application (id, office_id, service_id, tracking_code, channel, status,
                nik, name, birth_place, birth_date, sex, village_id, address, answers,
                submitted_at, deadline)
              values (?, ?, ?, ?, ?, ?, ?, ?, 'Mojokerto', date '1990-01-01', 'FEMALE', ?,
                'Dusun 1', '{}'::jsonb, now(), ?)
              """)
          .params(
              app.id(),
              office,
              app.service(),
              app.code(),
              app.channel().name(),
              app.status().name(),
              app.nik(),
              app.name(),
              app.village(),
              app.deadline())
          .update();
      if (assignee != null) {
        jdbc.sql(
                """
                insert into casework_assignment
                  (application_id, office_id, staff_id, assigned_at, assigned_by)
                values (?, ?, ?, now(), 'uji')
                """)
            .params(app.id(), office, assignee)
            .update();
      }
      if (app.firstChecked()) {
        jdbc.sql(
                """
                insert into casework_first_check
                  (application_id, office_id, staff_id, checked_at, checked_by)
                values (?, ?, ?, now(), 'uji')
                """)
            .params(app.id(), office, staff.get(0))
            .update();
      }
    }
  }

  @AfterAll
  void removeTheOffice() {
    for (String table :
        List.of("casework_first_check", "casework_assignment", "application", "staff")) {
      jdbc.sql("delete from " + table + " where office_id = ?").param(office).update();
    }
    jdbc.sql("delete from service_type where office_id = ?").param(office).update();
    jdbc.sql("delete from village where office_id = ?").param(office).update();
    jdbc.sql("delete from office where id = ?").param(office).update();
    jdbc.sql("delete from regency where id = ?").param(regency).update();
  }

  @Test
  void everyFilterPagesThroughExactlyItsApplicationsByDeadlineThenId() {
    UUID me = staff.get(0);
    App some = apps.get(17);
    Map<Worklist.Filter, Predicate<App>> cases = new java.util.LinkedHashMap<>();
    cases.put(filter(null, null, null, null, null, null, null, false, null), a -> open(a));
    for (ApplicationStatus status : ApplicationStatus.values()) {
      cases.put(
          filter(status, null, null, null, null, null, null, false, null),
          a -> a.status() == status);
    }
    cases.put(
        filter(null, services.get(1), null, null, null, null, null, false, null),
        a -> open(a) && a.service().equals(services.get(1)));
    cases.put(
        filter(null, null, villages.get(2), null, null, null, null, false, null),
        a -> open(a) && a.village().equals(villages.get(2)));
    cases.put(
        filter(null, services.get(0), villages.get(1), null, null, null, null, false, null),
        a -> open(a) && a.service().equals(services.get(0)) && a.village().equals(villages.get(1)));
    cases.put(
        filter(null, null, null, Channel.COUNTER, null, null, null, false, null),
        a -> open(a) && a.channel() == Channel.COUNTER);
    cases.put(
        filter(null, null, null, null, Worklist.Assignee.MINE, null, null, false, null),
        a -> open(a) && me.equals(a.assignee()));
    cases.put(
        filter(null, null, null, null, Worklist.Assignee.OFFICER, staff.get(1), null, false, null),
        a -> open(a) && staff.get(1).equals(a.assignee()));
    cases.put(
        filter(null, null, null, null, Worklist.Assignee.UNASSIGNED, null, null, false, null),
        a -> open(a) && a.assignee() == null);
    cases.put(
        filter(null, null, null, null, null, null, Worklist.Due.OVERDUE, false, null),
        a -> RUNNING.contains(a.status()) && a.deadline().isBefore(TODAY));
    cases.put(
        filter(null, null, null, null, null, null, Worklist.Due.TODAY, false, null),
        a -> RUNNING.contains(a.status()) && a.deadline().isEqual(TODAY));
    cases.put(
        filter(ApplicationStatus.IN_REVIEW, null, null, null, null, null, null, true, null),
        a -> a.status() == ApplicationStatus.IN_REVIEW && a.firstChecked());
    cases.put(
        filter(
            null,
            null,
            villages.get(0),
            null,
            Worklist.Assignee.UNASSIGNED,
            null,
            Worklist.Due.OVERDUE,
            false,
            null),
        a ->
            RUNNING.contains(a.status())
                && a.deadline().isBefore(TODAY)
                && a.village().equals(villages.get(0))
                && a.assignee() == null);
    cases.put(
        filter(
            ApplicationStatus.SUBMITTED,
            null,
            null,
            Channel.ONLINE,
            Worklist.Assignee.MINE,
            null,
            null,
            false,
            null),
        a ->
            a.status() == ApplicationStatus.SUBMITTED
                && a.channel() == Channel.ONLINE
                && me.equals(a.assignee()));
    // a search without a status finds finished applications too; with one, only that status
    for (String search : List.of("siti am", "SITI", "sitiam", "50%", "50%_", "dewi_", "agus \\")) {
      cases.put(
          filter(null, null, null, null, null, null, null, false, search), a -> named(a, search));
      cases.put(
          filter(ApplicationStatus.IN_REVIEW, null, null, null, null, null, null, false, search),
          a -> a.status() == ApplicationStatus.IN_REVIEW && named(a, search));
    }
    cases.put(
        filter(null, null, villages.get(1), null, null, null, null, false, "siti"),
        a -> a.village().equals(villages.get(1)) && named(a, "siti"));
    cases.put(
        filter(null, null, null, null, null, null, null, false, some.nik()),
        a -> a.nik().equals(some.nik()));
    cases.put(
        filter(null, null, null, null, null, null, null, false, some.code()),
        a -> a.code().equals(some.code()));

    Comparator<App> order =
        Comparator.comparing(App::deadline).thenComparing(a -> a.id().toString());
    for (Map.Entry<Worklist.Filter, Predicate<App>> c : cases.entrySet()) {
      List<UUID> expected = apps.stream().filter(c.getValue()).sorted(order).map(App::id).toList();
      List<Worklist.Row> seen = all(c.getKey(), me);
      assertThat(seen).as("%s", c.getKey()).extracting(Worklist.Row::id).isEqualTo(expected);
      for (Worklist.Row row : seen) {
        App app = apps.stream().filter(a -> a.id().equals(row.id())).findFirst().orElseThrow();
        assertThat(row.firstChecked()).isEqualTo(app.firstChecked());
        assertThat(row.assigneeName())
            .isEqualTo(
                app.assignee() == null ? null : "Verifikator " + staff.indexOf(app.assignee()));
        assertThat(row.villageName()).isEqualTo("Desa " + villages.indexOf(app.village()));
        assertThat(row.serviceName()).isEqualTo("Layanan " + services.indexOf(app.service()));
      }
    }
    // the filters are not vacuous: the default list needs several pages
    assertThat(all(Worklist.Filter.open(), me)).hasSizeGreaterThan(2 * Worklist.PAGE_SIZE);
  }

  /** Every page of the filter, each read by the keyset of the page before. */
  List<Worklist.Row> all(Worklist.Filter filter, UUID me) {
    List<Worklist.Row> rows = new ArrayList<>();
    Worklist.Filter page = filter;
    for (int pages = 0; pages < 20; pages++) {
      Worklist.Result result = worklist.find(office, me, page, page.villageId(), TODAY);
      assertThat(result.rows()).hasSizeLessThanOrEqualTo(Worklist.PAGE_SIZE);
      rows.addAll(result.rows());
      if (!result.hasNext()) {
        return rows;
      }
      assertThat(result.rows()).hasSize(Worklist.PAGE_SIZE);
      Worklist.Row last = result.rows().get(result.rows().size() - 1);
      page =
          new Worklist.Filter(
              filter.status(),
              filter.serviceId(),
              filter.villageId(),
              filter.channel(),
              filter.assignee(),
              filter.assigneeId(),
              filter.due(),
              filter.awaitingSecondCheck(),
              filter.search(),
              last.deadline(),
              last.id());
    }
    throw new AssertionError("more than 20 pages");
  }

  static boolean open(App a) {
    return OPEN.contains(a.status());
  }

  static boolean named(App a, String search) {
    return a.name().toLowerCase(Locale.ROOT).startsWith(search.toLowerCase(Locale.ROOT));
  }

  static Worklist.Filter filter(
      ApplicationStatus status,
      UUID service,
      UUID village,
      Channel channel,
      Worklist.Assignee assignee,
      UUID assigneeId,
      Worklist.Due due,
      boolean secondCheck,
      String search) {
    return new Worklist.Filter(
        status,
        service,
        village,
        channel,
        assignee,
        assigneeId,
        due,
        secondCheck,
        search,
        null,
        null);
  }
}
