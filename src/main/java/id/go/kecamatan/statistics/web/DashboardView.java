package id.go.kecamatan.statistics.web;

import id.go.kecamatan.statistics.Statistics;
import java.time.Instant;
import java.util.List;

/**
 * The staff dashboard of an office, or of a regency across its offices.
 *
 * @param action the filter form's address
 * @param officeSlug the office shown in a regency's dashboard ({@code kantor}), or null
 * @param services the office's services for the filter (id, name), empty for a regency overview
 * @param villages the office's villages for the filter (id, name), empty when fixed or a regency
 * @param officers the office's deciders (verifiers, admins) for the officer filter, or empty
 * @param breakdown per service (an office) or per office (a regency)
 * @param drillDown whether the figures link to the office's worklist (an office's own staff)
 * @param auditTrail whether the audit-trail extract may be downloaded (the office's admin)
 * @param complaintGroups complaints per category and kind, empty when a filter narrows
 * @param registers whether the registers may be downloaded (the office's admin, verifiers, signers)
 */
public record DashboardView(
    String title,
    String action,
    String officeSlug,
    DashboardFilter filter,
    List<Option> services,
    List<Option> villages,
    List<Option> officers,
    List<FigureTable> months,
    FigureTable total,
    List<FigureTable> breakdown,
    boolean breakdownByOffice,
    List<Statistics.Reason> reasons,
    boolean drillDown,
    boolean registers,
    boolean auditTrail,
    Instant asOf,
    List<Statistics.ComplaintGroup> complaintGroups) {

  public record Option(String value, String label) {}
}
