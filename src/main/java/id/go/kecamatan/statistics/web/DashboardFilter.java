package id.go.kecamatan.statistics.web;

import id.go.kecamatan.application.Channel;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The staff dashboard's filter as typed ({@code dari}, {@code sampai} as {@code YYYY-MM}, {@code
 * layanan}, {@code desa}, {@code kanal}), read defensively: a value that is not one of the offered
 * ones is dropped and named in {@code problems} (message keys), never an error page.
 */
public record DashboardFilter(
    YearMonth from,
    YearMonth to,
    UUID serviceId,
    UUID villageId,
    String channel,
    UUID officerId,
    List<String> problems) {

  static final int MAX_PARAM = 40;

  static DashboardFilter of(
      String from,
      String to,
      String service,
      String village,
      String channel,
      String officer,
      YearMonth current,
      Set<UUID> services,
      Set<UUID> villages,
      Set<UUID> officers) {
    List<String> problems = new ArrayList<>();
    YearMonth end = month(to, problems);
    YearMonth start = month(from, problems);
    if (start != null && end != null && start.isAfter(end)) {
      // typed the wrong way round: the period between the two, and the reader told so
      YearMonth later = start;
      start = end;
      end = later;
      problems.add("statistics.filter.swapped");
    }
    if (end == null) {
      end = current;
    } else if (end.isAfter(current)) {
      end = current;
      problems.add("statistics.filter.future");
    }
    if (start == null) {
      start = end.minusMonths(Period.MONTHS - 1);
    } else if (start.isAfter(end)) {
      start = end;
      problems.add("statistics.filter.future");
    }
    if (start.plusMonths(id.go.kecamatan.statistics.Statistics.MAX_MONTHS - 1).isBefore(end)) {
      start = end.minusMonths(id.go.kecamatan.statistics.Statistics.MAX_MONTHS - 1);
      problems.add("statistics.filter.tooLong");
    }
    UUID s = id(service, services, problems);
    UUID v = id(village, villages, problems);
    String c = null;
    if (channel != null && !channel.isBlank()) {
      String upper = channel.strip().toUpperCase(Locale.ROOT);
      if (upper.length() <= MAX_PARAM
          && java.util.Arrays.stream(Channel.values()).anyMatch(x -> x.name().equals(upper))) {
        c = upper;
      } else {
        problems.add("statistics.filter.invalid");
      }
    }
    UUID o = id(officer, officers, problems);
    return new DashboardFilter(start, end, s, v, c, o, List.copyOf(problems));
  }

  private static YearMonth month(String text, List<String> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() == 7 && t.charAt(4) == '-') {
      YearMonth m = Period.parse(t.substring(5), t.substring(0, 4));
      if (m != null && m.getYear() >= Period.FIRST_YEAR) {
        return m;
      }
    }
    problems.add("statistics.filter.invalid");
    return null;
  }

  private static UUID id(String text, Set<UUID> allowed, List<String> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      if (text.length() <= MAX_PARAM) {
        UUID id = UUID.fromString(text.strip());
        if (allowed.contains(id)) {
          return id;
        }
      }
    } catch (IllegalArgumentException e) {
      // named below
    }
    problems.add("statistics.filter.invalid");
    return null;
  }

  /** The worklist's filter for the same service, village and channel (it has no period). */
  public String worklistQuery(String status) {
    StringBuilder q = new StringBuilder("/admin/permohonan?");
    if (status != null) {
      q.append("status=").append(status).append('&');
    }
    if (serviceId != null) {
      q.append("layanan=").append(serviceId).append('&');
    }
    if (villageId != null) {
      q.append("desa=").append(villageId).append('&');
    }
    if (channel != null) {
      q.append("kanal=").append(channel.toLowerCase(Locale.ROOT)).append('&');
    }
    if (officerId != null) {
      q.append("petugas=").append(officerId).append('&');
    }
    return q.substring(0, q.length() - 1);
  }

  /**
   * This filter's own query string, for the registers' links (the applications register follows the
   * officer too, like the figures).
   */
  public String query() {
    StringBuilder q = new StringBuilder("dari=" + from + "&sampai=" + to);
    if (serviceId != null) {
      q.append("&layanan=").append(serviceId);
    }
    if (villageId != null) {
      q.append("&desa=").append(villageId);
    }
    if (channel != null) {
      q.append("&kanal=").append(channel);
    }
    if (officerId != null) {
      q.append("&petugas=").append(officerId);
    }
    return q.toString();
  }
}
