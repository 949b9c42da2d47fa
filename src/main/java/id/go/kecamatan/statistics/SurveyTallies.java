package id.go.kecamatan.statistics;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.surveys.Reports;
import id.go.kecamatan.surveys.Tally;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@link Statistics} reads of the surveys module (its public {@link Reports}) and of the
 * offices: the survey tallies the IKM is scored from, and which offices a scope stands for. An
 * interface only so that the benchmark can run {@link Statistics} without a Spring context.
 */
interface SurveyTallies {

  /** Whether the scope is a regency (else an office). */
  boolean isRegency(UUID scopeId);

  /** The offices a scope stands for: the office itself, or the regency's active offices. */
  List<UUID> officesOf(UUID scopeId);

  Map<YearMonth, Tally> monthly(
      Collection<UUID> officeIds, UUID serviceId, YearMonth from, YearMonth to);

  Map<UUID, Tally> perService(UUID officeId, YearMonth from, YearMonth to);

  Map<UUID, Tally> perOffice(Collection<UUID> officeIds, YearMonth from, YearMonth to);

  static SurveyTallies of(Offices offices, Reports reports) {
    return new SurveyTallies() {
      @Override
      public boolean isRegency(UUID scopeId) {
        return offices.regency(scopeId).isPresent();
      }

      @Override
      public List<UUID> officesOf(UUID scopeId) {
        if (isRegency(scopeId)) {
          return offices.officesOf(scopeId).stream()
              .filter(Office::active)
              .map(Office::id)
              .toList();
        }
        return List.of(scopeId);
      }

      @Override
      public Map<YearMonth, Tally> monthly(
          Collection<UUID> officeIds, UUID serviceId, YearMonth from, YearMonth to) {
        return reports.monthly(officeIds, serviceId, from, to);
      }

      @Override
      public Map<UUID, Tally> perService(UUID officeId, YearMonth from, YearMonth to) {
        return reports.perService(officeId, from, to);
      }

      @Override
      public Map<UUID, Tally> perOffice(Collection<UUID> officeIds, YearMonth from, YearMonth to) {
        return reports.perOffice(officeIds, from, to);
      }
    };
  }
}
