package id.go.kecamatan.application;

import id.go.kecamatan.application.internal.DraftRepository;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.FormAnswers;
import id.go.kecamatan.catalog.FormDefinition;
import id.go.kecamatan.catalog.FormField;
import id.go.kecamatan.catalog.FormFields;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts of online applications (draf permohonan): started from a service page, saved at every
 * step, opened again with the resume code, submitted once, and purged with their files when they
 * expire ({@code layanan.drafts.keep} after the last save, 30 days unless configured). The files
 * step is {@link DraftFiles}, the submission {@link DraftSubmissions}.
 *
 * <p>What a resident types is kept even when it does not pass the checks yet (cut to a sane
 * length), so nothing typed is lost; the checks run on every save and again on submission.
 */
@Service
public class Drafts {

  /** The longest text kept per typed value; longer input is cut, the checks then refuse it. */
  static final int MAX_KEPT = 2_000;

  private static final int MAX_VALUES = 50;
  private static final int PURGE_BATCH = 100;

  private final DraftRepository drafts;
  private final Applications submissions;
  private final ApplicantChecks applicants;
  private final Catalog catalog;
  private final FormFields formFields;
  private final FormAnswers formAnswers;
  private final Offices offices;
  private final Documents documents;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration keep;
  private final SecureRandom random = new SecureRandom();

  Drafts(
      DraftRepository drafts,
      Applications submissions,
      ApplicantChecks applicants,
      Catalog catalog,
      FormFields formFields,
      FormAnswers formAnswers,
      Offices offices,
      Documents documents,
      PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${layanan.drafts.keep:P30D}") Duration keep) {
    this.drafts = drafts;
    this.submissions = submissions;
    this.applicants = applicants;
    this.catalog = catalog;
    this.formFields = formFields;
    this.formAnswers = formAnswers;
    this.offices = offices;
    this.documents = documents;
    this.transactions = new TransactionTemplate(transactionManager);
    this.events = events;
    this.clock = clock;
    this.keep = keep;
  }

  /** How long a draft is kept after its last save. */
  public Duration keep() {
    return keep;
  }

  /**
   * Starts a draft for an active online service of an active office.
   *
   * @throws NotFoundException when there is no such service to apply for online
   */
  public Draft start(UUID officeId, String serviceCode) {
    return start(officeId, serviceCode, Channel.ONLINE, null, null);
  }

  /**
   * Starts a draft for an active online service of an active office that a resident reached through
   * a short code (a poster's QR code, a shared link): the code is kept on the draft and named in
   * its {@link DraftStarted} and {@link DraftSubmitted}, so the code's figures count it. A code of
   * the wrong shape is dropped; whether it exists is the counting module's concern.
   *
   * @throws NotFoundException when there is no such service to apply for online
   */
  public Draft start(UUID officeId, String serviceCode, String campaign) {
    return start(officeId, serviceCode, Channel.ONLINE, null, campaign);
  }

  /**
   * Starts a draft that an officer fills in for a resident (assisted intake) at the counter ({@link
   * Channel#COUNTER}) or the village office ({@link Channel#VILLAGE}), for an active service
   * offered on that channel. The same steps, checks and submission as a resident's draft, but the
   * phone number is optional, the resume code opens nothing, and the officer is recorded on the
   * application.
   *
   * @throws NotFoundException when the office has no such service on that channel
   */
  public Draft startAssisted(
      UUID officeId, String serviceCode, Channel channel, AssistingOfficer officer) {
    if (!channel.assisted()) {
      throw new IllegalArgumentException("Not an assisted channel: " + channel);
    }
    return start(officeId, serviceCode, channel, java.util.Objects.requireNonNull(officer), null);
  }

  /**
   * Starts an assisted draft at the counter for the holder of a queue ticket: the application it
   * becomes records the visit, and {@link CounterVisitApplied} tells the counter on submission.
   *
   * @param visit the ticket being served, as the counter gives it
   */
  @org.springframework.transaction.annotation.Transactional
  public Draft startAssisted(
      UUID officeId, String serviceCode, AssistingOfficer officer, CounterVisit visit) {
    Draft draft = startAssisted(officeId, serviceCode, Channel.COUNTER, officer);
    drafts.setVisit(draft, java.util.Objects.requireNonNull(visit));
    return draft;
  }

