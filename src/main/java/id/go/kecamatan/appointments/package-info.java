/**
 * Appointments (janji temu) and the e-KTP card (KTP-el): a resident books a time at the office
 * without an account, checks in to a queue ticket of the counter, and follows the card recorded at
 * the office through its life up to the pick-up (ADR 0026). Tells the public site of {@code
 * catalog} where an office takes bookings ({@link id.go.kecamatan.catalog.OfficeAppointments}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appointments")
package id.go.kecamatan.appointments;
