package id.go.kecamatan.catalog;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application forms (formulir permohonan) of the services: their questions, in order. Every
 * method takes the office id and filters by it: a service or question of another office is reported
 * as not found. Every change is written to the audit trail.
 */
@Service
public class FormFields {

  static final int MAX_FIELDS = 60;

  private static final String COLUMNS =
      """
      id, service_type_id, position, field_key, type, label_id, label_en, help_id, help_en,
      required, limits::text as limits, options::text as options, condition_key, condition_value,
      version
      """;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final AuditTrail audit;

  FormFields(JdbcClient jdbc, Catalog catalog, AuditTrail audit) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.audit = audit;
  }

  // ---- reading --------------------------------------------------------------------------------

  /** The form of a service of this office; {@link NotFoundException} for another office's. */
  public FormDefinition definition(UUID officeId, UUID serviceId) {
    catalog.service(officeId, serviceId);
    return new FormDefinition(
        officeId,
        serviceId,
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from form_field where office_id = ? and service_type_id = ? order by position")
            .params(officeId, serviceId)
            .query(FormFields::field)
            .list());
  }

  /** The forms of several services of one office at once, by service id (empty forms included). */
  public Map<UUID, FormDefinition> definitions(UUID officeId, List<UUID> serviceIds) {
    Map<UUID, List<FormField>> byService = new HashMap<>();
    serviceIds.forEach(id -> byService.put(id, new ArrayList<>()));
    if (!serviceIds.isEmpty()) {
      jdbc.sql(
              "select "
                  + COLUMNS
                  + " from form_field where office_id = :office and service_type_id = any(:ids)"
                  + " order by service_type_id, position")
          .param("office", officeId)
          .param("ids", serviceIds.toArray(UUID[]::new))
          .query(FormFields::field)
          .list()
          .forEach(f -> byService.get(f.serviceId()).add(f));
    }
    Map<UUID, FormDefinition> result = new LinkedHashMap<>();
    serviceIds.forEach(id -> result.put(id, new FormDefinition(officeId, id, byService.get(id))));
    return result;
  }

  public FormField field(UUID officeId, UUID serviceId, UUID fieldId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from form_field where office_id = ? and service_type_id = ? and id = ?")
        .params(officeId, serviceId, fieldId)
        .query(FormFields::field)
        .optional()
        .orElseThrow(NotFoundException::new);
  }

  // ---- changing -------------------------------------------------------------------------------

  /** Adds a question at the end of the form. */
  @Transactional
  public Outcome<FormField> add(UUID officeId, UUID serviceId, FormFieldForm form) {
    FormDefinition definition = definition(officeId, serviceId);
    FieldErrors errors = check(definition, null, form);
    if (!errors.any() && definition.fields().size() >= MAX_FIELDS) {
      errors.reject("key", "forms.error.tooManyFields", MAX_FIELDS);
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    UUID id = UUID.randomUUID();
    int position = definition.fields().stream().mapToInt(FormField::position).max().orElse(0) + 1;
    FormField.Condition condition = form.parsedCondition();
    jdbc.sql(
            """
            insert into form_field (id, office_id, service_type_id, position, field_key, type, label_id,
              label_en, help_id, help_en, required, limits, options, condition_key, condition_value)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)
            """)
        .params(
            id,
            officeId,
            serviceId,
            position,
            form.key().strip(),
            form.fieldType().name(),
            form.labelId().strip(),
            form.labelEn().strip(),
            FieldErrors.clean(form.helpId()),
            FieldErrors.clean(form.helpEn()),
            form.required(),
            JSON.writeValueAsString(limitsJson(form.parsedLimits())),
            JSON.writeValueAsString(form.parsedOptions()),
            condition == null ? null : condition.key(),
            condition == null ? null : condition.value())
        .update();
    touch(officeId, serviceId);
    FormField added = field(officeId, serviceId, id);
    audit.record(officeId, "form.field.added", "service_type", serviceId, values(added));
    return Outcome.done(added);
  }

  /** Changes a question; fails with {@code error.conflict} when it changed since it was read. */
  @Transactional
  public Outcome<FormField> update(
      UUID officeId, UUID serviceId, UUID fieldId, FormFieldForm form) {
    FormDefinition definition = definition(officeId, serviceId);
    FormField before = field(officeId, serviceId, fieldId);
    FieldErrors errors = check(definition, before, form);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    FormField.Condition condition = form.parsedCondition();
    int updated =
        jdbc.sql(
                """
                update form_field set field_key = ?, type = ?, label_id = ?, label_en = ?, help_id = ?,
                  help_en = ?, required = ?, limits = cast(? as jsonb), options = cast(? as jsonb),
                  condition_key = ?, condition_value = ?, version = version + 1
                where id = ? and office_id = ? and service_type_id = ? and version = ?
                """)
            .params(
                form.key().strip(),
                form.fieldType().name(),
                form.labelId().strip(),
                form.labelEn().strip(),
                FieldErrors.clean(form.helpId()),
                FieldErrors.clean(form.helpEn()),
                form.required(),
                JSON.writeValueAsString(limitsJson(form.parsedLimits())),
                JSON.writeValueAsString(form.parsedOptions()),
                condition == null ? null : condition.key(),
                condition == null ? null : condition.value(),
                fieldId,
                officeId,
                serviceId,
                form.version() == null ? before.version() : form.version())
            .update();
    if (updated == 0) {
      return Outcome.failed(new FieldErrors().reject("version", "error.conflict"));
    }
    touch(officeId, serviceId);
    FormField after = field(officeId, serviceId, fieldId);
    audit.record(
        officeId,
        "form.field.updated",
        "service_type",
        serviceId,
        withKey(before.key(), AuditTrail.changes(values(before), values(after))));
    return Outcome.done(after);
  }

  /**
   * Moves a question one place up ({@code -1}) or down ({@code +1}). Refused when a condition would
   * then refer to a later question.
   *
   * @return the error message key, or null when moved (or already at the end)
   */
  @Transactional
  public String move(UUID officeId, UUID serviceId, UUID fieldId, int direction) {
    List<FormField> list = new ArrayList<>(definition(officeId, serviceId).fields());
    int index = indexOf(list, fieldId);
    int target = index + Integer.signum(direction);
    if (target < 0 || target >= list.size()) {
      return null;
    }
    FormField moved = list.remove(index);
    list.add(target, moved);
    List<String> seen = new ArrayList<>();
    for (FormField f : list) {
      if (f.condition() != null && !seen.contains(f.condition().key())) {
        return "forms.error.moveCondition";
      }
      seen.add(f.key());
    }
    for (int i = 0; i < list.size(); i++) {
      jdbc.sql("update form_field set position = ? where id = ? and office_id = ?")
          .params(i + 1, list.get(i).id(), officeId)
          .update();
    }
    touch(officeId, serviceId);
    audit.record(
        officeId,
        "form.field.moved",
        "service_type",
        serviceId,
        Map.of("key", moved.key(), "from", index + 1, "to", target + 1));
    return null;
  }

  /**
   * Deletes a question. Refused while another question is asked only depending on its answer.
   *
   * @return the error message key, or null when deleted
   */
  @Transactional
  public String delete(UUID officeId, UUID serviceId, UUID fieldId) {
    FormDefinition definition = definition(officeId, serviceId);
    FormField before = field(officeId, serviceId, fieldId);
    if (definition.fields().stream()
        .anyMatch(f -> f.condition() != null && f.condition().key().equals(before.key()))) {
      return "forms.error.deleteInUse";
    }
    jdbc.sql("delete from form_field where id = ? and office_id = ? and service_type_id = ?")
        .params(fieldId, officeId, serviceId)
        .update();
    touch(officeId, serviceId);
    audit.record(officeId, "form.field.removed", "service_type", serviceId, values(before));
    return null;
  }

  // ---- rules ----------------------------------------------------------------------------------

  /**
   * The question's own checks, then its place in the form: unique key, condition on an earlier one.
   */
  static FieldErrors check(FormDefinition definition, FormField before, FormFieldForm form) {
    FieldErrors errors = form.validate();
    String key = form.key() == null ? "" : form.key().strip();
    if (!errors.has("key")
        && definition.fields().stream()
            .anyMatch(
                f -> f.key().equals(key) && (before == null || !f.id().equals(before.id())))) {
      errors.reject("key", "forms.error.keyTaken");
    }
    if (!errors.has("key")
        && before != null
        && !before.key().equals(key)
        && definition.fields().stream()
            .anyMatch(f -> f.condition() != null && f.condition().key().equals(before.key()))) {
      errors.reject("key", "forms.error.keyInUse");
    }
    FormField.Condition condition = form.parsedCondition();
    if (condition != null && !errors.has("conditionKey")) {
      List<FormField> earlier =
          definition.fields().stream()
              .filter(f -> before == null || f.position() < before.position())
              .toList();
      FormField source =
          earlier.stream().filter(f -> f.key().equals(condition.key())).findFirst().orElse(null);
      if (condition.key().equals(key) || (before != null && condition.key().equals(before.key()))) {
        errors.reject("conditionKey", "forms.error.conditionSelf");
      } else if (source == null) {
        errors.reject("conditionKey", "forms.error.conditionEarlier");
      } else if (!errors.has("conditionValue")) {
        String value = condition.value();
        if (source.type().hasOptions() && source.option(value).isEmpty()) {
          errors.reject("conditionValue", "forms.error.conditionOption");
        } else if (source.type() == FieldType.YES_NO
            && !FieldType.YES.equals(value)
            && !FieldType.NO.equals(value)) {
          errors.reject("conditionValue", "forms.error.conditionYesNo");
        } else {
          errors.optionalText("conditionValue", value, 100);
        }
      }
    }
    return errors;
  }

  // ---- storage --------------------------------------------------------------------------------

  private void touch(UUID officeId, UUID serviceId) {
    jdbc.sql(
            "update service_type set version = version + 1, updated_at = now() where id = ? and office_id = ?")
        .params(serviceId, officeId)
        .update();
  }

  private static int indexOf(List<FormField> list, UUID fieldId) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id().equals(fieldId)) {
        return i;
      }
    }
    throw new NotFoundException();
  }

  private static Map<String, Object> limitsJson(FormField.Limits l) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIfSet(m, "minLength", l.minLength());
    putIfSet(m, "maxLength", l.maxLength());
    putIfSet(m, "minNumber", l.minNumber());
    putIfSet(m, "maxNumber", l.maxNumber());
    putIfSet(m, "pattern", l.pattern());
    putIfSet(m, "patternMessageId", l.patternMessageId());
    putIfSet(m, "patternMessageEn", l.patternMessageEn());
    putIfSet(m, "minDays", l.minDays());
    putIfSet(m, "maxDays", l.maxDays());
    return m;
  }

  private static void putIfSet(Map<String, Object> m, String name, Object value) {
    if (value != null) {
      m.put(name, value);
    }
  }

  /** The question as the audit trail shows it. */
  private static Map<String, Object> values(FormField f) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("key", f.key());
    v.put("type", f.type().name());
    v.put("labelId", f.labelId());
    v.put("labelEn", f.labelEn());
    v.put("helpId", f.helpId());
    v.put("helpEn", f.helpEn());
    v.put("required", f.required());
    v.put("limits", limitsJson(f.limits()));
    v.put(
        "options",
        f.options().stream().map(o -> o.value() + "|" + o.labelId() + "|" + o.labelEn()).toList());
    v.put(
        "condition",
        f.condition() == null ? null : f.condition().key() + "=" + f.condition().value());
    return v;
  }

  private static Map<String, Object> withKey(String key, Map<String, Object> changes) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("field", key);
    v.putAll(changes);
    return v;
  }

  private static FormField field(ResultSet rs, int row) throws SQLException {
    JsonNode limits = JSON.readTree(rs.getString("limits"));
    List<FormField.Option> options = new ArrayList<>();
    for (JsonNode o : JSON.readTree(rs.getString("options"))) {
      options.add(
          new FormField.Option(
              o.get("value").asText(), o.get("labelId").asText(), o.get("labelEn").asText()));
    }
    String conditionKey = rs.getString("condition_key");
    return new FormField(
        rs.getObject("id", UUID.class),
        rs.getObject("service_type_id", UUID.class),
        rs.getInt("position"),
        rs.getString("field_key"),
        FieldType.valueOf(rs.getString("type")),
        rs.getString("label_id"),
        rs.getString("label_en"),
        rs.getString("help_id"),
        rs.getString("help_en"),
        rs.getBoolean("required"),
        new FormField.Limits(
            intOrNull(limits, "minLength"),
            intOrNull(limits, "maxLength"),
            longOrNull(limits, "minNumber"),
            longOrNull(limits, "maxNumber"),
            textOrNull(limits, "pattern"),
            textOrNull(limits, "patternMessageId"),
            textOrNull(limits, "patternMessageEn"),
            intOrNull(limits, "minDays"),
            intOrNull(limits, "maxDays")),
        options,
        conditionKey == null
            ? null
            : new FormField.Condition(conditionKey, rs.getString("condition_value")),
        rs.getInt("version"));
  }

  private static Integer intOrNull(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asInt();
  }

  private static Long longOrNull(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asLong();
  }

  private static String textOrNull(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }
}
