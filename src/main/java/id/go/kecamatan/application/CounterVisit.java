package id.go.kecamatan.application;

import java.util.Objects;
import java.util.UUID;

/**
 * The queue ticket (nomor antrean) an assisted application was entered from at the counter: the
 * ticket's id in the counter's queue and its number as called, e.g. {@code A-012}. Given by the
 * counter when it starts the intake; the application keeps it, and the counter hears of the
 * application through {@link CounterVisitApplied} (ADR 0029).
 */
public record CounterVisit(UUID ticketId, String label) {

  public CounterVisit {
    Objects.requireNonNull(ticketId);
    if (label == null || !label.matches("[A-Z]-\\d{3,4}")) {
      throw new IllegalArgumentException("A ticket number is like A-012");
    }
  }
}
