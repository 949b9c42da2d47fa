package id.go.kecamatan.shared.web;

/** The result of a command from a form: the thing made or changed, or the form's errors. */
public record Outcome<T>(T value, FieldErrors errors) {

  public static <T> Outcome<T> done(T value) {
    return new Outcome<>(value, new FieldErrors());
  }

  public static <T> Outcome<T> failed(FieldErrors errors) {
    return new Outcome<>(null, errors);
  }

  public boolean ok() {
    return !errors.any();
  }

  /** The value turned into another when done; the same errors when failed. */
  public <R> Outcome<R> map(java.util.function.Function<T, R> f) {
    return ok() ? done(f.apply(value)) : failed(errors);
  }
}
