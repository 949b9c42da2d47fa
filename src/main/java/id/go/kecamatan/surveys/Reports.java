package id.go.kecamatan.surveys;

import id.go.kecamatan.application.ServiceUsers;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.surveys.internal.ReportQueries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The IKM reports: of an office (optionally of one of its services) and of a regency (its offices'
 * responses pooled, i.e. their indexes weighted by respondents), for a {@link Period}. Each report
 * has the respondents, the NRR per element, the index and its grade, the trend over the periods
 * before, the respondents' profile, and the sample's adequacy against the service users the system
 * counted itself ({@link ServiceUsers}: the applications finished in the period).
 */
@Service
public class Reports {

  /** How many periods the trend shows, the report's own included. */
  public static final int TREND = 5;

  /**
   * A part of the respondents' profile as a report lists it.
   *
   * @param column its column of {@code survey_response}
   * @param labels the prefix of its labels ({@code <labels>} names the part, {@code
   *     <labels>.<VALUE>} each value)
   * @param values its values in the order they are listed (the bands' own order)
   */
  public record ProfilePart(String column, String labels, List<String> values) {}

  /** The profile's parts in the order a report lists them. */
  public static final List<ProfilePart> PROFILE =
      List.of(
          new ProfilePart("sex", "surveys.profile.sex", Profile.names(Profile.Sex.class)),
          new ProfilePart("age_band", "surveys.profile.age", Profile.names(Profile.AgeBand.class)),
          new ProfilePart(
              "education", "surveys.profile.education", Profile.names(Profile.Education.class)),
          new ProfilePart(
              "occupation", "surveys.profile.occupation", Profile.names(Profile.Occupation.class)),
          new ProfilePart(
              "time_band", "surveys.profile.timeBand", Profile.names(Profile.TimeBand.class)));

  public record TrendPoint(Period period, long respondents, Optional<Ikm> ikm) {}

  /** A row of a breakdown: a service of an office, or an office of a regency. */
  public record Row(
      UUID id, String name, String slug, long respondents, Optional<Ikm> ikm, long users) {}

  /**
   * @param serviceUsers the applications finished in the period (per office or service)
   * @param minimumSample the Krejcie-Morgan minimum for that number
   * @param profile per part (column), the count of each value (null key: not given)
   */
  public record Report(
      Period period,
      Tally tally,
      Optional<Ikm> ikm,
      long serviceUsers,
      long minimumSample,
      List<TrendPoint> trend,
      Map<String, Map<String, Long>> profile,
      Map<ResponseChannel, Long> channels,
      List<Row> rows,
      List<Suggestion> suggestions) {

    public boolean sufficient() {
      return tally.respondents() >= minimumSample;
    }

    public long assisted() {
      return channels.getOrDefault(ResponseChannel.PAPER, 0L);
    }
  }

  private final ReportQueries queries;
  private final ZoneId zone;
  private final ServiceUsers users;
  private final Catalog catalog;
  private final Offices offices;

  Reports(
      ReportQueries queries,
      ServiceUsers users,
      Catalog catalog,
      Offices offices,
      java.time.Clock clock) {
    this.zone = clock.getZone();
    this.queries = queries;
    this.users = users;
    this.catalog = catalog;
    this.offices = offices;
  }

  /**
   * The office's report, of one of its services or (null) all; with its saran/kritik for the
   * office's staff only ({@code withSuggestions}).
   */
  public Report office(UUID officeId, UUID serviceId, Period period, boolean withSuggestions) {
    List<UUID> scope = List.of(officeId);
    Map<UUID, Long> finished = users.finishedPerService(officeId, start(period), end(period));
    long serviceUsers =
        serviceId == null
            ? finished.values().stream().mapToLong(Long::longValue).sum()
            : finished.getOrDefault(serviceId, 0L);
    List<Row> rows = new ArrayList<>();
    if (serviceId == null) {
      Map<UUID, Tally> perService = queries.perService(officeId, period.from(), period.to());
      for (ServiceType service : catalog.allServices(officeId)) {
        Tally tally = perService.getOrDefault(service.id(), Tally.EMPTY);
        long used = finished.getOrDefault(service.id(), 0L);
        if (tally.respondents() > 0 || used > 0) {
          rows.add(
              new Row(
                  service.id(),
                  service.name(),
                  service.code(),
                  tally.respondents(),
                  Ikm.of(tally),
                  used));
        }
      }
      rows.sort(Comparator.comparing(Row::respondents).reversed());
    }
    return report(
        scope,
        serviceId,
        period,
        serviceUsers,
        rows,
        withSuggestions
            ? queries.suggestions(officeId, serviceId, period.from(), period.to())
            : List.of());
  }

