package id.go.kecamatan.application;

/** A status change the status machine does not allow, e.g. approving a withdrawn application. */
public class IllegalTransitionException extends RuntimeException {

  private final ApplicationStatus from;
  private final ApplicationStatus to;

  public IllegalTransitionException(ApplicationStatus from, ApplicationStatus to) {
    super("An application cannot go from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  public ApplicationStatus from() {
    return from;
  }

  public ApplicationStatus to() {
    return to;
  }
}
