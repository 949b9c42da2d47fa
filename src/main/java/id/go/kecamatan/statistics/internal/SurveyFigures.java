package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.office.Offices;
import id.go.kecamatan.statistics.Measure;
import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.SurveyAnswered;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the IKM as monthly counts from the surveys module's {@link SurveyAnswered} (ADR 0023): the
 * respondents ({@link Measure#IKM_RESPONDENTS}) and each element's sum of scores, in the month the
 * response was given, at the office and its regency, for the service named (if any) and for all
 * services; responses have no channel and no village. Each response is recorded once in {@code
 * stat_survey}, so a redelivered event counts nothing twice. The responses stored before this
 * listener existed were counted by the migration V107, the same way (V110 for the offices' typed
 * totals).
 */
@Component
public class SurveyFigures {

  private final Offices offices;
  private final FactStore facts;
  private final JdbcClient jdbc;

  SurveyFigures(Offices offices, FactStore facts, JdbcClient jdbc) {
    this.offices = offices;
    this.facts = facts;
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  public void on(SurveyAnswered event) {
    YearMonth month = YearMonth.from(event.answeredOn());
    int recorded =
        jdbc.sql(
                """
                insert into stat_survey (response_id, office_id, month) values (?, ?, ?)
                on conflict do nothing
                """)
            .params(event.responseId(), event.officeId(), month.atDay(1))
            .update();
    if (recorded == 0) {
      return;
    }
    Map<Measure, Long> counts = new EnumMap<>(Measure.class);
    counts.put(Measure.IKM_RESPONDENTS, 1L);
    for (Element element : Element.values()) {
      counts.put(Measure.ikm(element), (long) event.scores().get(element));
    }
    facts.count(
        event.officeId(),
        new FactStore.Dimensions(
            offices.get(event.officeId()).regencyId(), event.serviceId(), null, null),
        month,
        counts);
  }
}
