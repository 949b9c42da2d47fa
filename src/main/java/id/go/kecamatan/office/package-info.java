/**
 * Offices (kantor kecamatan) as tenants: regencies, offices, villages (desa/kelurahan), letterhead,
 * officials, the working calendar, and the rules on Indonesian identifiers (region codes, NIK, No.
 * KK, NIP).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Office")
package id.go.kecamatan.office;
