package id.go.kecamatan.surveys;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.web.FieldErrors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's own survey questions: added and retired by its administrator, shown after the nine
 * elements on every form (invitation, walk-in, counter tablet, paper), answered optionally, and
 * reported apart from the index, which never counts them.
 */
@Service
public class OfficeQuestions {

  public static final int MAX_ACTIVE = 10;
  public static final int MAX_TEXT = 300;
  public static final int MAX_ANSWER = 1000;

  /** Form fields of a new question. */
  public static final String TEXT = "pertanyaan";

  public static final String KIND = "jenis";

  /** The results of one question over a period. */
  public record Result(
      OfficeQuestion question,
      boolean retired,
      long answers,
      Optional<BigDecimal> mean,
      List<String> texts) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  OfficeQuestions(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The office's questions now asked, in their order. */
  public List<OfficeQuestion> active(UUID officeId) {
    return jdbc.sql(
            "select id, kind, text from survey_question where office_id = ?"
                + " and retired_at is null order by position, created_at")
        .param(officeId)
        .query(
            (rs, n) ->
                new OfficeQuestion(
                    rs.getObject("id", UUID.class),
                    OfficeQuestion.Kind.valueOf(rs.getString("kind")),
                    rs.getString("text")))
        .list();
  }

  /** Adds a question at the end; the errors say what is wrong (nothing added then). */
  @Transactional
  public FieldErrors add(UUID officeId, Map<String, String> form) {
    FieldErrors errors = new FieldErrors();
    String text = FieldErrors.clean(form.get(TEXT));
    errors.text(TEXT, text, MAX_TEXT);
    OfficeQuestion.Kind kind = null;
    for (OfficeQuestion.Kind k : OfficeQuestion.Kind.values()) {
      if (k.name().equals(form.get(KIND))) {
        kind = k;
      }
    }
    if (kind == null) {
      errors.reject(KIND, "surveys.questions.error.kind");
    }
    // one change at a time per office, so the limit holds
    jdbc.sql("select id from office where id = ? for update").param(officeId).query().listOfRows();
    if (!errors.any() && active(officeId).size() >= MAX_ACTIVE) {
      errors.reject(TEXT, "surveys.questions.error.tooMany", MAX_ACTIVE);
    }
    if (errors.any()) {
      return errors;
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into survey_question (id, office_id, position, kind, text, created_at)"
                + " values (?, ?, (select coalesce(max(position), 0) + 1 from survey_question"
                + " where office_id = ?), ?, ?, ?)")
        .params(id, officeId, officeId, kind.name(), text, Timestamp.from(clock.instant()))
        .update();
    audit.record(officeId, "survey.question.added", "survey_question", id, Map.of("text", text));
    return errors;
  }

  /** Stops asking a question of the office (its answers stay); false when there is none. */
  @Transactional
  public boolean retire(UUID officeId, UUID questionId) {
    int changed =
        jdbc.sql(
                "update survey_question set retired_at = ? where id = ? and office_id = ?"
                    + " and retired_at is null")
            .params(Timestamp.from(clock.instant()), questionId, officeId)
            .update();
    if (changed == 1) {
      audit.record(officeId, "survey.question.retired", "survey_question", questionId, Map.of());
    }
    return changed == 1;
  }

  /**
   * The answers to the questions in the form: a score 1-4 for a scale question, plain text for a
   * text question; each optional. Wrong ones are named in the errors.
   */
  public static Map<OfficeQuestion, Object> read(
      List<OfficeQuestion> questions, Map<String, String> form, FieldErrors errors) {
    Map<OfficeQuestion, Object> answers = new LinkedHashMap<>();
    for (OfficeQuestion question : questions) {
      String value = form.get(question.field());
      if (value == null || value.isBlank()) {
        continue;
      }
      if (question.kind() == OfficeQuestion.Kind.SCALE) {
        if (!value.trim().matches("[1-4]")) {
          errors.reject(question.field(), "surveys.error.scoreRange");
        } else {
          answers.put(question, Integer.parseInt(value.trim()));
        }
      } else {
        String text = FieldErrors.clean(value);
        FieldErrors own = new FieldErrors().optionalText(question.field(), text, MAX_ANSWER);
        errors.addAll(own);
        if (!own.any() && text != null) {
          answers.put(question, text);
        }
      }
    }
    return answers;
  }

  /** Stores a response's answers to the office's questions (the response's transaction). */
  void store(UUID responseId, Map<OfficeQuestion, Object> answers) {
    answers.forEach(
        (question, answer) ->
            jdbc.sql(
                    "insert into survey_question_answer (response_id, question_id, score, text)"
                        + " values (?, ?, ?, ?)")
                .params(
                    responseId,
                    question.id(),
                    answer instanceof Integer score ? score.shortValue() : null,
                    answer instanceof String text ? text : null)
                .update());
  }

  /**
   * The office's questions answered in the period or asked now, with the number of answers, the
   * mean score (scale questions, two decimals half up) and the latest texts (text questions, at
   * most {@code texts}).
   */
  public List<Result> results(UUID officeId, LocalDate from, LocalDate to, int texts) {
    List<Result> results = new ArrayList<>();
    jdbc.sql(
            """
            select q.id, q.kind, q.text, q.retired_at is not null retired,
              count(a.response_id) answers, sum(a.score) total
            from survey_question q
            left join survey_question_answer a on a.question_id = q.id and a.response_id in
              (select id from survey_response where office_id = ? and answered_on between ? and ?)
            where q.office_id = ?
            group by q.id, q.kind, q.text, q.retired_at, q.position, q.created_at
            having q.retired_at is null or count(a.response_id) > 0
            order by q.position, q.created_at
            """)
        .params(officeId, from, to, officeId)
        .query(
            rs -> {
              OfficeQuestion question =
                  new OfficeQuestion(
                      rs.getObject("id", UUID.class),
                      OfficeQuestion.Kind.valueOf(rs.getString("kind")),
                      rs.getString("text"));
              long answers = rs.getLong("answers");
              long total = rs.getLong("total");
              Optional<BigDecimal> mean =
                  question.kind() == OfficeQuestion.Kind.SCALE && answers > 0
                      ? Optional.of(
                          BigDecimal.valueOf(total)
                              .divide(BigDecimal.valueOf(answers), 2, RoundingMode.HALF_UP))
                      : Optional.empty();
              results.add(new Result(question, rs.getBoolean("retired"), answers, mean, List.of()));
            });
    List<Result> withTexts = new ArrayList<>();
    for (Result result : results) {
      if (result.question().kind() == OfficeQuestion.Kind.TEXT && result.answers() > 0) {
        List<String> latest =
            jdbc.sql(
                    "select a.text from survey_question_answer a join survey_response r"
                        + " on r.id = a.response_id where a.question_id = ? and r.office_id = ?"
                        + " and r.answered_on between ? and ? order by r.answered_on desc, r.id"
                        + " limit ?")
                .params(result.question().id(), officeId, from, to, texts)
                .query(String.class)
                .list();
        withTexts.add(
            new Result(
                result.question(), result.retired(), result.answers(), result.mean(), latest));
      } else {
        withTexts.add(result);
      }
    }
    return withTexts;
  }
}
