package id.go.kecamatan.complaints;

/**
 * A complaint as typed on the filing form or posted to the API, before any rule ran.
 *
 * @param officeSlug the office, by its public address
 * @param occurredOn when it happened, {@code yyyy-mm-dd}, optional
 * @param website the honeypot: a field hidden from people; a value means a robot filled the form
 * @param confirmDuplicate the reporter saw the duplicate hint and sends it anyway
 */
public record FilingForm(
    String kind,
    String categoryId,
    String description,
    String villageId,
    String place,
    String occurredOn,
    String privacy,
    String name,
    String phone,
    String email,
    String applicationCode,
    String website,
    boolean confirmDuplicate) {

  public static FilingForm blank() {
    return new FilingForm(
        Kind.COMPLAINT.name(),
        "",
        "",
        "",
        "",
        "",
        Privacy.RAHASIA.name(),
        "",
        "",
        "",
        "",
        "",
        false);
  }

  /** The most characters of the description. */
  public static final int MAX_DESCRIPTION = 4000;

  /** The most attachments. */
  public static final int MAX_FILES = 4;
}
