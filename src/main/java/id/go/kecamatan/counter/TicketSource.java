package id.go.kecamatan.counter;

/** Where a ticket was taken: the kiosk (anjungan), the front office, or a booked appointment. */
public enum TicketSource {
  KIOSK,
  FRONT_OFFICE,
  APPOINTMENT
}