  /** The regency's report: its active offices pooled, with a row per office. */
  public Report regency(UUID regencyId, Period period) {
    List<Office> all = offices.officesOf(regencyId).stream().filter(Office::active).toList();
    List<UUID> scope = all.stream().map(Office::id).toList();
    Map<UUID, Tally> perOffice = queries.perOffice(scope, period.from(), period.to());
    List<Row> rows = new ArrayList<>();
    long serviceUsers = 0;
    for (Office office : all) {
      long used =
          users.finishedPerService(office.id(), start(period), end(period)).values().stream()
              .mapToLong(Long::longValue)
              .sum();
      serviceUsers += used;
      Tally tally = perOffice.getOrDefault(office.id(), Tally.EMPTY);
      rows.add(
          new Row(
              office.id(),
              office.displayName(),
              office.slug(),
              tally.respondents(),
              Ikm.of(tally),
              used));
    }
    return report(scope, null, period, serviceUsers, rows, List.of());
  }

  /**
   * The tallies per month of the offices' responses in the months {@code from} to {@code to},
   * optionally of one service: for a reader of the IKM by month (the statistics module), who adds
   * them up ({@link Tally#plus}) and scores them with {@link Ikm#of}. Months without responses are
   * left out.
   */
  public Map<YearMonth, Tally> monthly(
      Collection<UUID> officeIds, UUID serviceId, YearMonth from, YearMonth to) {
    Map<YearMonth, Tally> months = new LinkedHashMap<>();
    queries
        .perMonth(officeIds, serviceId, from.atDay(1), to.atEndOfMonth())
        .forEach((day, tally) -> months.put(YearMonth.from(day), tally));
    return months;
  }

  /** The tallies of an office's responses per service named in the months (none: key null). */
  public Map<UUID, Tally> perService(UUID officeId, YearMonth from, YearMonth to) {
    return queries.perService(officeId, from.atDay(1), to.atEndOfMonth());
  }

  /** The tallies per office of the offices' responses in the months. */
  public Map<UUID, Tally> perOffice(Collection<UUID> officeIds, YearMonth from, YearMonth to) {
    return queries.perOffice(officeIds, from.atDay(1), to.atEndOfMonth());
  }

  private Report report(
      List<UUID> scope,
      UUID serviceId,
      Period period,
      long serviceUsers,
      List<Row> rows,
      List<Suggestion> suggestions) {
    Tally tally = queries.tally(scope, serviceId, period.from(), period.to());
    List<TrendPoint> trend = new ArrayList<>();
    for (Period earlier : period.withPrevious(TREND)) {
      Tally t =
          earlier.equals(period)
              ? tally
              : queries.tally(scope, serviceId, earlier.from(), earlier.to());
      trend.add(new TrendPoint(earlier, t.respondents(), Ikm.of(t)));
    }
    Map<String, Map<String, Long>> profile = new LinkedHashMap<>();
    for (ProfilePart part : PROFILE) {
      profile.put(
          part.column(),
          ordered(
              part, queries.profile(part.column(), scope, serviceId, period.from(), period.to())));
    }
    return new Report(
        period,
        tally,
        Ikm.of(tally),
        serviceUsers,
        SampleSize.minimum(serviceUsers),
        trend,
        profile,
        queries.channels(scope, serviceId, period.from(), period.to()),
        rows,
        suggestions);
  }

  /**
   * A profile part's counts in its values' order (under 20 years first, then 20-29, ...), values no
   * longer offered after them, and the answers not given (the null key) last: the order the
   * database groups them in is no order at all.
   */
  static Map<String, Long> ordered(ProfilePart part, Map<String, Long> counts) {
    Map<String, Long> ordered = new LinkedHashMap<>();
    for (String value : part.values()) {
      if (counts.containsKey(value)) {
        ordered.put(value, counts.get(value));
      }
    }
    counts.forEach(
        (value, n) -> {
          if (value != null) {
            ordered.putIfAbsent(value, n);
          }
        });
    if (counts.containsKey(null)) {
      ordered.put(null, counts.get(null));
    }
    return ordered;
  }

  /** Today in the offices' time zone. */
  public static LocalDate today(java.time.Clock clock) {
    return LocalDate.now(clock);
  }

  private Instant start(Period period) {
    return period.from().atStartOfDay(zone).toInstant();
  }

  private Instant end(Period period) {
    return period.to().plusDays(1).atStartOfDay(zone).toInstant();
  }
}
