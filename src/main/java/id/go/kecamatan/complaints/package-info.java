/**
 * Complaints (pengaduan): anyone files a complaint, an aspiration or a request for information
 * about an office, follows it with a tracking code, and is answered on the office's working-day
 * clock; staff verify, ask, answer, forward and close through the {@link
 * id.go.kecamatan.complaints.Complaint} status machine. Categories per office carry the handling
 * tier (ADR 0021).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package id.go.kecamatan.complaints;
