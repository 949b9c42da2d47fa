package id.go.kecamatan.catalog;

import id.go.kecamatan.shared.web.FieldErrors;

/** A requirement as typed in the administration screen. */
public record RequirementForm(String name, String description, boolean required) {

  FieldErrors validate() {
    FieldErrors errors = new FieldErrors();
    errors.text("reqName", name, 200);
    errors.optionalText("reqDescription", description, 1000);
    return errors;
  }
}
