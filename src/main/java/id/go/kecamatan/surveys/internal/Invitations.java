package id.go.kecamatan.surveys.internal;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.ApplicationStatusChanged;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.letters.LetterIssued;
import id.go.kecamatan.surveys.SurveyInvitationIssued;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Invites the resident to the survey once their application is finished: when its letter is issued,
 * or (should a letter ever be issued otherwise) when it is collected. One invitation per
 * application (the table's unique key: a second event, or a resubmitted one, makes none), valid
 * {@code layanan.surveys.invitation-days} days (14). The invitation is published as {@link
 * SurveyInvitationIssued} in the listener's transaction, so the message goes out through the outbox
 * exactly when the invitation is stored.
 */
@Component
public class Invitations {

  /** What a link leads to. */
  public sealed interface Lookup {
    record Open(UUID invitationId, UUID officeId, UUID serviceId) implements Lookup {}

    record Used(UUID officeId) implements Lookup {}

    record Expired(UUID officeId) implements Lookup {}

    record Unknown() implements Lookup {}
  }

  private final JdbcClient jdbc;
  private final Applications applications;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration validity;

  Invitations(
      JdbcClient jdbc,
      Applications applications,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${layanan.surveys.invitation-days:14}") int days) {
    this.jdbc = jdbc;
    this.applications = applications;
    this.events = events;
    this.clock = clock;
    this.validity = Duration.ofDays(days);
  }

  @ApplicationModuleListener
  void on(LetterIssued event) {
    if (event.serviceId() == null) {
      // a publication recorded before the event carried the service
      invite(applications.get(event.officeId(), event.applicationId()));
    } else {
      invite(event.officeId(), event.applicationId(), event.serviceId());
    }
  }

  /**
   * Only a collection: the condition keeps the event publication registry from recording (and this
   * listener from running for) every other change.
   */
  @ApplicationModuleListener(
      condition =
          "#event.change().to() == T(id.go.kecamatan.application.ApplicationStatus).COLLECTED")
  void on(ApplicationStatusChanged event) {
    if (event.change().to() == ApplicationStatus.COLLECTED) {
      invite(applications.get(event.officeId(), event.applicationId()));
    }
  }

  /** Makes the application's invitation unless it has one; empty when it had. */
  Optional<SurveyInvitationIssued> invite(Application application) {
    return invite(application.officeId(), application.id(), application.serviceId());
  }

  private Optional<SurveyInvitationIssued> invite(
      UUID officeId, ApplicationId applicationId, UUID serviceId) {
    String token = Tokens.next();
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Instant expires = now.plus(validity);
    int inserted =
        jdbc.sql(
                """
                insert into survey_invitation
                  (id, office_id, application_id, service_id, token_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (application_id) do nothing
                """)
            .params(
                id,
                officeId,
                applicationId.value(),
                serviceId,
                Tokens.hash(token),
                Timestamp.from(now),
                Timestamp.from(expires))
            .update();
    if (inserted == 0) {
      return Optional.empty();
    }
    SurveyInvitationIssued issued =
        new SurveyInvitationIssued(id, officeId, applicationId, token, expires);
    events.publishEvent(issued);
    return Optional.of(issued);
  }

  /** What the token leads to. */
  public Lookup lookup(String token) {
    if (!Tokens.wellFormed(token)) {
      return new Lookup.Unknown();
    }
    return jdbc.sql(
            """
            select i.id, i.office_id, i.service_id, i.expires_at,
                   exists (select 1 from survey_invitation_use u where u.invitation_id = i.id) used
            from survey_invitation i where i.token_hash = ?
            """)
        .param(Tokens.hash(token))
        .query(
            (rs, n) -> {
              UUID officeId = rs.getObject("office_id", UUID.class);
              if (rs.getBoolean("used")) {
                return (Lookup) new Lookup.Used(officeId);
              }
              if (!rs.getTimestamp("expires_at").toInstant().isAfter(clock.instant())) {
                return new Lookup.Expired(officeId);
              }
              return new Lookup.Open(
                  rs.getObject("id", UUID.class), officeId, rs.getObject("service_id", UUID.class));
            })
        .optional()
        .orElse(new Lookup.Unknown());
  }
}