  /**
   * The active services of an office offered on an assisted channel, for the officer to choose
   * from, in the catalogue's order.
   */
  public List<ServiceType> assistedServices(UUID officeId, Channel channel) {
    return catalog.activeServices(officeId, null).stream()
        .filter(s -> submissions.offeredService(officeId, s.code(), channel).isPresent())
        .toList();
  }

  private Draft start(
      UUID officeId,
      String serviceCode,
      Channel channel,
      AssistingOfficer officer,
      String campaign) {
    ServiceType service = requireService(officeId, serviceCode, channel);
    Instant now = clock.instant();
    String code;
    do {
      code = newResumeCode();
    } while (drafts.resumeCodeTaken(code));
    Draft draft =
        new Draft(
            UUID.randomUUID(),
            officeId,
            service.id(),
            code,
            null,
            null,
            Map.of(),
            null,
            now,
            now.plus(keep),
            channel,
            officer,
            campaign);
    drafts.insert(draft, now);
    return draft;
  }

  ServiceType requireService(UUID officeId, String serviceCode, Channel channel) {
    if (!offices.get(officeId).active()) {
      throw new NotFoundException();
    }
    return submissions
        .offeredService(officeId, serviceCode, channel)
        .orElseThrow(NotFoundException::new);
  }

  /**
   * Whether the draft can still be sent: its office is open and its service still offered on the
   * draft's channel. An administrator may close the service (or its channel) while residents have
   * drafts of it: such a draft is kept, its pages say it cannot be sent, and sending it is refused
   * with that message.
   */
  public boolean offered(Draft draft) {
    return offices.get(draft.officeId()).active()
        && submissions
            .offeredService(draft.officeId(), service(draft).code(), draft.channel())
            .isPresent();
  }

  /** An active service of the office that residents may apply for online. */
  public Optional<ServiceType> onlineService(UUID officeId, String serviceCode) {
    return catalog.activeService(officeId, serviceCode).filter(ServiceType::online);
  }

