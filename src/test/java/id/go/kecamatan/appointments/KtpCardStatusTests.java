package id.go.kecamatan.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KtpCardStatusTests {

  @Test
  void aCardMovesForwardOnlyAndNeverToPickedUpByAPlainStep() {
    assertThat(KtpCardStatus.RECORDED.mayStepTo(KtpCardStatus.AWAITING_VERIFICATION)).isTrue();
    // a fast verification goes straight to printing
    assertThat(KtpCardStatus.RECORDED.mayStepTo(KtpCardStatus.PRINTED)).isTrue();
    assertThat(KtpCardStatus.PRINTED.mayStepTo(KtpCardStatus.READY_TO_PRINT)).isFalse();
    assertThat(KtpCardStatus.PRINTED.mayStepTo(KtpCardStatus.PRINTED)).isFalse();
    assertThat(KtpCardStatus.READY_FOR_PICKUP.mayStepTo(KtpCardStatus.PICKED_UP)).isFalse();
    assertThat(KtpCardStatus.PICKED_UP.mayStepTo(KtpCardStatus.READY_FOR_PICKUP)).isFalse();
  }

  @Test
  void theNextStepFollowsTheCardsLife() {
    assertThat(KtpCardStatus.RECORDED.next()).isEqualTo(KtpCardStatus.AWAITING_VERIFICATION);
    assertThat(KtpCardStatus.READY_FOR_PICKUP.next()).isEqualTo(KtpCardStatus.PICKED_UP);
    assertThat(KtpCardStatus.PICKED_UP.next()).isNull();
  }

  @Test
  void anInterimLetterIsIssuedOnlyUntilTheCardIsPickedUp() {
    assertThat(KtpCardStatus.AWAITING_VERIFICATION.mayIssueInterimLetter()).isTrue();
    assertThat(KtpCardStatus.READY_FOR_PICKUP.mayIssueInterimLetter()).isTrue();
    assertThat(KtpCardStatus.PICKED_UP.mayIssueInterimLetter()).isFalse();
  }
}
