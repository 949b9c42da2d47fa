package id.go.kecamatan.application;

import java.io.Serializable;

/**
 * The applicant's identity as typed, nothing in it trusted: {@code birthDate} is {@code
 * yyyy-MM-dd}, {@code sex} {@code MALE} or {@code FEMALE}, {@code villageId} the id of a village of
 * the office. {@link Applications#checkApplicant} turns it into an {@link Applicant}.
 */
public record ApplicantForm(
    String nik,
    String name,
    String birthPlace,
    String birthDate,
    String sex,
    String villageId,
    String address,
    String phone,
    String email)
    implements Serializable {

  /** A form with nothing filled in. */
  public static ApplicantForm empty() {
    return new ApplicantForm(null, null, null, null, null, null, null, null, null);
  }
}
