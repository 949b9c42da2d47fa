package id.go.kecamatan.casework;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.SubmitCommand;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.Outcome;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes applications of the demo offices for casework tests: an online Domisili application whose
 * KTP requirement is a photo and every other required requirement a PDF.
 */
public final class CaseworkFixtures {

  private final Applications applications;
  private final JdbcClient jdbc;

  public CaseworkFixtures(Applications applications, JdbcClient jdbc) {
    this.applications = applications;
    this.jdbc = jdbc;
  }

  /**
   * The officer of this staff account (name, office, village, roles) as Spring Security sees it.
   */
  public Officer officer(String username) {
    return jdbc.sql(
            """
            select s.id, s.username, s.full_name, s.regency_id, s.office_id, s.village_id, s.roles
            from staff s where s.username = ?
            """)
        .param(username)
        .query(
            (rs, n) ->
                new Officer(
                    rs.getObject("id", UUID.class),
                    rs.getString("username"),
                    rs.getString("full_name"),
                    rs.getObject("regency_id", UUID.class),
                    rs.getObject("office_id", UUID.class),
                    rs.getObject("village_id", UUID.class),
                    java.util.Arrays.stream(rs.getString("roles").split(","))
                        .map(String::strip)
                        .filter(r -> !r.isEmpty())
                        .map(Role::valueOf)
                        .collect(java.util.stream.Collectors.toSet())))
        .single();
  }

  public UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  public UUID jetis() {
    return office("35.16.16");
  }

  /** The village the demo village operator of an office is bound to. */
  public UUID operatorVillage(String username) {
    return jdbc.sql("select village_id from staff where username = ?")
        .param(username)
        .query(UUID.class)
        .single();
  }

  /** A village of the office other than this one. */
  public UUID otherVillage(UUID officeId, UUID not) {
    return jdbc.sql("select id from village where office_id = ? and id <> ? order by name limit 1")
        .params(officeId, not)
        .query(UUID.class)
        .single();
  }

  public UUID requirement(UUID officeId, String service, String namePrefix) {
    return jdbc.sql(
            """
            select r.id from requirement r join service_type s on s.id = r.service_type_id
            where s.office_id = ? and s.code = ? and r.name like ? order by r.position limit 1
            """)
        .params(officeId, service, namePrefix + "%")
        .query(UUID.class)
        .single();
  }

  /** An online Domisili application of the office by a resident of the village. */
  public Application domisili(UUID officeId, UUID village, String name) {
    return domisili(officeId, village, name, "DOMISILI");
  }

  /**
   * A copy of the office's Domisili service (requirements and form) under a new code, with a second
   * check by the role ({@code null}: none). It is left inactive, so the public catalogue of the
   * demo office stays as it is; {@link #domisili(UUID, UUID, String, String)} activates it for the
   * moment of the submission.
   */
  public String copyOfDomisili(UUID officeId, String secondCheck) {
    UUID source =
        jdbc.sql("select id from service_type where office_id = ? and code = 'DOMISILI'")
            .param(officeId)
            .query(UUID.class)
            .single();
    UUID copy = UUID.randomUUID();
    String code = "DOM2-" + copy.toString().substring(0, 8);
    jdbc.sql(
            """
            insert into service_type
            select (jsonb_populate_record(null::service_type, to_jsonb(s) || jsonb_build_object(
              'id', cast(:copy as text), 'code', cast(:code as text), 'active', false,
              'second_check', cast(:second as text),
              'position', (select max(position) + 1 from service_type where office_id = :office)))).*
            from service_type s where s.id = :source
            """)
        .param("copy", copy.toString())
        .param("code", code)
        .param("second", secondCheck)
        .param("office", officeId)
        .param("source", source)
        .update();
    for (String table : List.of("requirement", "form_field")) {
      jdbc.sql(
              "insert into "
                  + table
                  + " select (jsonb_populate_record(null::"
                  + table
                  + ", to_jsonb(t) || jsonb_build_object('id', gen_random_uuid()::text,"
                  + " 'service_type_id', cast(:copy as text)))).* from "
                  + table
                  + " t where t.service_type_id = :source")
          .param("copy", copy.toString())
          .param("source", source)
          .update();
    }
    return code;
  }

  /** An online application of a Domisili-like service (its code) of the office. */
  public Application domisili(UUID officeId, UUID village, String name, String serviceCode) {
    jdbc.sql("update service_type set active = true where office_id = ? and code = ?")
        .params(officeId, serviceCode)
        .update();
    try {
      return submit(officeId, village, name, serviceCode);
    } finally {
      if (!"DOMISILI".equals(serviceCode)) {
        jdbc.sql("update service_type set active = false where office_id = ? and code = ?")
            .params(officeId, serviceCode)
            .update();
      }
    }
  }

  /** A Domisili application from this phone number and e-mail address (either may be null). */
  public Application domisiliFrom(
      UUID officeId, UUID village, String name, String phone, String email) {
    return domisiliFrom(officeId, village, name, phone, email, null);
  }

  /**
   * A Domisili application from this phone number and e-mail address (either may be null), news by
   * the channel named (WHATSAPP, SMS, EMAIL; null for the default).
   */
  public Application domisiliFrom(
      UUID officeId,
      UUID village,
      String name,
      String phone,
      String email,
      String preferredChannel) {
    return submit(officeId, village, name, "DOMISILI", phone, email, preferredChannel);
  }

  private Application submit(UUID officeId, UUID village, String name, String serviceCode) {
    return submit(officeId, village, name, serviceCode, "0812 3456 7890", null, null);
  }

  private Application submit(
      UUID officeId,
      UUID village,
      String name,
      String serviceCode,
      String phone,
      String email,
      String preferredChannel) {
    List<Map<String, Object>> requirements =
        jdbc.sql(
                """
                select r.id, r.name, r.required from requirement r
                join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = ? order by r.position
                """)
            .params(officeId, serviceCode)
            .query()
            .listOfRows();
    Map<String, List<Upload>> files = new HashMap<>();
    for (Map<String, Object> r : requirements) {
      if (!(Boolean) r.get("required")) {
        continue;
      }
      String reqName = (String) r.get("name");
      Upload upload =
          reqName.startsWith("KTP")
              ? new Upload(
                  "ktp.jpg",
                  "image/jpeg",
                  new ByteArrayInputStream(TestFiles.jpeg(TestFiles.photo(640, 400))))
              : new Upload(
                  "dokumen.pdf", "application/pdf", new ByteArrayInputStream(TestFiles.pdf(1)));
      files.put(r.get("id").toString(), List.of(upload));
    }
    Outcome<Application> submitted =
        applications.submit(
            officeId,
            serviceCode,
            new SubmitCommand(
                Channel.ONLINE,
                "3516164101900001",
                name,
                "Mojokerto",
                "1990-01-01",
                "FEMALE",
                village.toString(),
                "Dusun Jetis RT 01 RW 02",
                phone,
                email,
                preferredChannel,
                Map.of(
                    "keperluan", List.of("pribadi"),
                    "keterangan", List.of("Persyaratan bank")),
                files,
                null));
    assertThat(submitted.ok()).as(String.valueOf(submitted.errors().all())).isTrue();
    return submitted.value();
  }

  public static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }
}
