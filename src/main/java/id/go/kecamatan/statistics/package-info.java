/**
 * Statistics (statistik pelayanan): the figures of the offices' services, each with its definition,
 * period and "data as of"; the public transparency page per office and regency, the staff
 * dashboard, the open data (CSV, XLSX), the registers for staff and the monthly report. The figures
 * come from facts and monthly counts this module keeps from the other modules' events ({@code
 * application}, {@code letters}), never from scanning their tables on a page view. See ADR 0023.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package id.go.kecamatan.statistics;
