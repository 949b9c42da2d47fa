package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DemoDataIntegrationTests {

  /** Other tests share the database and may register more kecamatan. */
  static final List<String> DEMO_OFFICES = List.of("35.16.16", "33.02.27", "12.77.03");

  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired Offices offices;
  @Autowired Catalog catalog;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void everyDemoOfficeHasApplicationsInEveryStatusOnEveryChannelSomeOverdue() {
    for (String code : DEMO_OFFICES) {
      UUID office =
          jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
      List<String> statuses =
          jdbc.sql("select distinct status from application where office_id = ?")
              .param(office)
              .query(String.class)
              .list();
      assertThat(statuses)
          .as("statuses of %s", code)
          .containsAll(
              java.util.Arrays.stream(id.go.kecamatan.application.ApplicationStatus.values())
                  .map(Enum::name)
                  .toList());
      assertThat(
              jdbc.sql("select distinct channel from application where office_id = ?")
                  .param(office)
                  .query(String.class)
                  .list())
          .contains("ONLINE", "COUNTER", "VILLAGE");
      assertThat(
              jdbc.sql(
                      """
                      select count(*) from application where office_id = ?
                      and status in ('SUBMITTED', 'IN_REVIEW') and deadline < current_date
                      """)
                  .param(office)
                  .query(Long.class)
                  .single())
          .isGreaterThanOrEqualTo(2);
      // the counter and village ones name their officer; every NIK is of the office's region
      assertThat(
              jdbc.sql(
                      """
                      select count(*) from application where office_id = ? and channel <> 'ONLINE'
                      and assisting_officer is null
                      """)
                  .param(office)
                  .query(Long.class)
                  .single())
          .isZero();
      assertThat(
              jdbc.sql(
                      "select nik from application where office_id = ? and idempotency_key is not null")
                  .param(office)
                  .query(String.class)
                  .list())
          .allSatisfy(nik -> assertThat(nik).startsWith(code.replace(".", "")));
      assertThat(
              jdbc.sql(
                      """
                      select count(*) from completion_request_item i
                      join completion_request r on r.id = i.completion_request_id
                      where r.office_id = ? and r.closed_at is null
                      """)
                  .param(office)
                  .query(Long.class)
                  .single())
          .isPositive();
    }
  }

  @Test
  void everyDemoOfficeHasSixMonthsOfSurveyResponsesWithAnIndex() {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    List<java.util.Map<String, Object>> rows =
        jdbc
            .sql(
                """
                select o.code, count(*) n, count(distinct date_trunc('month', r.answered_on)) months,
                       count(distinct r.channel) channels, count(r.suggestion) suggestions
                from survey_response r join office o on o.id = r.office_id
                where r.answered_on >= ? group by o.code
                """)
            .param(today.withDayOfMonth(1).minusMonths(5))
            .query()
            .listOfRows()
            .stream()
            .filter(row -> DEMO_OFFICES.contains(row.get("code")))
            .toList();
    assertThat(rows).hasSize(DEMO_OFFICES.size());
    for (var row : rows) {
      assertThat(((Number) row.get("n")).longValue()).as("responses").isGreaterThan(60);
      assertThat(((Number) row.get("months")).longValue()).as("months").isGreaterThanOrEqualTo(5);
      assertThat(((Number) row.get("channels")).longValue()).as("channels").isEqualTo(4);
      assertThat(((Number) row.get("suggestions")).longValue()).as("saran").isPositive();
    }
  }

  @Test
  void everyDemoOfficeHasAPublishedSaranAndLastQuartersFollowUpWithAnItemDone() {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    id.go.kecamatan.surveys.Period quarter =
        id.go.kecamatan.surveys.Period.of(id.go.kecamatan.surveys.Period.Kind.QUARTER, today)
            .previous();
    for (String code : DEMO_OFFICES) {
      assertThat(
              jdbc.sql(
                      "select count(*) from survey_response r join office o on o.id = r.office_id"
                          + " where o.code = ? and r.suggestion_status = 'PUBLISHED'")
                  .param(code)
                  .query(Long.class)
                  .single())
          .as("published saran of " + code)
          .isPositive();
      assertThat(
              jdbc.sql(
                      """
                      select string_agg(i.status, ',' order by i.position)
                      from survey_follow_up f join office o on o.id = f.office_id
                      join survey_follow_up_item i on i.follow_up_id = f.id
                      where o.code = ? and f.period_kind = 'QUARTER' and f.period_year = ?
                        and f.period_number = ?
                      """)
                  .params(code, quarter.year(), quarter.number())
                  .query(String.class)
                  .single())
          .as("follow-up of " + code)
          .isEqualTo("DONE,IN_PROGRESS,PLANNED");
    }
  }

  @Test
  void purwokertoUtaraPublishedItsLastThreeMonthsAndCorrectedOneWithItsReason() {
    UUID office =
        jdbc.sql("select id from office where code = '33.02.27'").query(UUID.class).single();
    String slug = offices.get(office).slug();
    List<java.time.LocalDate> firsts =
        jdbc.sql(
                "select month from stat_report where office_id = ? and version = 1"
                    + " and not awaiting_signature order by month")
            .param(office)
            .query(java.time.LocalDate.class)
            .list();
    assertThat(firsts).hasSizeGreaterThanOrEqualTo(3);
    // one month corrected: version 2 with its reason, three more respondents than version 1
    record Version(UUID id, java.time.LocalDate month, String reason) {}
    List<Version> corrections =
        jdbc.sql("select id, month, reason from stat_report where office_id = ? and version = 2")
            .param(office)
            .query(
                (rs, i) ->
                    new Version(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, java.time.LocalDate.class),
                        rs.getString(3)))
            .list();
    assertThat(corrections).hasSize(1);
    Version v2 = corrections.get(0);
    assertThat(v2.reason()).contains("kuesioner SKM kertas");
    UUID v1 =
        jdbc.sql("select id from stat_report where office_id = ? and month = ? and version = 1")
            .params(office, v2.month())
            .query(UUID.class)
            .single();
    assertThat(Long.parseLong(respondents(v2.id()))).isEqualTo(Long.parseLong(respondents(v1)) + 3);
    // the transparency page lists the versions, the correction with its reason
    String page =
        new WebClient(port)
            .get(
                "/kecamatan/"
                    + slug
                    + "/statistik?bulan="
                    + v2.month().getMonthValue()
                    + "&tahun="
                    + v2.month().getYear())
            .body();
    java.time.YearMonth month = java.time.YearMonth.from(v2.month());
    assertThat(page)
        .contains("/statistik/laporan/" + month + "-v1.pdf")
        .contains("/statistik/laporan/" + month + "-v2.pdf")
        .contains("kuesioner SKM kertas");
  }

  /** The IKM respondents in the total row of a report version's frozen figures. */
  private String respondents(UUID report) {
    return jdbc.sql(
            """
            select r.figures -> 'rows' -> -1 ->> cast(h.i - 1 as int)
            from stat_report r, jsonb_array_elements_text(r.figures -> 'headings')
              with ordinality h(name, i)
            where r.id = ? and h.name = 'Responden survei kepuasan'
            """)
        .param(report)
        .query(String.class)
        .single();
  }

  @Test
  void demoHasThreeOfficesWithTheirRealVillagesAndFourteenServicesEach() {
    assertThat(offices.activeOffices()).extracting(Office::code).containsAll(DEMO_OFFICES);
    Office jetis = offices.bySlug("jetis").orElseThrow();
    assertThat(offices.villages(jetis.id()))
        .hasSize(16)
        .anySatisfy(v -> assertThat(v.name()).isEqualTo("Kupang"));
    for (Office office :
        offices.activeOffices().stream()
            .filter(office -> DEMO_OFFICES.contains(office.code()))
            .toList()) {
      assertThat(catalog.activeServices(office.id(), ""))
          .hasSize(14)
          .allSatisfy(s -> assertThat(s.requirements()).isNotEmpty());
    }
  }
}
