package id.go.kecamatan.casework;

import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The worklist (daftar kerja) of an office: its applications filtered and ordered by deadline, then
 * id, in pages of {@link #PAGE_SIZE} read by keyset (the last row's deadline and id), so a deep
 * page costs as much as the first. A read model over the {@code application} table (ADR 0008): it
 * never writes there. Every query filters by the officer's office; a village operator sees only the
 * applications of residents of their own village.
 *
 * <p>The names shown (service, village, officer) and the first check are looked up per row of the
 * page, not joined: a join lets the planner hash the whole {@code village} and {@code service_type}
 * tables of every office before it sorts, a lookup costs the page's rows only (ADR 0035). Every
 * application has its service and village (foreign keys), so the rows are the same.
 *
 * <p>Most filters walk an index in the page's order and stop after a page. Two cannot: an officer's
 * applications start from their assignments, a name search from the names starting with the text,
 * and every candidate has to be sorted by deadline. Those two choose the page's keys first from
 * indexes alone (V128's covering indexes, an index-only scan) and read only the page's rows from
 * the table, not every candidate's (ADR 0035, second round).
 */
@Service
public class Worklist {

  public static final int PAGE_SIZE = 25;

  /** The longest search text taken; longer input is cut. */
  public static final int MAX_SEARCH = 100;

  /** Which officer works on an application. */
  public enum Assignee {
    ANY,
    MINE,
    UNASSIGNED,
    /** a given officer ({@link Filter#assigneeId()}) */
    OFFICER
  }

  /** Due filter: overdue (deadline passed, clock running) or due today. */
  public enum Due {
    ANY,
    OVERDUE,
    TODAY
  }

  /**
   * What the worklist shows.
   *
   * @param status one status, or {@code null} for every open one (submitted, in review, waiting for
   *     completion)
   * @param awaitingSecondCheck only applications in review whose first check passed (menunggu
   *     pemeriksaan kedua)
   * @param search a tracking code, a NIK (exact) or the start of a name (case-insensitive)
   * @param after the keyset of the page: the deadline and id of the previous page's last row
   */
  public record Filter(
      ApplicationStatus status,
      UUID serviceId,
      UUID villageId,
      Channel channel,
      Assignee assignee,
      UUID assigneeId,
      Due due,
      boolean awaitingSecondCheck,
      String search,
      LocalDate afterDeadline,
      UUID afterId) {

    public Filter {
      assignee = assignee == null ? Assignee.ANY : assignee;
      due = due == null ? Due.ANY : due;
      if (assignee == Assignee.OFFICER && assigneeId == null) {
        assignee = Assignee.ANY;
      }
      if (search != null) {
        search = search.strip();
        if (search.isEmpty()) {
          search = null;
        } else if (search.length() > MAX_SEARCH) {
          search = search.substring(0, MAX_SEARCH);
        }
      }
      if (afterDeadline == null || afterId == null) {
        afterDeadline = null;
        afterId = null;
      }
    }

    public static Filter open() {
      return new Filter(null, null, null, null, null, null, null, false, null, null, null);
    }
  }

  /** One row of the worklist. */
  public record Row(
      UUID id,
      String trackingCode,
      String name,
      String nik,
      String serviceName,
      String villageName,
      ApplicationStatus status,
      Channel channel,
      LocalDate deadline,
      String assigneeName,
      boolean firstChecked) {

    /** In review with its first check passed: it waits for the second check. */
    public boolean awaitingSecondCheck() {
      return firstChecked && status == ApplicationStatus.IN_REVIEW;
    }

    /** The NIK with all but its last 4 digits hidden. */
    public String maskedNik() {
      return nik == null || nik.length() < 4
          ? ""
          : "•".repeat(12) + nik.substring(nik.length() - 4);
    }

    /** The clock runs (not paused, not finished) and the deadline passed. */
    public boolean overdue(LocalDate today) {
      return running() && deadline.isBefore(today);
    }

    public boolean dueToday(LocalDate today) {
      return running() && deadline.isEqual(today);
    }

    /** Due within the next working days up to {@code soon}, not today. */
    public boolean dueSoon(LocalDate today, LocalDate soon) {
      return running() && deadline.isAfter(today) && !deadline.isAfter(soon);
    }

    private boolean running() {
      return status == ApplicationStatus.SUBMITTED || status == ApplicationStatus.IN_REVIEW;
    }
  }

  /** A page of rows; {@code hasNext} when more follow the last row. */
  public record Result(List<Row> rows, boolean hasNext) {}

  private static final String OPEN = "('SUBMITTED', 'IN_REVIEW', 'NEEDS_COMPLETION')";

  private final JdbcClient jdbc;

  /** For the benchmark: sees each query and its parameters before it runs. */
  java.util.function.BiConsumer<String, List<Object[]>> explain;

  public Worklist(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The page of the worklist the officer may see, with this filter, on this day. */
  public Result find(Officer officer, Filter filter, LocalDate today) {
    UUID village = filter.villageId();
    if (officer.has(Role.VILLAGE_OPERATOR) && !seesWholeOffice(officer)) {
      if (officer.villageId() == null
          || (village != null && !village.equals(officer.villageId()))) {
        return new Result(List.of(), false);
      }
      village = officer.villageId();
    }
    return find(officer.officeId(), officer.staffId(), filter, village, today);
  }

  /** Whether an officer sees every application of the office, not only one village's. */
  public static boolean seesWholeOffice(Officer officer) {
    return officer.has(Role.OFFICE_ADMIN)
        || officer.has(Role.VERIFIER)
        || officer.has(Role.SIGNER)
        || officer.has(Role.FRONT_OFFICE);
  }

  /** The columns of a row; the names and the first check looked up per row (ADR 0035). */
  private static final String COLUMNS =
      """
      select a.id, a.tracking_code, a.name, a.nik,
             (select s.name from service_type s where s.id = a.service_id) as service_name,
             (select v.name from village v where v.id = a.village_id) as village_name,
             a.status, a.channel, a.deadline,
             (select st.full_name from staff st where st.id = ca.staff_id) as full_name,
             exists (select 1 from casework_first_check fc where fc.application_id = a.id)
               as first_checked
      """;

  private static final String FROM =
      """
      from application a
      left join casework_assignment ca on ca.application_id = a.id
      """;

  /** The query itself, for an office; {@code village} already narrowed to the officer's scope. */
  public Result find(UUID officeId, UUID staffId, Filter filter, UUID village, LocalDate today) {
    StringBuilder sql = new StringBuilder(FROM).append("where a.office_id = :office\n");
    JdbcClient.StatementSpec[] spec = new JdbcClient.StatementSpec[1];
    List<Object[]> params = new ArrayList<>();
    params.add(new Object[] {"office", officeId});
    // with a search and no status chosen, finished applications are found too
    if (filter.status() != null) {
      sql.append(" and a.status = :status");
      params.add(new Object[] {"status", filter.status().name()});
    } else if (filter.search() == null) {
      sql.append(" and a.status in ").append(OPEN);
    }
    if (filter.serviceId() != null) {
      sql.append(" and a.service_id = :service");
      params.add(new Object[] {"service", filter.serviceId()});
    }
    if (village != null) {
      sql.append(" and a.village_id = :village");
      params.add(new Object[] {"village", village});
    }
    if (filter.channel() != null) {
      sql.append(" and a.channel = :channel");
      params.add(new Object[] {"channel", filter.channel().name()});
    }
    // the officer's applications by their ids, looked up one by one in the index of the office's
    // applications by id: a join would read all of the office's open applications to merge them,
    // and from the table those whose page changed since the last vacuum (ADR 0035, second round)
    String officers =
        " and a.id = any (array(select mine.application_id from casework_assignment mine"
            + " where mine.office_id = :office and mine.staff_id = :staff))";
    switch (filter.assignee()) {
      case MINE -> {
        sql.append(officers);
        params.add(new Object[] {"staff", staffId});
      }
      case OFFICER -> {
        sql.append(officers);
        params.add(new Object[] {"staff", filter.assigneeId()});
      }
      case UNASSIGNED -> sql.append(" and ca.application_id is null");
      case ANY -> {}
    }
    switch (filter.due()) {
      case OVERDUE -> {
        sql.append(" and a.deadline < :today and a.status in ('SUBMITTED', 'IN_REVIEW')");
        params.add(new Object[] {"today", today});
      }
      case TODAY -> {
        sql.append(" and a.deadline = :today and a.status in ('SUBMITTED', 'IN_REVIEW')");
        params.add(new Object[] {"today", today});
      }
      case ANY -> {}
    }
    if (filter.awaitingSecondCheck()) {
      sql.append(
          " and a.status = 'IN_REVIEW' and exists (select 1 from casework_first_check fc"
              + " where fc.application_id = a.id)");
    }
    boolean byName = filter.search() != null && appendSearch(sql, params, filter.search());
    if (filter.afterDeadline() != null) {
      sql.append(" and (a.deadline, a.id) > (:afterDeadline, :afterId)");
      params.add(new Object[] {"afterDeadline", filter.afterDeadline()});
      params.add(new Object[] {"afterId", filter.afterId()});
    }
    sql.append(" order by a.deadline, a.id limit :limit");
    params.add(new Object[] {"limit", PAGE_SIZE + 1});
    boolean keysFirst =
        byName || filter.assignee() == Assignee.MINE || filter.assignee() == Assignee.OFFICER;
    if (keysFirst) {
      // the candidates are not read in the page's order (the officer's assignments, the names
      // starting with the text): choose the page's keys from indexes alone, sort them, and read
      // only the page's rows from the table (ADR 0035, second round)
      sql.insert(0, "from (select a.id, a.deadline\n")
          .append(
              """
              ) page
              join application a on a.id = page.id and a.office_id = :office
              left join casework_assignment ca on ca.application_id = a.id
              order by a.deadline, a.id
              """);
    }
    sql.insert(0, COLUMNS);
    if (explain != null) {
      explain.accept(sql.toString(), params);
    }
    spec[0] = jdbc.sql(sql.toString());
    for (Object[] p : params) {
      spec[0] = spec[0].param((String) p[0], p[1]);
    }
    List<Row> rows =
        spec[0]
            .query(
                (rs, i) ->
                    new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        ApplicationStatus.valueOf(rs.getString(7)),
                        Channel.valueOf(rs.getString(8)),
                        rs.getObject(9, LocalDate.class),
                        rs.getString(10),
                        rs.getBoolean(11)))
            .list();
    boolean more = rows.size() > PAGE_SIZE;
    return new Result(more ? rows.subList(0, PAGE_SIZE) : rows, more);
  }

  /**
   * A tracking code matches exactly, sixteen digits match a NIK exactly, anything else is the start
   * of a name (LIKE wildcards in the input are taken literally).
   *
   * @return whether the search is by name (it may match many rows, read in the name's order)
   */
  private static boolean appendSearch(StringBuilder sql, List<Object[]> params, String search) {
    Optional<TrackingCode> code = TrackingCode.parse(search);
    String digits = IdentityNumbers.normalise(search);
    if (code.isPresent()) {
      sql.append(" and a.tracking_code = :code");
      params.add(new Object[] {"code", code.get().value()});
      return false;
    } else if (digits != null && digits.matches("\\d{16}")) {
      sql.append(" and a.nik = :nik");
      params.add(new Object[] {"nik", digits});
      return false;
    } else {
      String escaped =
          search
              .toLowerCase(Locale.ROOT)
              .replace("\\", "\\\\")
              .replace("%", "\\%")
              .replace("_", "\\_");
      sql.append(" and lower(a.name) like :name");
      params.add(new Object[] {"name", escaped + "%"});
      return true;
    }
  }
}
