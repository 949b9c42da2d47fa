package id.go.kecamatan.application;

import id.go.kecamatan.application.internal.ApplicationRepository;
import id.go.kecamatan.application.internal.WrongDigits;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications as whoever holds their tracking code sees them (cek status): the status with its
 * timeline, and the withdrawal by the resident. Found by the code with the last four digits of the
 * phone number (of the NIK without a phone), or by a code the caller has granted already.
 */
@Service
public class TrackedApplications {

  private final ApplicationRepository repository;
  private final WrongDigits wrongDigits;
  private final Applications applications;
  private final Catalog catalog;
  private final Offices offices;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ObjectProvider<LetterRevocations> revocations;

  TrackedApplications(
      ApplicationRepository repository,
      WrongDigits wrongDigits,
      Applications applications,
      Catalog catalog,
      Offices offices,
      PlatformTransactionManager transactionManager,
      Clock clock,
      ObjectProvider<LetterRevocations> revocations) {
    this.repository = repository;
    this.wrongDigits = wrongDigits;
    this.applications = applications;
    this.catalog = catalog;
    this.offices = offices;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.revocations = revocations;
  }

  /**
   * The status of an application, for whoever holds its tracking code and the last four digits of
   * its phone number. A malformed code, an unknown code and wrong digits all give the same empty
   * answer.
   */
  public Optional<ApplicationStatusView> status(String trackingCode, String phoneLast4) {
    return find(trackingCode, phoneLast4).map(this::view);
  }

  /**
   * The status of an application by its tracking code alone, for callers that have checked the
   * resident's access already (a session granted after the code and the phone digits matched, or
   * after the resident submitted it). Never call it with a code straight from a request.
   */
  public Optional<ApplicationStatusView> status(TrackingCode granted) {
    return repository.findByTrackingCode(granted).map(this::view);
  }

  /**
   * Withdraws an application for whoever holds its tracking code and phone digits.
   *
   * @return the status afterwards; empty like {@link #status}
   * @throws IllegalTransitionException when the application is approved or finished already
   */
  public Optional<ApplicationStatusView> withdraw(
      String trackingCode, String phoneLast4, String reason) {
    return transactions.execute(
        tx -> find(trackingCode, phoneLast4).map(application -> withdraw(application, reason)));
  }

  /**
   * Withdraws an application by its tracking code alone, for callers that have checked the
   * resident's access already, like {@link #status(TrackingCode)}.
   *
   * @return the status afterwards; empty for an unknown code
   * @throws IllegalTransitionException when the application is approved or finished already
   */
  public Optional<ApplicationStatusView> withdraw(TrackingCode granted, String reason) {
    return transactions.execute(
        tx ->
            repository
                .findByTrackingCode(granted)
                .map(application -> withdraw(application, reason)));
  }

  private ApplicationStatusView withdraw(Application application, String reason) {
    String why = FieldErrors.clean(reason);
    if (why != null && why.length() > 500) {
      why = why.substring(0, 500);
    }
    // as PostgreSQL keeps it (microseconds), like the submission
    application.withdraw(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), why);
    List<StatusChange> changes = application.pendingChanges();
    repository.saveChanges(application);
    applications.recordTransitions(application, changes, Map.of());
    return view(application);
  }

  /**
   * The application with this code, when the four digits match; empty alike otherwise. The digits
   * are the last four of the phone number, or, for an application without a phone (possible at the
   * counter and the village office), the last four of the NIK. The comparison takes the same time
   * whatever the digits, and an unknown code is compared against a dummy value.
   */
  Optional<Application> find(String trackingCode, String phoneLast4) {
    Optional<TrackingCode> code = TrackingCode.parse(trackingCode);
    if (code.isPresent() && wrongDigits.locked(code.get().value())) {
      return Optional.empty();
    }
    Optional<Application> found = code.flatMap(repository::findByTrackingCode);
    String expected = found.map(a -> lookupDigits(a.applicant())).orElse("----");
    String given = phoneLast4 == null ? "" : phoneLast4.strip();
    boolean digitsMatch =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    if (digitsMatch && given.matches("\\d{4}")) {
      return found;
    }
    if (found.isPresent()) {
      wrongDigits.failed(code.get().value());
    }
    return Optional.empty();
  }

  /**
   * The four digits a resident types with the tracking code: the phone's last four, or the NIK's
   * last four when there is no phone number.
   */
  static String lookupDigits(Applicant applicant) {
    String phone = applicant.phoneLast4();
    if (phone != null) {
      return phone;
    }
    String nik = applicant.nik();
    return nik == null || nik.length() < 4 ? "----" : nik.substring(nik.length() - 4);
  }

  /** What the resident sees of an application. */
  ApplicationStatusView view(Application application) {
    UUID officeId = application.officeId();
    ServiceType service = catalog.service(officeId, application.serviceId());
    Map<UUID, String> names = new LinkedHashMap<>();
    for (Requirement r : service.requirements()) {
      names.put(r.id(), r.name());
    }
    List<ApplicationStatusView.Rejected> rejected = new ArrayList<>();
    application
        .completionRequest()
        .ifPresent(
            request ->
                request
                    .reasons()
                    .forEach(
                        (requirement, reason) ->
                            rejected.add(
                                new ApplicationStatusView.Rejected(
                                    requirement, names.get(requirement), reason))));
    return new ApplicationStatusView(
        application.trackingCode().value(),
        offices.get(officeId).displayName(),
        service.code(),
        service.name(),
        application.status(),
        application.submittedAt(),
        application.deadline(),
        application.clockPaused(),
        application.canWithdraw(),
        application.timeline(),
        rejected,
        application.assistedBy().map(AssistingOfficer::name).orElse(null),
        revocation(application));
  }

  private LetterRevocations.Revocation revocation(Application application) {
    ApplicationStatus status = application.status();
    if (status != ApplicationStatus.ISSUED && status != ApplicationStatus.COLLECTED) {
      return null;
    }
    LetterRevocations port = revocations.getIfAvailable();
    return port == null ? null : port.of(application.officeId(), application.id()).orElse(null);
  }
}
