package id.go.kecamatan.letters;

import id.go.kecamatan.application.ApplicationId;
import java.io.Serializable;
import java.util.List;

/**
 * What a signing run did: the letters issued, and the applications left unsigned with the reason (a
 * message key of the {@code letters} bundle).
 */
public record SigningReport(List<Signed> signed, List<Skipped> skipped) implements Serializable {

  /** An issued letter. */
  public record Signed(ApplicationId applicationId, String trackingCode, String number)
      implements Serializable {}

  /**
   * An application not signed, e.g. changed by someone else meanwhile.
   *
   * @param label its tracking code, or its id when it is not an application of the office
   * @param reasonKey why, a message key taking the label as its argument
   */
  public record Skipped(ApplicationId applicationId, String label, String reasonKey)
      implements Serializable {}
}
