package id.go.kecamatan.application;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The officer (petugas) who entered an application for a resident at the counter or the village
 * office (assisted intake). The name is kept as it was then; the resident sees it on the status
 * page and the receipt.
 */
public record AssistingOfficer(UUID staffId, String name) implements Serializable {

  public AssistingOfficer {
    Objects.requireNonNull(staffId);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("An assisting officer has a name");
    }
    name = name.length() > 150 ? name.substring(0, 150) : name;
  }
}
