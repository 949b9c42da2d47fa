package id.go.kecamatan.surveys.internal;

import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.ResponseChannel;
import id.go.kecamatan.surveys.Suggestion;
import id.go.kecamatan.surveys.Tally;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums of responses for the reports, always of named offices: every query filters by office id. No
 * query returns a single response's answers.
 */
@Component
public class ReportQueries {

  private static final String SUMS;

  static {
    StringBuilder sums = new StringBuilder("count(*) respondents");
    for (Element element : Element.values()) {
      sums.append(", coalesce(sum(").append(element.key()).append("), 0) ").append(element.key());
    }
    SUMS = sums.toString();
  }

  private final JdbcClient jdbc;

  ReportQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The tally of the offices' responses from {@code from} to {@code to} (inclusive). */
  public Tally tally(Collection<UUID> offices, UUID serviceId, LocalDate from, LocalDate to) {
    if (offices.isEmpty()) {
      return Tally.EMPTY;
    }
    return jdbc.sql(
            "select "
                + SUMS
                + " from survey_response where office_id = any(?) and answered_on between ? and ?"
                + (serviceId == null ? "" : " and service_id = ?"))
        .params(params(offices, serviceId, from, to))
        .query((rs, n) -> tally(rs))
        .single();
  }

  /**
   * The tallies per month (the first day of each month that has responses) of the offices'
   * responses from {@code from} to {@code to} (inclusive), optionally of one service.
   */
  public Map<LocalDate, Tally> perMonth(
      Collection<UUID> offices, UUID serviceId, LocalDate from, LocalDate to) {
    Map<LocalDate, Tally> tallies = new LinkedHashMap<>();
    if (offices.isEmpty()) {
      return tallies;
    }
    jdbc.sql(
            "select cast(date_trunc('month', answered_on) as date) k, "
                + SUMS
                + " from survey_response where office_id = any(?) and answered_on between ? and ?"
                + (serviceId == null ? "" : " and service_id = ?")
                + " group by 1 order by 1")
        .params(params(offices, serviceId, from, to))
        .query(
            rs -> {
              tallies.put(rs.getObject("k", LocalDate.class), tally(rs));
            });
    return tallies;
  }

  /** The tallies per office. */
  public Map<UUID, Tally> perOffice(Collection<UUID> offices, LocalDate from, LocalDate to) {
    return grouped("office_id", offices, from, to);
  }

  /** The tallies per service named (responses naming none under null). */
  public Map<UUID, Tally> perService(UUID officeId, LocalDate from, LocalDate to) {
    return grouped("service_id", List.of(officeId), from, to);
  }

