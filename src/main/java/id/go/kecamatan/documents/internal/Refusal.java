package id.go.kecamatan.documents.internal;

/** An upload refused for a reason the user can act on: a message key of the documents bundle. */
public class Refusal extends Exception {

  private final String key;
  private final transient Object[] args;

  public Refusal(String key, Object... args) {
    super(key, null, false, false);
    this.key = key;
    this.args = args;
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args;
  }
}
