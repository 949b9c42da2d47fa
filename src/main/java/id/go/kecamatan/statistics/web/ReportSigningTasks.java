package id.go.kecamatan.statistics.web;

import id.go.kecamatan.letters.SigningTasks;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The office's monthly reports waiting for the signature, listed in the signing queue. */
@Component
class ReportSigningTasks implements SigningTasks {

  private final JdbcClient jdbc;

  ReportSigningTasks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Task> waiting(UUID officeId) {
    return jdbc.sql(
            "select month, version from stat_report where office_id = ? and awaiting_signature"
                + " order by month, version limit 24")
        .param(officeId)
        .query(
            (rs, i) ->
                new Task(
                    "statistics.report.sign.task",
                    List.of(
                        YearMonth.from(rs.getObject(1, LocalDate.class)).toString(), rs.getInt(2)),
                    ReportController.BASE))
        .list();
  }
}
