package id.go.kecamatan.complaints;

/** How a complaint reached the office (saluran). */
public enum Channel {
  /** Filed by the reporter on the web or the API. */
  ONLINE,
  /** Entered at the office's front desk (loket). */
  COUNTER,
  /** Entered by a village operator. */
  VILLAGE,
  /** Received by telephone and recorded by staff. */
  PHONE,
  /** Received by letter. */
  LETTER,
  /** Received by WhatsApp. */
  WHATSAPP;

  public boolean assisted() {
    return this != ONLINE;
  }
}
