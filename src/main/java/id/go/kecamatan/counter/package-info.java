/**
 * The counter queue (antrean loket): counters and service groups of an office, tickets from a kiosk
 * or the front office or a booked appointment, the order of calling with priority groups and a
 * fairness cap, the inside limit, calling at the counter, the display board with an offline voice,
 * the resident's view of a ticket and the queue's statistics. See ADR 0025.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Counter")
package id.go.kecamatan.counter;
