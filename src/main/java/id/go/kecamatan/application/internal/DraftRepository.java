package id.go.kecamatan.application.internal;

import id.go.kecamatan.application.ApplicantForm;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.AssistingOfficer;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.Draft;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores drafts with JdbcClient. A draft is found by its unguessable id or its resume code; its
 * files and changes always name its office as well.
 */
@Repository
public class DraftRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {};

  private static final String COLUMNS =
      """
      id, office_id, service_id, resume_code, identity::text as identity, answers::text as answers,
      application_id, updated_at, expires_at, channel, assisting_staff_id, assisting_officer, campaign
      """;

  private final JdbcClient jdbc;

  DraftRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Draft draft, Instant createdAt) {
    jdbc.sql(
            """
            insert into application_draft
              (id, office_id, service_id, resume_code, created_at, updated_at, expires_at,
               channel, assisting_staff_id, assisting_officer, campaign)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            draft.id(),
            draft.officeId(),
            draft.serviceId(),
            draft.resumeCode(),
            Timestamp.from(createdAt),
            Timestamp.from(draft.updatedAt()),
            Timestamp.from(draft.expiresAt()),
            draft.channel().name(),
            draft.assistedBy() == null ? null : draft.assistedBy().staffId(),
            draft.assistedBy() == null ? null : draft.assistedBy().name(),
            draft.campaign())
        .update();
  }

  public Optional<Draft> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from application_draft where id = ?")
        .param(id)
        .query(this::draft)
        .optional()
        .map(this::withFiles);
  }

  /** The draft, its row locked until the transaction ends: one submission at a time. */
  public Optional<Draft> findForUpdate(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from application_draft where id = ? for update")
        .param(id)
        .query(this::draft)
        .optional()
        .map(this::withFiles);
  }

  public Optional<Draft> findByResumeCode(String code) {
    return jdbc.sql("select " + COLUMNS + " from application_draft where resume_code = ?")
        .param(code)
        .query(this::draft)
        .optional()
        .map(this::withFiles);
  }

  public boolean resumeCodeTaken(String code) {
    return jdbc.sql("select count(*) from application_draft where resume_code = ?")
            .param(code)
            .query(Integer.class)
            .single()
        > 0;
  }

  public void saveIdentity(Draft draft, ApplicantForm identity, Instant at, Instant expiresAt) {
    jdbc.sql(
            """
            update application_draft set identity = cast(? as jsonb), updated_at = ?, expires_at = ?
            where office_id = ? and id = ?
            """)
        .params(
            JSON.writeValueAsString(identity),
            Timestamp.from(at),
            Timestamp.from(expiresAt),
            draft.officeId(),
            draft.id())
        .update();
  }

  public void saveAnswers(
      Draft draft, Map<String, List<String>> answers, Instant at, Instant expiresAt) {
    jdbc.sql(
            """
            update application_draft set answers = cast(? as jsonb), updated_at = ?, expires_at = ?
            where office_id = ? and id = ?
            """)
        .params(
            JSON.writeValueAsString(answers),
            Timestamp.from(at),
            Timestamp.from(expiresAt),
            draft.officeId(),
            draft.id())
        .update();
  }

  public void touch(Draft draft, Instant at, Instant expiresAt) {
    jdbc.sql(
            "update application_draft set updated_at = ?, expires_at = ? where office_id = ? and id = ?")
        .params(Timestamp.from(at), Timestamp.from(expiresAt), draft.officeId(), draft.id())
        .update();
  }

  public void addFile(Draft draft, UUID requirementId, UUID documentId, int position) {
    jdbc.sql(
            """
            insert into application_draft_file
              (office_id, draft_id, requirement_id, document_id, position)
            values (?, ?, ?, ?, ?)
            """)
        .params(draft.officeId(), draft.id(), requirementId, documentId, position)
        .update();
  }

  public boolean removeFile(Draft draft, UUID documentId) {
    return jdbc.sql(
                "delete from application_draft_file where office_id = ? and draft_id = ? and document_id = ?")
            .params(draft.officeId(), draft.id(), documentId)
            .update()
        == 1;
  }

  /** Notes the queue ticket an assisted draft was started from at the counter. */
  public void setVisit(Draft draft, id.go.kecamatan.application.CounterVisit visit) {
    jdbc.sql(
            """
            update application_draft set visit_ticket_id = ?, visit_label = ?
            where office_id = ? and id = ?
            """)
        .params(visit.ticketId(), visit.label(), draft.officeId(), draft.id())
        .update();
  }

  /** The queue ticket the draft was started from, if any. */
  public Optional<id.go.kecamatan.application.CounterVisit> visit(Draft draft) {
    return jdbc.sql(
            """
            select visit_ticket_id, visit_label from application_draft
            where office_id = ? and id = ? and visit_ticket_id is not null
            """)
        .params(draft.officeId(), draft.id())
        .query(
            (rs, i) ->
                new id.go.kecamatan.application.CounterVisit(
                    rs.getObject(1, UUID.class), rs.getString(2)))
        .optional();
  }

  /** Marks the draft submitted; its files belong to the application from now on. */
  public void markSubmitted(Draft draft, ApplicationId applicationId, Instant at) {
    jdbc.sql("delete from application_draft_file where office_id = ? and draft_id = ?")
        .params(draft.officeId(), draft.id())
        .update();
    jdbc.sql(
            """
            update application_draft set application_id = ?, updated_at = ?
            where office_id = ? and id = ?
            """)
        .params(applicationId.value(), Timestamp.from(at), draft.officeId(), draft.id())
        .update();
  }

  /** Drafts whose time ran out, oldest first, locked for the purge (others skip them). */
  public List<Draft> expired(Instant now, int limit) {
    return jdbc
        .sql(
            "select "
                + COLUMNS
                + " from application_draft where expires_at < ? order by expires_at limit ?"
                + " for update skip locked")
        .params(Timestamp.from(now), limit)
        .query(this::draft)
        .list()
        .stream()
        .map(this::withFiles)
        .toList();
  }

  public void delete(Draft draft) {
    jdbc.sql("delete from application_draft where office_id = ? and id = ?")
        .params(draft.officeId(), draft.id())
        .update();
  }

  private Draft withFiles(Draft draft) {
    Map<UUID, List<UUID>> files = new LinkedHashMap<>();
    jdbc.sql(
            """
            select requirement_id, document_id from application_draft_file
            where office_id = ? and draft_id = ? order by requirement_id, position
            """)
        .params(draft.officeId(), draft.id())
        .query(
            rs -> {
              files
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
            });
    return new Draft(
        draft.id(),
        draft.officeId(),
        draft.serviceId(),
        draft.resumeCode(),
        draft.identity(),
        draft.answers(),
        files,
        draft.applicationId(),
        draft.updatedAt(),
        draft.expiresAt(),
        draft.channel(),
        draft.assistedBy(),
        draft.campaign());
  }

  private Draft draft(ResultSet rs, int row) throws SQLException {
    String identity = rs.getString("identity");
    String answers = rs.getString("answers");
    UUID applicationId = rs.getObject("application_id", UUID.class);
    return new Draft(
        rs.getObject("id", UUID.class),
        rs.getObject("office_id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getString("resume_code"),
        identity == null ? null : JSON.readValue(identity, ApplicantForm.class),
        answers == null ? null : JSON.readValue(answers, ANSWERS),
        Map.of(),
        applicationId == null ? null : new ApplicationId(applicationId),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        Channel.valueOf(rs.getString("channel")),
        rs.getObject("assisting_staff_id", UUID.class) == null
            ? null
            : new AssistingOfficer(
                rs.getObject("assisting_staff_id", UUID.class), rs.getString("assisting_officer")),
        rs.getString("campaign"));
  }
}
