package id.go.kecamatan.surveys.internal;

import id.go.kecamatan.surveys.Answers;
import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.Instrument;
import id.go.kecamatan.surveys.Profile;
import id.go.kecamatan.surveys.ResponseChannel;
import id.go.kecamatan.surveys.SurveyAnswered;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores responses, one row each, and the use of an invitation; each response stored publishes
 * {@link SurveyAnswered} in its transaction (the one place responses are written).
 */
@Component
public class ResponseStore {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  ResponseStore(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Marks the invitation used: the primary key refuses a second use with {@link
   * org.springframework.dao.DuplicateKeyException}, after the first committed (or at once).
   */
  public void use(UUID invitationId) {
    jdbc.sql("insert into survey_invitation_use (invitation_id) values (?)")
        .param(invitationId)
        .update();
  }

  public UUID insert(
      UUID officeId, UUID serviceId, ResponseChannel channel, LocalDate day, Answers answers) {
    UUID id = UUID.randomUUID();
    List<Object> values = new ArrayList<>();
    values.add(id);
    values.add(officeId);
    values.add(serviceId);
    values.add(Instrument.CURRENT.version());
    values.add(channel.name());
    values.add(day);
    for (Element element : Element.values()) {
      values.add(answers.scores().get(element).shortValue());
    }
    Profile profile = answers.profile();
    values.add(name(profile.sex()));
    values.add(name(profile.age()));
    values.add(name(profile.education()));
    values.add(name(profile.occupation()));
    values.add(name(profile.timeBand()));
    values.add(answers.suggestion());
    jdbc.sql(
            """
            insert into survey_response
              (id, office_id, service_id, instrument, channel, answered_on,
               persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana,
               sex, age_band, education, occupation, time_band, suggestion)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(values)
        .update();
    events.publishEvent(new SurveyAnswered(id, officeId, serviceId, day, answers.scores()));
    return id;
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
