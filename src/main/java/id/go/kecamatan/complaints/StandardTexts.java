package id.go.kecamatan.complaints;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.web.FieldErrors;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standard texts (teks standar) per category and step: an officer inserts one into an answer or a
 * question and edits it before sending. At most {@value #MAX_PER_STEP} per category and step. The
 * placeholders {@value #PLACEHOLDERS} are filled from the complaint when inserted.
 */
@Service
public class StandardTexts {

  public static final int MAX_PER_STEP = 20;
  public static final String PLACEHOLDERS =
      "{{kode}} {{kategori}} {{kantor}} {{tenggat}} {{pelapor}}";

  /** The steps a text can be for. */
  public static final List<ComplaintStatus> STEPS =
      List.of(
          ComplaintStatus.ANSWERED,
          ComplaintStatus.AWAITING_REPORTER,
          ComplaintStatus.REJECTED,
          ComplaintStatus.NOT_OUR_AUTHORITY,
          ComplaintStatus.CLOSED);

  public record Text(UUID id, UUID categoryId, ComplaintStatus status, String title, String body) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  StandardTexts(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public List<Text> of(UUID officeId, UUID categoryId) {
    return jdbc.sql(
            "select id, category_id, status, title, body from complaint_standard_text where office_id = ? and category_id = ? order by status, position, title")
        .params(officeId, categoryId)
        .query(StandardTexts::text)
        .list();
  }

  public Optional<Text> get(UUID officeId, UUID id) {
    return jdbc.sql(
            "select id, category_id, status, title, body from complaint_standard_text where office_id = ? and id = ?")
        .params(officeId, id)
        .query(StandardTexts::text)
        .optional();
  }

  /**
   * Adds a text to a category of the office; errors on {@code title}, {@code body}, {@code step}.
   */
  @Transactional
  public FieldErrors add(UUID officeId, UUID categoryId, String step, String title, String body) {
    FieldErrors errors = new FieldErrors();
    ComplaintStatus status = Complaints.parse(ComplaintStatus.class, step);
    if (status == null || !STEPS.contains(status)) {
      errors.reject("step", "complaints.texts.error.step");
    }
    String t = FieldErrors.clean(title);
    errors.text("title", t, 120);
    String b = FieldErrors.clean(body);
    errors.text("body", b, FilingForm.MAX_DESCRIPTION);
    if (!errors.any()) {
      long count =
          jdbc.sql(
                  "select count(*) from complaint_standard_text where office_id = ? and category_id = ? and status = ?")
              .params(officeId, categoryId, status.name())
              .query(Long.class)
              .single();
      if (count >= MAX_PER_STEP) {
        errors.reject("title", "complaints.texts.error.tooMany", MAX_PER_STEP);
      }
    }
    if (errors.any()) {
      return errors;
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into complaint_standard_text (id, office_id, category_id, status, title, body) values (?, ?, ?, ?, ?, ?)")
        .params(id, officeId, categoryId, status.name(), t, b)
        .update();
    audit.record(
        officeId,
        "complaint.text.added",
        "complaint_standard_text",
        id,
        Map.of("title", t, "status", status.name()));
    return errors;
  }

  @Transactional
  public boolean remove(UUID officeId, UUID id) {
    int removed =
        jdbc.sql("delete from complaint_standard_text where office_id = ? and id = ?")
            .params(officeId, id)
            .update();
    if (removed > 0) {
      audit.record(officeId, "complaint.text.removed", "complaint_standard_text", id, Map.of());
    }
    return removed > 0;
  }

  /** The text with its placeholders filled from the complaint. */
  public static String fill(String body, ComplaintDetails c) {
    String due =
        c.due() == null
            ? "-"
            : c.due()
                .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id")));
    return body.replace("{{kode}}", c.trackingCode())
        .replace("{{kategori}}", c.categoryName())
        .replace("{{kantor}}", c.officeName())
        .replace("{{tenggat}}", due)
        .replace("{{pelapor}}", c.reporterName() == null ? "Bapak/Ibu" : c.reporterName());
  }

  private static Text text(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Text(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getString(3) == null ? null : ComplaintStatus.valueOf(rs.getString(3)),
        rs.getString(4),
        rs.getString(5));
  }
}