  /** How many responses gave each value of a profile column (null: not given). */
  public Map<String, Long> profile(
      String column, Collection<UUID> offices, UUID serviceId, LocalDate from, LocalDate to) {
    if (!List.of("sex", "age_band", "education", "occupation", "time_band", "channel")
        .contains(column)) {
      throw new IllegalArgumentException(column);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    if (offices.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            "select "
                + column
                + " v, count(*) n from survey_response where office_id = any(?)"
                + " and answered_on between ? and ?"
                + (serviceId == null ? "" : " and service_id = ?")
                + " group by "
                + column)
        .params(params(offices, serviceId, from, to))
        .query(
            rs -> {
              counts.put(rs.getString("v"), rs.getLong("n"));
            });
    return counts;
  }

  /** Responses per channel. */
  public Map<ResponseChannel, Long> channels(
      Collection<UUID> offices, UUID serviceId, LocalDate from, LocalDate to) {
    Map<ResponseChannel, Long> channels = new EnumMap<>(ResponseChannel.class);
    profile("channel", offices, serviceId, from, to)
        .forEach((k, v) -> channels.put(ResponseChannel.valueOf(k), v));
    return channels;
  }

  /** The office's saran/kritik of the period, newest first. */
  public List<Suggestion> suggestions(UUID officeId, UUID serviceId, LocalDate from, LocalDate to) {
    return suggestions(officeId, serviceId, from, to, false, 200);
  }

  /**
   * The office's saran/kritik of the period, newest first, at most {@code limit}; only the
   * published ones when {@code publishedOnly}.
   */
  public List<Suggestion> suggestions(
      UUID officeId,
      UUID serviceId,
      LocalDate from,
      LocalDate to,
      boolean publishedOnly,
      int limit) {
    List<Object> params = new ArrayList<>(List.of(officeId, from, to));
    if (serviceId != null) {
      params.add(serviceId);
    }
    params.add(limit);
    return jdbc.sql(
            "select id, answered_on, suggestion, suggestion_status from survey_response"
                + " where office_id = ? and answered_on between ? and ? and suggestion is not null"
                + (serviceId == null ? "" : " and service_id = ?")
                + (publishedOnly ? " and suggestion_status = 'PUBLISHED'" : "")
                + " order by answered_on desc, id limit ?")
        .params(params)
        .query(
            (rs, n) ->
                new Suggestion(
                    rs.getObject("id", UUID.class),
                    rs.getObject("answered_on", LocalDate.class),
                    rs.getString("suggestion"),
                    Suggestion.Moderation.valueOf(rs.getString("suggestion_status"))))
        .list();
  }

  /**
   * Sets the decision on a saran/kritik of the office; false when the office has no response with a
   * saran/kritik of that id (another office's included).
   */
  public boolean moderate(UUID officeId, UUID responseId, Suggestion.Moderation moderation) {
    return jdbc.sql(
                "update survey_response set suggestion_status = ? where id = ? and office_id = ?"
                    + " and suggestion is not null")
            .params(moderation.name(), responseId, officeId)
            .update()
        == 1;
  }

  /**
   * How many answers of each score (1 to 4, at index 0 to 3) each element got from the office's
   * responses of the period.
   */
  public Map<Element, long[]> distribution(UUID officeId, LocalDate from, LocalDate to) {
    StringBuilder counts = new StringBuilder("select count(*) n");
    for (Element element : Element.values()) {
      for (int score = Element.MIN_SCORE; score <= Element.MAX_SCORE; score++) {
        counts
            .append(", count(*) filter (where ")
            .append(element.key())
            .append(" = ")
            .append(score)
            .append(") ")
            .append(element.key())
            .append(score);
      }
    }
    return jdbc.sql(
            counts + " from survey_response where office_id = ? and answered_on between ? and ?")
        .params(officeId, from, to)
        .query(
            (rs, n) -> {
              Map<Element, long[]> distribution = new EnumMap<>(Element.class);
              for (Element element : Element.values()) {
                long[] answers = new long[Element.MAX_SCORE];
                for (int score = Element.MIN_SCORE; score <= Element.MAX_SCORE; score++) {
                  answers[score - 1] = rs.getLong(element.key() + score);
                }
                distribution.put(element, answers);
              }
              return distribution;
            })
        .single();
  }

  /** One response as exported: what it says, never who gave it. */
  public record Row(
      LocalDate day,
      String channel,
      String service,
      int[] scores,
      String sex,
      String age,
      String education,
      String occupation,
      String timeBand,
      String suggestion) {}

  /** The office's responses of the period, oldest first, with the service's name. */
  public List<Row> rows(UUID officeId, LocalDate from, LocalDate to) {
    StringBuilder columns = new StringBuilder();
    for (Element element : Element.values()) {
      columns.append(", r.").append(element.key());
    }
    return jdbc.sql(
            "select r.answered_on, r.channel, s.name service"
                + columns
                + ", r.sex, r.age_band, r.education, r.occupation, r.time_band, r.suggestion"
                + " from survey_response r left join service_type s"
                + " on s.id = r.service_id and s.office_id = r.office_id"
                + " where r.office_id = ? and r.answered_on between ? and ?"
                + " order by r.answered_on, r.id")
        .params(officeId, from, to)
        .query(
            (rs, n) -> {
              int[] scores = new int[Element.values().length];
              for (int i = 0; i < scores.length; i++) {
                scores[i] = rs.getInt(Element.values()[i].key());
              }
              return new Row(
                  rs.getObject("answered_on", LocalDate.class),
                  rs.getString("channel"),
                  rs.getString("service"),
                  scores,
                  rs.getString("sex"),
                  rs.getString("age_band"),
                  rs.getString("education"),
                  rs.getString("occupation"),
                  rs.getString("time_band"),
                  rs.getString("suggestion"));
            })
        .list();
  }

  private Map<UUID, Tally> grouped(
      String column, Collection<UUID> offices, LocalDate from, LocalDate to) {
    Map<UUID, Tally> tallies = new LinkedHashMap<>();
    if (offices.isEmpty()) {
      return tallies;
    }
    jdbc.sql(
            "select "
                + column
                + " k, "
                + SUMS
                + " from survey_response where office_id = any(?) and answered_on between ? and ?"
                + " group by "
                + column)
        .params(params(offices, null, from, to))
        .query(
            rs -> {
              tallies.put(rs.getObject("k", UUID.class), tally(rs));
            });
    return tallies;
  }

  private static List<Object> params(
      Collection<UUID> offices, UUID serviceId, LocalDate from, LocalDate to) {
    List<Object> params = new ArrayList<>();
    params.add(offices.toArray(UUID[]::new));
    params.add(from);
    params.add(to);
    if (serviceId != null) {
      params.add(serviceId);
    }
    return params;
  }

  private static Tally tally(ResultSet rs) throws SQLException {
    long respondents = rs.getLong("respondents");
    if (respondents == 0) {
      return Tally.EMPTY;
    }
    Map<Element, Long> sums = new EnumMap<>(Element.class);
    Map<Element, Long> counts = new EnumMap<>(Element.class);
    for (Element element : Element.values()) {
      sums.put(element, rs.getLong(element.key()));
      counts.put(element, respondents);
    }
    return new Tally(respondents, sums, counts);
  }
}
