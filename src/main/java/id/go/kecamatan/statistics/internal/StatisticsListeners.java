package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.ApplicationStatusChanged;
import id.go.kecamatan.application.ApplicationSubmitted;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.DraftStarted;
import id.go.kecamatan.application.DraftSubmitted;
import id.go.kecamatan.casework.ApplicationAssigned;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.letters.IssuedLetter;
import id.go.kecamatan.letters.IssuedLetters;
import id.go.kecamatan.letters.LetterIssued;
import id.go.kecamatan.letters.LetterRevoked;
import id.go.kecamatan.letters.LetterVerified;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.statistics.Measure;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the statistics' facts and counts from the events of {@code application} and {@code
 * letters}. Each listener runs after the publishing transaction committed, through the event
 * publication registry, and is idempotent: an application's fact is computed again from its
 * timeline (read through {@link Applications}), a letter, a draft or a reason is stored once by its
 * id. A letter's QR scan is the one count that a redelivered event could add twice (a crash between
 * the count and the completion of its publication): an accepted error for a count of page views.
 */
@Component
public class StatisticsListeners {

  private final Applications applications;
  private final WorkingCalendar calendar;
  private final Offices offices;
  private final Catalog catalog;
  private final IssuedLetters letters;
  private final FactStore facts;
  private final JdbcClient jdbc;
  private final Clock clock;

