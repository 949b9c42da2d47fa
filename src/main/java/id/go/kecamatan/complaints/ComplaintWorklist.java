package id.go.kecamatan.complaints;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The complaints worklist (daftar pengaduan) of an office, like the applications' {@code
 * casework.Worklist}: filtered by status, category, village, officer and overdue, searched by
 * tracking code or words of the text, nearest deadline first (complaints without a running clock
 * last), in pages of {@value #PAGE_SIZE} read by keyset (the last row's deadline and id). Every
 * query filters by the officer's office; a village operator sees only their village's complaints.
 */
@Service
public class ComplaintWorklist {

  public static final int PAGE_SIZE = 25;
  public static final int MAX_SEARCH = 100;

  /** Whose complaints. */
  public enum Assignee {
    ANY,
    MINE,
    UNASSIGNED,
    OFFICER
  }

  /**
   * What the worklist shows.
   *
   * @param status one status, or null for every open one
   * @param afterDue the keyset: the previous page's last deadline (null for a row without one)
   * @param afterId the keyset: the previous page's last id (null for the first page)
   */
  public record Filter(
      ComplaintStatus status,
      UUID categoryId,
      UUID villageId,
      Assignee assignee,
      UUID assigneeId,
      boolean overdue,
      String search,
      LocalDate afterDue,
      UUID afterId) {

    public Filter {
      assignee = assignee == null ? Assignee.ANY : assignee;
      if (assignee == Assignee.OFFICER && assigneeId == null) {
        assignee = Assignee.ANY;
      }
      if (search != null) {
        search = search.strip();
        search =
            search.isEmpty() ? null : search.substring(0, Math.min(MAX_SEARCH, search.length()));
      }
    }

    public static Filter open() {
      return new Filter(null, null, null, null, null, false, null, null, null);
    }
  }

  /** One row. */
  public record Row(
      UUID id,
      String trackingCode,
      Kind kind,
      String categoryName,
      String villageName,
      String summary,
      ComplaintStatus status,
      LocalDate due,
      String assigneeName,
      Channel channel) {

    public boolean overdue(LocalDate today) {
      return due != null && due.isBefore(today);
    }

    public boolean dueSoon(LocalDate today, LocalDate soon) {
      return due != null && !due.isBefore(today) && !due.isAfter(soon);
    }
  }

  public record Result(List<Row> rows, boolean hasNext) {}

  private static final String OPEN =
      ComplaintStatus.open().stream()
          .map(s -> "'" + s.name() + "'")
          .collect(Collectors.joining(", ", "(", ")"));

  private final JdbcClient jdbc;

  /** For the benchmark: sees each query and its parameters before it runs. */
  BiConsumer<String, List<Object[]>> explain;

  ComplaintWorklist(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An overdue complaint, for the Camat's and Sekcam's daily message. */
  public record Overdue(String trackingCode, String categoryName, LocalDate due) {}

  /** The office's overdue complaints (clock running, deadline passed), oldest deadline first. */
  public record OverdueList(List<Overdue> first, long total) {}

  public OverdueList overdue(UUID officeId, LocalDate today, int limit) {
    record Line(Overdue overdue, long total) {}
    List<Line> lines =
        jdbc.sql(
                """
                select c.tracking_code, cat.name, c.due, count(*) over ()
                from complaint c join complaint_category cat on cat.id = c.category_id
                where c.office_id = ? and c.due < ?
                order by c.due, c.id limit ?
                """)
            .params(officeId, today, limit)
            .query(
                (rs, i) ->
                    new Line(
                        new Overdue(
                            rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)),
                        rs.getLong(4)))
            .list();
    return new OverdueList(
        lines.stream().map(Line::overdue).toList(), lines.isEmpty() ? 0 : lines.get(0).total());
  }

  /**
   * Whether the officer sees every complaint of the office; the others (a village operator) see
   * those of their own village only, in the worklist and on the case page alike.
   */
  public static boolean seesWholeOffice(Officer officer) {
    return officer.has(Role.OFFICE_ADMIN)
        || officer.has(Role.VERIFIER)
        || officer.has(Role.SIGNER)
        || officer.has(Role.FRONT_OFFICE);
  }

  /** The page the officer may see. */
  public Result find(Officer officer, Filter filter, LocalDate today) {
    UUID village = filter.villageId();
    if (!seesWholeOffice(officer)) {
      if (officer.villageId() == null
          || (village != null && !village.equals(officer.villageId()))) {
        return new Result(List.of(), false);
      }
      village = officer.villageId();
    }
    return find(officer.officeId(), officer.staffId(), filter, village, today);
  }

  /** The query itself, for an office, the village already narrowed to the officer's scope. */
  public Result find(UUID officeId, UUID staffId, Filter filter, UUID village, LocalDate today) {
    StringBuilder sql =
        new StringBuilder(
            """
            select c.id, c.tracking_code, c.kind, cat.name, v.name, left(c.description, 140),
                   c.status, c.due, st.full_name, c.channel
            from complaint c
              join complaint_category cat on cat.id = c.category_id
              left join village v on v.id = c.village_id
              left join staff st on st.id = c.assignee_id
            where c.office_id = :office
            """);
    List<Object[]> params = new ArrayList<>();
    params.add(new Object[] {"office", officeId});
    Optional<TrackingCode> code =
        filter.search() == null ? Optional.empty() : TrackingCode.parse(filter.search());
    if (filter.status() != null) {
      sql.append(" and c.status = :status");
      params.add(new Object[] {"status", filter.status().name()});
    } else if (code.isEmpty()) {
      sql.append(" and c.status in ").append(OPEN);
    }
    if (filter.categoryId() != null) {
      // the category and its subcategories, resolved first so the index on category serves
      sql.append(
          " and c.category_id in (select k.id from complaint_category k where k.office_id = :office"
              + " and (k.id = :category or k.parent_id = :category))");
      params.add(new Object[] {"category", filter.categoryId()});
    }
    if (village != null) {
      sql.append(" and c.village_id = :village");
      params.add(new Object[] {"village", village});
    }
    switch (filter.assignee()) {
      case MINE -> {
        sql.append(" and c.assignee_id = :staff");
        params.add(new Object[] {"staff", staffId});
      }
      case OFFICER -> {
        sql.append(" and c.assignee_id = :staff");
        params.add(new Object[] {"staff", filter.assigneeId()});
      }
      case UNASSIGNED -> sql.append(" and c.assignee_id is null");
      case ANY -> {}
    }
    if (filter.overdue()) {
      sql.append(" and c.due < :today");
      params.add(new Object[] {"today", today});
    }
    if (code.isPresent()) {
      sql.append(" and c.tracking_code = :code");
      params.add(new Object[] {"code", code.get().value()});
    } else if (filter.search() != null) {
      sql.append(" and to_tsvector('simple', c.description) @@ plainto_tsquery('simple', :words)");
      params.add(new Object[] {"words", filter.search()});
    }
    if (filter.afterId() != null) {
      if (filter.afterDue() != null) {
        sql.append(" and ((c.due, c.id) > (:afterDue, :afterId) or c.due is null)");
        params.add(new Object[] {"afterDue", filter.afterDue()});
      } else {
        sql.append(" and c.due is null and c.id > :afterId");
      }
      params.add(new Object[] {"afterId", filter.afterId()});
    }
    sql.append(" order by c.due nulls last, c.id limit :limit");
    params.add(new Object[] {"limit", PAGE_SIZE + 1});
    if (explain != null) {
      explain.accept(sql.toString(), params);
    }
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
    for (Object[] p : params) {
      spec = spec.param((String) p[0], p[1]);
    }
    List<Row> rows =
        spec.query(
                (rs, i) ->
                    new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        Kind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        ComplaintStatus.valueOf(rs.getString(7)),
                        rs.getObject(8, LocalDate.class),
                        rs.getString(9),
                        Channel.valueOf(rs.getString(10))))
            .list();
    boolean more = rows.size() > PAGE_SIZE;
    return new Result(more ? rows.subList(0, PAGE_SIZE) : rows, more);
  }
}
