package id.go.kecamatan.complaints;

/** A transition the complaint's status does not allow (stale page, double click, wrong role). */
public class IllegalComplaintTransitionException extends RuntimeException {

  private final ComplaintStatus from;
  private final ComplaintStatus to;

  public IllegalComplaintTransitionException(ComplaintStatus from, ComplaintStatus to) {
    super("A complaint cannot go from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  public ComplaintStatus from() {
    return from;
  }

  public ComplaintStatus to() {
    return to;
  }
}
