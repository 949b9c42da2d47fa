package id.go.kecamatan.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
}
