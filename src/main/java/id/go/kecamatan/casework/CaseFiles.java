package id.go.kecamatan.casework;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.FieldType;
import id.go.kecamatan.catalog.FormDefinition;
import id.go.kecamatan.catalog.FormField;
import id.go.kecamatan.catalog.FormFields;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.web.Formats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts together the {@link CaseFile} of an application, everything an officer sees of it: the
 * answers under the labels of the service's form, each requirement with its files and its current
 * check, the history of the checks, the internal notes, who works on it, when it was finished and
 * its first check ({@link FirstChecks}).
 */
@Component
class CaseFiles {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final Catalog catalog;
  private final FormFields formFields;
  private final Offices offices;
  private final Documents documents;
  private final JdbcClient jdbc;
  private final FirstChecks firstChecks;

  CaseFiles(
      Catalog catalog,
      FormFields formFields,
      Offices offices,
      Documents documents,
      JdbcClient jdbc,
      FirstChecks firstChecks) {
    this.catalog = catalog;
    this.formFields = formFields;
    this.offices = offices;
    this.documents = documents;
    this.jdbc = jdbc;
    this.firstChecks = firstChecks;
  }

  /**
   * An answer as the officer reads it (the staff pages are in Indonesian): the option's label, a
   * date in words, a number grouped in thousands, the village's name, "Ya" or "Tidak"; else as
   * typed.
   */
  private String shown(UUID officeId, FormField field, String value) {
    return switch (field.type()) {
      case DATE -> Formats.isoDateAsLong(value, INDONESIAN);
      case NUMBER -> Formats.wholeNumber(value, INDONESIAN);
      case VILLAGE -> village(officeId, value);
      case YES_NO ->
          FieldType.YES.equals(value) ? "Ya" : FieldType.NO.equals(value) ? "Tidak" : value;
      default -> field.option(value).map(o -> o.labelId()).orElse(value);
    };
  }

  private String village(UUID officeId, String id) {
    try {
      return offices.village(officeId, UUID.fromString(id)).map(Village::name).orElse(id);
    } catch (IllegalArgumentException notAnId) {
      return id;
    }
  }

  /** The case file of an application the officer may see (the caller has checked that). */
  CaseFile of(Application application) {
    UUID officeId = application.officeId();
    ServiceType service = catalog.service(officeId, application.serviceId());
    FormDefinition form = formFields.definition(officeId, application.serviceId());
    List<CaseFile.Answer> answers = new ArrayList<>();
    for (FormField field : form.fields()) {
      List<String> given = application.answers().get(field.key());
      if (given == null || given.isEmpty()) {
        continue;
      }
      String value =
          given.stream().map(v -> shown(officeId, field, v)).collect(Collectors.joining(", "));
      answers.add(new CaseFile.Answer(field.labelId(), value));
    }
    Map<UUID, String> names = new LinkedHashMap<>();
    service.requirements().forEach(r -> names.put(r.id(), r.name()));
    List<CaseFile.Check> checks = checks(officeId, application.id(), names);
    Map<UUID, CaseFile.Check> latest = new LinkedHashMap<>();
    checks.forEach(c -> latest.put(c.requirementId(), c));
    List<CaseFile.Item> items = new ArrayList<>();
    for (Requirement r : service.requirements()) {
      List<UUID> ids = application.attachments().getOrDefault(r.id(), List.of());
      Map<UUID, Document> found = new LinkedHashMap<>();
      documents.findAll(officeId, ids).forEach(d -> found.put(d.id(), d));
      List<Document> docs = ids.stream().map(found::get).filter(d -> d != null).toList();
      items.add(new CaseFile.Item(r, docs, latest.get(r.id())));
    }
    // the files the applicant sent for a requirement the administrator removed from the service
    // since: still theirs and still to be seen, though no longer checked
    List<UUID> orphaned =
        application.attachments().entrySet().stream()
            .filter(e -> !names.containsKey(e.getKey()))
            .flatMap(e -> e.getValue().stream())
            .toList();
    List<Document> removedRequirementFiles =
        orphaned.isEmpty() ? List.of() : documents.findAll(officeId, orphaned);
    String village =
        offices
            .village(officeId, application.applicant().villageId())
            .map(Village::name)
            .orElse("");
    record Assigned(UUID id, String name) {}
    Assigned assigned =
        jdbc.sql(
                """
                select ca.staff_id, s.full_name from casework_assignment ca
                join staff s on s.id = ca.staff_id
                where ca.office_id = ? and ca.application_id = ?
                """)
            .params(officeId, application.id().value())
            .query((rs, i) -> new Assigned(rs.getObject(1, UUID.class), rs.getString(2)))
            .optional()
            .orElse(new Assigned(null, null));
    record Finished(Instant at, Boolean met) {}
    Finished finished =
        jdbc.sql("select finished_at, met_deadline from application where office_id = ? and id = ?")
            .params(officeId, application.id().value())
            .query(
                (rs, i) ->
                    new Finished(
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
                        (Boolean) rs.getObject(2)))
            .single();
    List<CaseFile.Note> notes =
        jdbc.sql(
                """
                select body, written_at, written_by from casework_note
                where office_id = ? and application_id = ? order by id
                """)
            .params(officeId, application.id().value())
            .query(
                (rs, i) ->
                    new CaseFile.Note(
                        rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
            .list();
    return new CaseFile(
        application,
        service,
        village,
        answers,
        items,
        removedRequirementFiles,
        checks,
        notes,
        assigned.id(),
        assigned.name(),
        finished.at(),
        finished.met(),
        firstChecks.find(officeId, application.id()));
  }

  private List<CaseFile.Check> checks(UUID officeId, ApplicationId id, Map<UUID, String> names) {
    return jdbc.sql(
            """
            select requirement_id, accepted, reason, checked_at, checked_by from requirement_check
            where office_id = ? and application_id = ? order by id
            """)
        .params(officeId, id.value())
        .query(
            (rs, i) -> {
              UUID requirement = rs.getObject(1, UUID.class);
              return new CaseFile.Check(
                  requirement,
                  names.getOrDefault(requirement, ""),
                  rs.getBoolean(2),
                  rs.getString(3),
                  rs.getTimestamp(4).toInstant(),
                  rs.getString(5));
            })
        .list();
  }
}
