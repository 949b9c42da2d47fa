package id.go.kecamatan.appointments;

/**
 * Where an e-KTP card (KTP-el) is, in the order of its life: recorded at the office, waiting for
 * the central verification (Dukcapil/Kemendagri), ready to print, printed, ready for pick-up,
 * picked up. A card only moves forward; a surat keterangan pengganti may be issued meanwhile
 * without changing the status.
 */
public enum KtpCardStatus {
  /** Direkam: the biometric data were recorded. */
  RECORDED,
  /** Menunggu verifikasi pusat. */
  AWAITING_VERIFICATION,
  /** Siap cetak: verified, waiting for a blank. */
  READY_TO_PRINT,
  /** Dicetak. */
  PRINTED,
  /** Siap diambil: the resident is told to come. */
  READY_FOR_PICKUP,
  /** Diambil: handed over after the pick-up check. */
  PICKED_UP;

  /**
   * Whether staff may move a card from this status to {@code target} by a plain step: forward only
   * (a step may be skipped, as a fast verification goes straight to printing), and never to {@link
   * #PICKED_UP}, which needs the pick-up check.
   */
  public boolean mayStepTo(KtpCardStatus target) {
    return target != PICKED_UP && target.ordinal() > ordinal();
  }

  /** The next status, or null after the last. */
  public KtpCardStatus next() {
    return this == PICKED_UP ? null : values()[ordinal() + 1];
  }

  /** Whether a surat keterangan may still be issued: the card is not yet in the resident's hand. */
  public boolean mayIssueInterimLetter() {
    return this != PICKED_UP;
  }
}
