/**
 * The counter queue (antrean loket): counters and service groups of an office, tickets from a kiosk
 * or the front office or a booked appointment, the order of calling with priority groups and a
 * fairness cap, the inside limit, calling at the counter, the display board with an offline voice,
 * the resident's view of a ticket and the queue's statistics. From the ticket being served the
 * officer starts the assisted intake of module application, and the ticket is linked to the
 * application when it is submitted; the kiosk devices are the office's (office.Devices). See ADR
 * 0025 and 0029.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Counter")
package id.go.kecamatan.counter;
