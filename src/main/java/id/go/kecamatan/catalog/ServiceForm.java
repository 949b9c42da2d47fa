package id.go.kecamatan.catalog;

import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Texts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service as edited in the administration screens; every field as typed. */
public record ServiceForm(
    String code,
    String name,
    String category,
    String description,
    String procedureSteps,
    String completionDays,
    String cost,
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
    String secondCheck,
    Integer version) {

  static final int LONG_TEXT = 2000;

  /** An empty form for a new service, with the usual defaults (free, 1 working day). */
  public static ServiceForm blank() {
    return new ServiceForm(
        "",
        "",
        "NON_PERIZINAN",
        "",
        "",
        "1",
        "0",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        true,
        true,
        true,
        "",
        null);
  }

  public static ServiceForm of(ServiceType s) {
    return new ServiceForm(
        s.code(),
        s.name(),
        s.category().name(),
        s.description(),
        String.join("\n", s.procedureSteps()),
        Integer.toString(s.completionDays()),
        Long.toString(s.cost()),
        s.product(),
        s.complaintChannel(),
        s.legalBasis(),
        s.facilities(),
        s.competence(),
        s.supervision(),
        s.staffCount(),
        s.serviceGuarantee(),
        s.securityGuarantee(),
        s.performanceEvaluation(),
        s.classificationCode(),
        s.online(),
        s.counter(),
        s.village(),
        s.secondCheck() == null ? "" : s.secondCheck().name(),
        s.version());
  }

  public List<String> steps() {
    return Texts.lines(procedureSteps);
  }

  /** Checks every field; the code's uniqueness is checked by {@link Catalog}. */
  FieldErrors validate() {
    FieldErrors errors = new FieldErrors();
    errors.text("code", code, 20);
    if (!errors.has("code") && !code.strip().matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
      errors.reject("code", "catalog.error.code");
    }
    errors.text("name", name, 150);
    if (category == null
        || Arrays.stream(ServiceType.Category.values()).noneMatch(c -> c.name().equals(category))) {
      errors.reject("category", "catalog.error.category");
    }
    errors.text("description", description, LONG_TEXT);
    errors.text("procedureSteps", procedureSteps, 4000);
    if (!errors.has("procedureSteps") && steps().size() > 30) {
      errors.reject("procedureSteps", "catalog.error.tooManySteps", 30);
    }
    if (!errors.has("procedureSteps")) {
      for (String step : steps()) {
        if (step.length() > 500) {
          errors.reject("procedureSteps", "catalog.error.stepTooLong", 500);
        }
      }
    }
    errors.integer("completionDays", completionDays, 0, 365, true);
    errors.integer("cost", cost == null ? null : cost.replace(".", ""), 0, 100_000_000, true);
    errors.text("product", product, 300);
    errors.text("complaintChannel", complaintChannel, 1000);
    errors.text("legalBasis", legalBasis, LONG_TEXT);
    errors.optionalText("facilities", facilities, LONG_TEXT);
    errors.optionalText("competence", competence, LONG_TEXT);
    errors.optionalText("supervision", supervision, LONG_TEXT);
    errors.optionalText("staffCount", staffCount, 300);
    errors.optionalText("serviceGuarantee", serviceGuarantee, LONG_TEXT);
    errors.optionalText("securityGuarantee", securityGuarantee, LONG_TEXT);
    errors.optionalText("performanceEvaluation", performanceEvaluation, LONG_TEXT);
    errors.optionalText("classificationCode", classificationCode, 30);
    if (!errors.has("classificationCode")
        && classificationCode != null
        && !classificationCode.isBlank()
        && !classificationCode.strip().matches("\\d{3}(\\.\\d{1,3}){0,3}")) {
      errors.reject("classificationCode", "catalog.error.classification");
    }
    if (!online && !counter && !village) {
      errors.reject("channels", "catalog.error.channels");
    }
    if (secondCheck != null
        && !secondCheck.isBlank()
        && ServiceType.SECOND_CHECK_ROLES.stream()
            .noneMatch(r -> r.name().equals(secondCheck.strip()))) {
      errors.reject("secondCheck", "catalog.error.secondCheck");
    }
    return errors;
  }

  /** The values as stored, for the audit trail's list of changes. */
  Map<String, Object> values() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("code", FieldErrors.clean(code));
    v.put("name", FieldErrors.clean(name));
    v.put("category", category);
    v.put("description", FieldErrors.clean(description));
    v.put("procedureSteps", steps());
    v.put("completionDays", Integer.parseInt(completionDays.strip()));
    v.put("cost", Long.parseLong(cost.strip().replace(".", "")));
    v.put("product", FieldErrors.clean(product));
    v.put("complaintChannel", FieldErrors.clean(complaintChannel));
    v.put("legalBasis", FieldErrors.clean(legalBasis));
    v.put("facilities", FieldErrors.clean(facilities));
    v.put("competence", FieldErrors.clean(competence));
    v.put("supervision", FieldErrors.clean(supervision));
    v.put("staffCount", FieldErrors.clean(staffCount));
    v.put("serviceGuarantee", FieldErrors.clean(serviceGuarantee));
    v.put("securityGuarantee", FieldErrors.clean(securityGuarantee));
    v.put("performanceEvaluation", FieldErrors.clean(performanceEvaluation));
    v.put("classificationCode", FieldErrors.clean(classificationCode));
    v.put("online", online);
    v.put("counter", counter);
    v.put("village", village);
    v.put("secondCheck", FieldErrors.clean(secondCheck));
    return v;
  }
}
