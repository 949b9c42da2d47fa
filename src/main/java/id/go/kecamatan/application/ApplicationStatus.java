package id.go.kecamatan.application;

import java.util.EnumSet;
import java.util.Set;

/** The statuses of an application and which status may follow which. */
public enum ApplicationStatus {
  SUBMITTED,
  IN_REVIEW,
  NEEDS_COMPLETION,
  APPROVED,
  ISSUED,
  COLLECTED,
  REJECTED,
  WITHDRAWN;

  /** The statuses this one may change into. */
  public Set<ApplicationStatus> next() {
    return switch (this) {
      case SUBMITTED -> EnumSet.of(IN_REVIEW, REJECTED, WITHDRAWN);
      case IN_REVIEW -> EnumSet.of(NEEDS_COMPLETION, APPROVED, REJECTED, WITHDRAWN);
      case NEEDS_COMPLETION -> EnumSet.of(IN_REVIEW, REJECTED, WITHDRAWN);
      case APPROVED -> EnumSet.of(ISSUED, IN_REVIEW);
      case ISSUED -> EnumSet.of(COLLECTED);
      case COLLECTED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
    };
  }

  public boolean canBecome(ApplicationStatus target) {
    return next().contains(target);
  }

  /** No status follows this one. */
  public boolean isFinal() {
    return next().isEmpty();
  }

  /**
   * With the verifiers: received, in review or waiting for the resident's completion (the
   * worklist's open applications; after the approval it is the signer's).
   */
  public boolean withVerifiers() {
    return this == SUBMITTED || this == IN_REVIEW || this == NEEDS_COMPLETION;
  }

  /** The deadline clock stands still while the office waits for the resident. */
  public boolean pausesClock() {
    return this == NEEDS_COMPLETION;
  }
}