  private String newResumeCode() {
    StringBuilder code = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      code.append(TrackingCode.ALPHABET.charAt(random.nextInt(TrackingCode.ALPHABET.length())));
    }
    return code.toString();
  }

  /** A draft that has not expired; submitted drafts too (for their confirmation page). */
  public Optional<Draft> find(UUID id) {
    return drafts.find(id).filter(d -> d.expiresAt().isAfter(clock.instant()));
  }

  /**
   * The draft with this resume code, typed as a resident would: case, blanks and the dash do not
   * matter. Empty for an unknown, expired or submitted draft.
   */
  public Optional<Draft> resume(String code) {
    String normalised = normaliseResumeCode(code);
    if (normalised == null) {
      return Optional.empty();
    }
    return drafts
        .findByResumeCode(normalised)
        .filter(d -> !d.assisted() && !d.submitted() && d.expiresAt().isAfter(clock.instant()));
  }

  static String normaliseResumeCode(String input) {
    if (input == null || input.length() > 30) {
      return null;
    }
    String code = input.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
    if (code.length() != 8) {
      return null;
    }
    for (int i = 0; i < code.length(); i++) {
      if (TrackingCode.ALPHABET.indexOf(code.charAt(i)) < 0) {
        return null;
      }
    }
    return code;
  }

  /** The service a draft applies for, with its requirements. */
  public ServiceType service(Draft draft) {
    return catalog.service(draft.officeId(), draft.serviceId());
  }

  /** The questions of the draft's service. */
  public FormDefinition form(Draft draft) {
    return formFields.definition(draft.officeId(), draft.serviceId());
  }

  /**
   * Saves the identity step as typed and checks it. The first save of a resident's own draft
   * publishes {@link DraftStarted} (in the same transaction), so the resume code can be sent.
   */
  public Outcome<Draft> saveIdentity(Draft draft, ApplicantForm form) {
    requireOpen(draft);
    ApplicantForm kept = form.map(Drafts::cut);
    Outcome<Applicant> checked = applicants.check(draft.officeId(), draft.channel(), kept);
    ApplicantForm stored = kept.map(Drafts::storable);
    Draft saved =
        transactions.execute(
            tx -> {
              Draft locked = drafts.findForUpdate(draft.id()).orElseThrow(NotFoundException::new);
              requireOpen(locked);
              Instant now = clock.instant();
              drafts.saveIdentity(locked, stored, now, now.plus(keep));
              if (locked.identity() == null && !locked.assisted()) {
                events.publishEvent(
                    new DraftStarted(
                        locked.id(),
                        locked.officeId(),
                        locked.serviceId(),
                        locked.resumeCode(),
                        stored.name(),
                        stored.phone(),
                        stored.email(),
                        stored.preferredChannel(),
                        now.plus(keep),
                        locked.campaign()));
              }
              return drafts.find(locked.id()).orElseThrow();
            });
    return checked.ok() ? Outcome.done(saved) : new Outcome<>(saved, checked.errors());
  }

  /** Saves the answers to the service's questions as typed (only its questions) and checks them. */
  public Outcome<Draft> saveAnswers(Draft draft, Map<String, List<String>> answers) {
    requireOpen(draft);
    FormDefinition form = form(draft);
    Map<String, List<String>> kept = new LinkedHashMap<>();
    Map<String, List<String>> stored = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      List<String> given = answers.get(field.key());
      if (given == null) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String value : given.subList(0, Math.min(given.size(), MAX_VALUES))) {
        values.add(value == null ? "" : cut(value));
      }
      kept.put(field.key(), values);
      stored.put(field.key(), values.stream().map(Drafts::storable).toList());
    }
    FieldErrors errors = formAnswers.check(form, kept).errors();
    Instant now = clock.instant();
    drafts.saveAnswers(draft, stored, now, now.plus(keep));
    Draft saved = drafts.find(draft.id()).orElseThrow();
    return errors.any() ? new Outcome<>(saved, errors) : Outcome.done(saved);
  }

  /** What is still missing or wrong in a draft, per step; empty when it can be submitted. */
  public Progress progress(Draft draft) {
    FieldErrors identity =
        applicants
            .check(
                draft.officeId(),
                draft.channel(),
                draft.identity() == null ? ApplicantForm.empty() : draft.identity())
            .errors();
    FieldErrors answers = answerErrors(draft);
    FieldErrors files = new FieldErrors();
    Applications.requireFiles(
        service(draft).requirements(), id -> !draft.files(id).isEmpty(), files);
    return new Progress(
        identity,
        draft.identity() != null,
        answers,
        draft.answers() != null || form(draft).isEmpty(),
        files);
  }

  /**
   * What still stands between a draft and its submission.
   *
   * @param identityStarted whether the identity step was saved at least once
   * @param answersStarted whether the questions were saved at least once (or there are none)
   */
  public record Progress(
      FieldErrors identity,
      boolean identityStarted,
      FieldErrors answers,
      boolean answersStarted,
      FieldErrors files) {

    public boolean identityDone() {
      return identityStarted && !identity.any();
    }

    public boolean answersDone() {
      return answersStarted && !answers.any();
    }

    public boolean filesDone() {
      return !files.any();
    }

    public boolean complete() {
      return identityDone() && answersDone() && filesDone();
    }
  }

  private FieldErrors answerErrors(Draft draft) {
    return formAnswers
        .check(form(draft), draft.answers() == null ? Map.of() : draft.answers())
        .errors();
  }

  /**
   * Deletes the drafts that expired before {@code now}, with the files of those never submitted (a
   * submitted draft's files belong to its application).
   *
   * @return how many drafts were deleted
   */
  public int purgeExpired(Instant now) {
    int purged = 0;
    while (true) {
      Integer batch =
          transactions.execute(
              tx -> {
                List<Draft> expired = drafts.expired(now, PURGE_BATCH);
                for (Draft draft : expired) {
                  drafts.delete(draft);
                  if (!draft.submitted()) {
                    for (UUID document : draft.allFiles()) {
                      documents.delete(draft.officeId(), document);
                    }
                  }
                }
                return expired.size();
              });
      purged += batch;
      if (batch < PURGE_BATCH) {
        return purged;
      }
    }
  }

  static void requireOpen(Draft draft) {
    if (draft.submitted()) {
      throw new DraftSubmittedException();
    }
  }

  private static String cut(String value) {
    if (value == null) {
      return null;
    }
    return value.length() > MAX_KEPT ? value.substring(0, MAX_KEPT) : value;
  }

  /** PostgreSQL cannot keep NUL in text or JSON; the checks have seen and refused it already. */
  private static String storable(String value) {
    return value == null ? null : value.replace("\u0000", "");
  }
}
