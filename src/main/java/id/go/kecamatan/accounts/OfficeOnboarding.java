package id.go.kecamatan.accounts;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * A regency administrator registers an office together with its first office administrator, so that
 * a new office can be run from the first day. Both are made in one transaction, or neither.
 */
@Service
public class OfficeOnboarding {

  private final Offices offices;
  private final StaffAccounts accounts;
  private final ApplicationEventPublisher events;

  OfficeOnboarding(Offices offices, StaffAccounts accounts, ApplicationEventPublisher events) {
    this.offices = offices;
    this.accounts = accounts;
    this.events = events;
  }

  /**
   * The first administrator of a new office, as typed.
   *
   * @param email optional, where the administrator's daily digest goes
   */
  public record FirstAdmin(String username, String fullName, String email, String password) {

    StaffForm form() {
      return new StaffForm(
          username, fullName, null, email, Set.of(Role.OFFICE_ADMIN), null, password);
    }
  }

  @Transactional
  public Outcome<Office> register(UUID regencyId, String code, FirstAdmin admin) {
    Outcome<Office> office = offices.createOffice(regencyId, code);
    if (!office.ok()) {
      return Outcome.failed(
          new FieldErrors().addAll(office.errors()).addAll(accounts.check(null, admin.form())));
    }
    Outcome<Staff> created = accounts.create(office.value().id(), admin.form());
    if (!created.ok()) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      return Outcome.failed(created.errors());
    }
    // what the new office needs from other modules before its first resident (complaint
    // categories), made in this transaction
    events.publishEvent(new OfficeRegistered(office.value().id()));
    return office;
  }
}
