package id.go.kecamatan.documents;

/**
 * Where an upload goes: one requirement (persyaratan) of one application, as a form field, with
 * what the caller already holds for it. {@link Documents} checks the per-slot count and the
 * per-application total against {@link DocumentLimits} with these numbers.
 *
 * @param field the form field whose error this upload's problem becomes
 * @param filesAlready documents already kept in this slot
 * @param applicationBytesAlready bytes of all documents already kept for the whole application
 */
public record Slot(String field, int filesAlready, long applicationBytesAlready) {

  public Slot {
    if (field == null || field.isBlank() || filesAlready < 0 || applicationBytesAlready < 0) {
      throw new IllegalArgumentException("bad slot");
    }
  }

  /** A slot with nothing in it yet, of an application with nothing in it yet. */
  public static Slot empty(String field) {
    return new Slot(field, 0, 0);
  }
}
