package id.go.kecamatan.counter.web;

/**
 * A ticket as asked for at the kiosk or the front office.
 *
 * @param group the service group's id
 * @param priority a priority group's name, or empty
 * @param nik for lansia: the NIK whose birth date shows the age; checked, never stored
 * @param name the holder's name for the officer (front office), optional
 * @param phone for the message near the turn, optional
 */
public record TicketForm(
    String group, String priority, String nik, String name, String phone, String email) {

  public static TicketForm empty() {
    return new TicketForm("", "", "", "", "", "");
  }

  String value(String s) {
    return s == null ? "" : s;
  }
}
