package id.go.kecamatan.application;

import id.go.kecamatan.documents.Upload;
import java.util.List;
import java.util.Map;

/**
 * An application as it arrives: nothing in it is trusted. Identity fields are text as typed; {@code
 * birthDate} is {@code yyyy-MM-dd}, {@code sex} {@code MALE} or {@code FEMALE}, {@code villageId}
 * the id of a village of the office, {@code preferredChannel} {@code WHATSAPP}, {@code SMS}, {@code
 * EMAIL} or null for the default.
 *
 * @param files the uploads per requirement id (as text, as the form sends it)
 * @param idempotencyKey the same key sent twice makes one application; may be null
 */
public record SubmitCommand(
    Channel channel,
    String nik,
    String name,
    String birthPlace,
    String birthDate,
    String sex,
    String villageId,
    String address,
    String phone,
    String email,
    String preferredChannel,
    Map<String, List<String>> answers,
    Map<String, List<Upload>> files,
    String idempotencyKey) {

  public SubmitCommand {
    answers = answers == null ? Map.of() : answers;
    files = files == null ? Map.of() : files;
  }

  /** A command from an identity form and the rest. */
  public static SubmitCommand of(
      Channel channel,
      ApplicantForm who,
      Map<String, List<String>> answers,
      Map<String, List<Upload>> files,
      String idempotencyKey) {
    return new SubmitCommand(
        channel,
        who.nik(),
        who.name(),
        who.birthPlace(),
        who.birthDate(),
        who.sex(),
        who.villageId(),
        who.address(),
        who.phone(),
        who.email(),
        who.preferredChannel(),
        answers,
        files,
        idempotencyKey);
  }

  /** The identity part of the command. */
  public ApplicantForm applicant() {
    return new ApplicantForm(
        nik, name, birthPlace, birthDate, sex, villageId, address, phone, email, preferredChannel);
  }
}
