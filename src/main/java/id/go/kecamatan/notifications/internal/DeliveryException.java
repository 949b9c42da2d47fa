package id.go.kecamatan.notifications.internal;

/**
 * A message was not accepted. {@code permanent}: trying again cannot help (the gateway refused the
 * request itself, the address does not exist), so the message fails at once.
 */
public class DeliveryException extends Exception {

  private final boolean permanent;

  public DeliveryException(String reason, boolean permanent) {
    super(reason);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
