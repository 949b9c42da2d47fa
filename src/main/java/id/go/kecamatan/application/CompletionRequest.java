package id.go.kecamatan.application;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The office's open request to complete an application (permintaan kelengkapan): which requirements
 * (persyaratan) were rejected and why, and how much of the deadline was left when the clock paused.
 *
 * @param requestedAt when the office asked
 * @param actor the officer who asked
 * @param reasons per rejected requirement id, the reason in the officer's words, in the order the
 *     officer gave them; never empty
 * @param workingDaysLeft the working days after the day of the request up to and including the
 *     deadline, never negative; the resident's completion gives these days back
 */
public record CompletionRequest(
    Instant requestedAt, String actor, Map<UUID, String> reasons, int workingDaysLeft) {

  public CompletionRequest {
    Objects.requireNonNull(requestedAt);
    Objects.requireNonNull(actor);
    if (reasons == null || reasons.isEmpty()) {
      throw new IllegalArgumentException("A completion request names at least one requirement");
    }
    if (workingDaysLeft < 0) {
      throw new IllegalArgumentException("workingDaysLeft must not be negative");
    }
    reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
  }

  /** Whether the office rejected this requirement. */
  public boolean rejected(UUID requirementId) {
    return reasons.containsKey(requirementId);
  }
}