  StatisticsListeners(
      Applications applications,
      WorkingCalendar calendar,
      Offices offices,
      Catalog catalog,
      IssuedLetters letters,
      FactStore facts,
      JdbcClient jdbc,
      Clock clock) {
    this.applications = applications;
    this.calendar = calendar;
    this.offices = offices;
    this.catalog = catalog;
    this.letters = letters;
    this.facts = facts;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(ApplicationSubmitted event) {
    refresh(event.officeId(), event.applicationId());
  }

  /**
   * Every change but to ISSUED: an application reaches ISSUED only in the transaction that records
   * its letter and publishes {@link LetterIssued} ({@code LetterSigning}), whose listener below
   * computes the application's fact again; the condition keeps the event publication registry from
   * recording a second publication (and a transaction of this listener) for every letter.
   */
  @ApplicationModuleListener(
      condition = "#event.change().to() != T(id.go.kecamatan.application.ApplicationStatus).ISSUED")
  void on(ApplicationStatusChanged event) {
    Application application = refresh(event.officeId(), event.applicationId());
    if (event.change().to() == ApplicationStatus.NEEDS_COMPLETION) {
      ServiceType service = catalog.service(event.officeId(), application.serviceId());
      Map<UUID, String> names = new HashMap<>();
      for (Requirement r : service.requirements()) {
        names.put(r.id(), r.name());
      }
      application
          .completionRequest()
          .filter(request -> application.status() == ApplicationStatus.NEEDS_COMPLETION)
          .ifPresent(
              request ->
                  request
                      .reasons()
                      .forEach(
                          (requirement, reason) ->
                              reason(
                                  application,
                                  event.change().at(),
                                  "COMPLETION",
                                  names.getOrDefault(requirement, "?"),
                                  reason)));
    } else if (event.change().to() == ApplicationStatus.REJECTED) {
      reason(application, event.change().at(), "REJECTION", "", event.change().reason());
    }
  }

  @ApplicationModuleListener
  void on(ApplicationAssigned event) {
    UUID id = event.applicationId().value();
    if (!facts.assign(id, event.staffId(), event.at())) {
      refresh(event.officeId(), event.applicationId());
      facts.assign(id, event.staffId(), event.at());
    }
  }

  /** Computes an application's fact again; also the backfill's step. */
  @Transactional
  public Application refresh(UUID officeId, ApplicationId id) {
    return refreshed(officeId, id).application();
  }

  /** An application whose fact was computed again, and where its figures are counted. */
  private record Refreshed(Application application, FactStore.Dimensions dimensions) {}

  private Refreshed refreshed(UUID officeId, ApplicationId id) {
    Application application = applications.get(officeId, id);
    UUID regency = offices.get(officeId).regencyId();
    ApplicationFact fact = ApplicationFact.of(application, calendar.of(officeId), clock.getZone());
    facts.store(fact, regency);
    return new Refreshed(
        application,
        new FactStore.Dimensions(regency, fact.serviceId(), fact.channel(), fact.villageId()));
  }

  private void reason(
      Application application, Instant at, String kind, String subject, String reason) {
    jdbc.sql(
            """
            insert into stat_reason (application_id, at, kind, subject, office_id, month,
              service_id, reason)
            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
            """)
        .params(
            application.id().value(),
            Timestamp.from(at),
            kind,
            cut(subject, 200),
            application.officeId(),
            ApplicationFact.month(at, clock.getZone()).atDay(1),
            application.serviceId(),
            cut(reason == null ? "" : reason.strip(), 500))
        .update();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** The letter counted, and its application's fact computed again with its ISSUED. */
  @ApplicationModuleListener
  void on(LetterIssued event) {
    Refreshed refreshed = refreshed(event.officeId(), event.applicationId());
    Application application = refreshed.application();
    IssuedLetter letter =
        letters.ofApplication(event.officeId(), event.applicationId()).orElse(null);
    if (letter == null) {
      return;
    }
    UUID serviceId = application.serviceId();
    int inserted =
        jdbc.sql(
                """
                insert into stat_letter (letter_id, office_id, application_id, service_id, number,
                  service_name, applicant_masked, signed_at, signer_name, revoked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """)
            .params(
                letter.id(),
                letter.officeId(),
                letter.applicationId(),
                serviceId,
                letter.number(),
                letter.serviceName(),
                letter.applicantMasked(),
                Timestamp.from(letter.signedAt()),
                letter.signerName(),
                null)
            .update();
    if (inserted == 1) {
      // where the fact just stored counts the application (not read back)
      facts.count(
          event.officeId(),
          refreshed.dimensions(),
          ApplicationFact.month(letter.signedAt(), clock.getZone()),
          Map.of(Measure.LETTERS_SIGNED, 1L));
    }
  }

  @ApplicationModuleListener
  void on(LetterRevoked event) {
    int updated =
        jdbc.sql("update stat_letter set revoked_at = ? where letter_id = ? and revoked_at is null")
            .params(Timestamp.from(event.revokedAt()), event.letterId())
            .update();
    if (updated == 1) {
      count(event.officeId(), event.applicationId(), event.revokedAt(), Measure.LETTERS_REVOKED);
    }
  }

  @ApplicationModuleListener
  void on(LetterVerified event) {
    count(event.officeId(), event.applicationId(), event.scannedAt(), Measure.LETTERS_VERIFIED);
  }

  private void count(UUID officeId, ApplicationId applicationId, Instant at, Measure measure) {
    FactStore.Dimensions d =
        facts
            .dimensions(officeId, applicationId.value())
            .orElseGet(
                () -> {
                  refresh(officeId, applicationId);
                  return facts.dimensions(officeId, applicationId.value()).orElseThrow();
                });
    facts.count(officeId, d, ApplicationFact.month(at, clock.getZone()), Map.of(measure, 1L));
  }

  @ApplicationModuleListener
  void on(DraftStarted event) {
    Instant now = clock.instant();
    int inserted =
        jdbc.sql(
                """
                insert into stat_draft (draft_id, office_id, service_id, started_at)
                values (?, ?, ?, ?) on conflict do nothing
                """)
            .params(event.draftId(), event.officeId(), event.serviceId(), Timestamp.from(now))
            .update();
    if (inserted == 1) {
      countDraft(event.officeId(), event.serviceId(), now, Measure.DRAFTS_STARTED);
    }
  }

  @ApplicationModuleListener
  void on(DraftSubmitted event) {
    jdbc.sql(
            """
            update stat_draft set submitted = true where draft_id = ? and not submitted
            returning started_at
            """)
        .param(event.draftId())
        .query(Timestamp.class)
        .optional()
        .ifPresent(
            started ->
                countDraft(
                    event.officeId(),
                    event.serviceId(),
                    started.toInstant(),
                    Measure.DRAFTS_SUBMITTED));
  }

  /** Counts a resident's online draft of a service in the month it was started. */
  private void countDraft(UUID officeId, UUID serviceId, Instant started, Measure measure) {
    facts.count(
        officeId,
        new FactStore.Dimensions(
            offices.get(officeId).regencyId(), serviceId, Channel.ONLINE.name(), null),
        ApplicationFact.month(started, clock.getZone()),
        Map.of(measure, 1L));
  }
}
