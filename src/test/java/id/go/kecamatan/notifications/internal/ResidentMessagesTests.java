package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.application.ApplicationStatus;
import org.junit.jupiter.api.Test;

/**
 * The listener's condition lets through exactly the status changes it sends a message for: a status
 * missing from it would silently send no message, one too many records a publication for nothing.
 */
class ResidentMessagesTests {

  @Test
  void theConditionNamesExactlyTheStatusesWithAMessage() {
    for (ApplicationStatus status : ApplicationStatus.values()) {
      assertThat(status.name().matches(ResidentMessages.TOLD_OF))
          .as(status.name())
          .isEqualTo(ResidentMessages.kind(status) != null);
    }
  }
}
