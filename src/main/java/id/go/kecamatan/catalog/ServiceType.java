package id.go.kecamatan.catalog;

import id.go.kecamatan.shared.security.Role;
import java.util.List;
import java.util.UUID;

/**
 * A service (jenis layanan) of an office with its service standard. The first group of fields is
 * published to residents; facilities to performance evaluation are the internal components kept for
 * the published standard document.
 *
 * @param completionDays jangka waktu penyelesaian, in working days (0: the same day)
 * @param cost biaya/tarif in rupiah, usually 0
 * @param classificationCode kode klasifikasi arsip used in letter numbers, e.g. {@code 400.12}
 * @param secondCheck the role that checks an application a second time before it is approved
 *     ({@link #SECOND_CHECK_ROLES}), or {@code null}: one-step approval
 */
public record ServiceType(
    UUID id,
    UUID officeId,
    String code,
    String name,
    Category category,
    String description,
    List<String> procedureSteps,
    int completionDays,
    long cost,
    String product,
    String complaintChannel,
    String legalBasis,
    String facilities,
    String competence,
    String supervision,
    String staffCount,
    String serviceGuarantee,
    String securityGuarantee,
    String performanceEvaluation,
    String classificationCode,
    boolean online,
    boolean counter,
    boolean village,
    Role secondCheck,
    boolean active,
    int position,
    int version,
    List<Requirement> requirements) {

  /** The roles that may perform a second check. */
  public static final List<Role> SECOND_CHECK_ROLES = List.of(Role.SIGNER, Role.OFFICE_ADMIN);

  /** Whether an application of this service needs a second check before approval. */
  public boolean hasSecondCheck() {
    return secondCheck != null;
  }

  /** Service categories. */
  public enum Category {
    PERIZINAN,
    NON_PERIZINAN
  }

  public ServiceType withRequirements(List<Requirement> list) {
    return new ServiceType(
        id,
        officeId,
        code,
        name,
        category,
        description,
        procedureSteps,
        completionDays,
        cost,
        product,
        complaintChannel,
        legalBasis,
        facilities,
        competence,
        supervision,
        staffCount,
        serviceGuarantee,
        securityGuarantee,
        performanceEvaluation,
        classificationCode,
        online,
        counter,
        village,
        secondCheck,
        active,
        position,
        version,
        List.copyOf(list));
  }
}
