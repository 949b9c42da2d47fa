package id.go.kecamatan.statistics.internal;

import id.go.kecamatan.audit.AuditTrail;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registers of an office as XLSX, written row by row as PostgreSQL hands them over (a cursor of
 * {@value #FETCH} rows, the sheet flushed every {@value #FETCH} rows; the texts unique to a row,
 * such as tracking codes, written inline rather than into the shared strings table, which would
 * grow with the rows until the end), so a year of a large office never sits in memory: the register
 * of outgoing letters (surat keluar) and of applications with their dates. Only the statistics' own
 * tables are read.
 */
@Component
public class Registers {

  static final int FETCH = 1_000;

  private final JdbcTemplate jdbc;
  private final AuditTrail audit;
  private final ZoneId zone;

  Registers(DataSource dataSource, AuditTrail audit, java.time.Clock clock) {
    this.zone = clock.getZone();
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH);
    this.audit = audit;
  }

  /** The headings of each register, as message keys. */
  public static final List<String> LETTER_COLUMNS =
      List.of(
          "statistics.register.col.number",
          "statistics.register.col.date",
          "statistics.register.col.service",
          "statistics.register.col.applicant",
          "statistics.register.col.signer",
          "statistics.register.col.revoked");

  public static final List<String> APPLICATION_COLUMNS =
      List.of(
          "statistics.register.col.tracking",
          "statistics.register.col.service",
          "statistics.register.col.channel",
          "statistics.register.col.village",
          "statistics.register.col.submitted",
          "statistics.register.col.deadline",
          "statistics.register.col.status",
          "statistics.register.col.completions",
          "statistics.register.col.finished",
          "statistics.register.col.outcome",
          "statistics.register.col.days",
          "statistics.register.col.onTime");

  public static final List<String> AUDIT_COLUMNS =
      List.of(
          "statistics.register.col.at",
          "statistics.register.col.actor",
          "statistics.register.col.action",
          "statistics.register.col.entity",
          "statistics.register.col.entityId",
          "statistics.register.col.details");

  /**
   * Writes the office's audit trail of the period (the audit module's events, oldest first) as the
   * audit module streams them, the sheet flushed every {@value #FETCH} rows; the actions named by
   * {@code actionLabel} and the system by {@code systemActor}, in the reader's language.
   *
   * @return the number of events written
   */
  public int auditTrail(
      UUID officeId,
      YearMonth from,
      YearMonth to,
      List<String> headings,
      Function<String, String> actionLabel,
      String systemActor,
      OutputStream out) {
    try {
      Workbook wb = new Workbook(out, "Layanan Kecamatan", "1.0");
      Worksheet ws = wb.newWorksheet("Jejak audit");
      heading(ws, headings);
      int[] row = {1};
      audit.forEach(
          officeId,
          start(from).toInstant(),
          start(to.plusMonths(1)).toInstant(),
          e -> {
            int r = row[0]++;
            ws.value(r, 0, e.occurredAt().atZone(zone).toLocalDateTime());
            ws.style(r, 0).format("dd/mm/yyyy hh:mm:ss").set();
            ws.value(r, 1, AuditTrail.SYSTEM.equals(e.actorName()) ? systemActor : e.actorName());
            ws.value(r, 2, actionLabel.apply(e.action()));
            ws.value(r, 3, e.entityType());
            inline(ws, r, 4, e.entityId());
            inline(ws, r, 5, cut(e.details()));
            if (r % FETCH == 0) {
              try {
                ws.flush();
              } catch (IOException x) {
                throw new UncheckedIOException(x);
              }
            }
          });
      wb.finish();
      return row[0] - 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text unique to its row, written inline (not kept in the shared strings until the end). */
  private static void inline(Worksheet ws, int r, int c, String text) {
    if (text != null && !text.isEmpty()) {
      ws.inlineString(r, c, text);
    }
  }

  /** A cell holds at most 32,767 characters. */
  private static String cut(String text) {
    return text == null || text.length() <= 32_000 ? text : text.substring(0, 32_000) + "…";
  }

  private static void heading(Worksheet ws, List<String> headings) {
    for (int c = 0; c < headings.size(); c++) {
      ws.value(0, c, headings.get(c));
      ws.style(0, c).bold().set();
    }
  }

  /**
   * Writes the letters signed in the period.
   *
   * @param headings the columns' headings in the reader's language
   */
  @Transactional(readOnly = true)
  public int letters(
      UUID officeId, YearMonth from, YearMonth to, List<String> headings, OutputStream out) {
    return write(
        out,
        "Surat keluar",
        headings,
        """
        select number, signed_at, service_name, applicant_masked, signer_name, revoked_at
        from stat_letter
        where office_id = ? and signed_at >= ? and signed_at < ?
        order by signed_at, number
        """,
        new Object[] {officeId, start(from), start(to.plusMonths(1))},
        (ws, r, rs) -> {
          inline(ws, r, 0, rs.getString(1));
          ws.value(r, 1, day(rs.getTimestamp(2)));
          ws.style(r, 1).format("dd/mm/yyyy").set();
          ws.value(r, 2, rs.getString(3));
          inline(ws, r, 3, rs.getString(4));
          ws.value(r, 4, rs.getString(5));
          if (rs.getTimestamp(6) != null) {
            ws.value(r, 5, day(rs.getTimestamp(6)));
            ws.style(r, 5).format("dd/mm/yyyy").set();
          }
        });
  }

  /**
   * Writes the applications submitted in the period, narrowed like the dashboard.
   *
   * @param serviceNames service id to name; villageNames village id to name; texts the words for
   *     channels, statuses and yes/no by their names
   */
  @Transactional(readOnly = true)
  public int applications(
      UUID officeId,
      YearMonth from,
      YearMonth to,
      UUID serviceId,
      UUID villageId,
      String channel,
      UUID assigneeId,
      List<String> headings,
      Map<UUID, String> serviceNames,
      Map<UUID, String> villageNames,
      Map<String, String> texts,
      OutputStream out) {
    return write(
        out,
        "Permohonan",
        headings,
        """
        select tracking_code, service_id, channel, village_id, submitted_at, deadline, status,
               completion_requests, finished_at, outcome, working_days, met_deadline
        from stat_application
        where office_id = ? and submitted_at >= ? and submitted_at < ?
          and (cast(? as uuid) is null or service_id = ?)
          and (cast(? as uuid) is null or village_id = ?)
          and (cast(? as text) is null or channel = ?)
          and (cast(? as uuid) is null or assignee_id = ?)
        order by submitted_at, tracking_code
        """,
        new Object[] {
          officeId,
          start(from),
          start(to.plusMonths(1)),
          serviceId,
          serviceId,
          villageId,
          villageId,
          channel,
          channel,
          assigneeId,
          assigneeId
        },
        (ws, r, rs) -> {
          inline(ws, r, 0, rs.getString(1));
          ws.value(r, 1, serviceNames.getOrDefault(rs.getObject(2, UUID.class), ""));
          ws.value(r, 2, texts.getOrDefault(rs.getString(3), rs.getString(3)));
          UUID village = rs.getObject(4, UUID.class);
          ws.value(r, 3, village == null ? "" : villageNames.getOrDefault(village, ""));
          ws.value(r, 4, day(rs.getTimestamp(5)));
          ws.style(r, 4).format("dd/mm/yyyy").set();
          ws.value(r, 5, rs.getObject(6, LocalDate.class));
          ws.style(r, 5).format("dd/mm/yyyy").set();
          ws.value(r, 6, texts.getOrDefault(rs.getString(7), rs.getString(7)));
          ws.value(r, 7, rs.getInt(8));
          if (rs.getTimestamp(9) != null) {
            ws.value(r, 8, day(rs.getTimestamp(9)));
            ws.style(r, 8).format("dd/mm/yyyy").set();
            ws.value(r, 9, texts.getOrDefault(rs.getString(10), rs.getString(10)));
            ws.value(r, 10, rs.getInt(11));
            ws.value(r, 11, texts.get(rs.getBoolean(12) ? "yes" : "no"));
          }
        });
  }

  @FunctionalInterface
  interface RowWriter {
    void write(Worksheet ws, int row, ResultSet rs) throws SQLException;
  }

  private int write(
      OutputStream out,
      String sheet,
      List<String> headings,
      String sql,
      Object[] args,
      RowWriter writer) {
    try {
      Workbook wb = new Workbook(out, "Layanan Kecamatan", "1.0");
      Worksheet ws = wb.newWorksheet(sheet);
      heading(ws, headings);
      int[] row = {1};
      jdbc.query(
          sql,
          (RowCallbackHandler)
              rs -> {
                writer.write(ws, row[0], rs);
                if (row[0]++ % FETCH == 0) {
                  try {
                    ws.flush();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }
              },
          args);
      wb.finish();
      return row[0] - 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Timestamp start(YearMonth month) {
    return Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
  }

  private LocalDate day(Timestamp at) {
    return at.toInstant().atZone(zone).toLocalDate();
  }
}
