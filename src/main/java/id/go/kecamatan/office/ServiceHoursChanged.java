package id.go.kecamatan.office;

import java.util.UUID;

/**
 * The hours an office serves may have shrunk: a closed day was entered in its calendar or in the
 * regency's (national holiday, cuti bersama), or its opening hours were saved. Published in the
 * changing transaction; the appointments module tells the residents whose booking it leaves out.
 *
 * @param officeId the office, or {@code null} for a day of the regency's calendar (every office)
 */
public record ServiceHoursChanged(UUID officeId) {}
