package id.go.kecamatan.catalog;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The application form (formulir permohonan) of a service: its questions in order. */
public record FormDefinition(UUID officeId, UUID serviceId, List<FormField> fields) {

  public FormDefinition {
    fields = List.copyOf(fields);
  }

  public Optional<FormField> field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** Each question's label by key in this language, so the error summary names the question. */
  public Map<String, String> labels(String lang) {
    Map<String, String> labels = new LinkedHashMap<>();
    fields.forEach(f -> labels.put(f.key(), f.label(lang)));
    return labels;
  }

  /**
   * The answers to this form's questions as a form sends them, read by question key (for example
   * {@code request::getParameterValues}); anything else the form sent is left out.
   */
  public Map<String, List<String>> answersFrom(Function<String, String[]> values) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (FormField field : fields) {
      String[] given = values.apply(field.key());
      if (given != null) {
        answers.put(field.key(), Arrays.asList(given));
      }
    }
    return answers;
  }
}
