package id.go.kecamatan.application.internal;

import id.go.kecamatan.application.Applicant;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationAddressee;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.AssistingOfficer;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.CompletionRequest;
import id.go.kecamatan.application.CounterVisit;
import id.go.kecamatan.application.PreferredChannel;
import id.go.kecamatan.application.StatusChange;
import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.office.Sex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores applications with JdbcClient; every query filters by the office. */
@Repository
public class ApplicationRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {};

  private static final String COLUMNS =
      """
      a.id, a.office_id, a.service_id, a.tracking_code, a.channel, a.status, a.nik, a.name,
      a.birth_place, a.birth_date, a.sex, a.village_id, a.address, a.phone, a.email,
      a.preferred_channel,
      a.answers::text as answers, a.submitted_at, a.deadline, a.assisting_staff_id,
      a.assisting_officer,
      array(select t.requirement_id::text || ' ' || t.document_id::text
            from application_attachment t
            where t.office_id = a.office_id and t.application_id = a.id
            order by t.requirement_id, t.position) as attached,
      (select json_agg(
                json_build_array(c.from_status, c.to_status, c.changed_at, c.reason, c.actor)
                order by c.id)
       from application_status_change c
       where c.office_id = a.office_id and c.application_id = a.id)::text as timeline
      """;

  /** The timeline's rows as {@link #COLUMNS} reads them: from, to, at, reason, actor. */
  private static final TypeReference<List<List<String>>> TIMELINE = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ServiceDemandCounts demand;

  ApplicationRepository(JdbcClient jdbc, ServiceDemandCounts demand) {
    this.jdbc = jdbc;
    this.demand = demand;
  }

  /** Stores a new application with its attachments and its first status changes. */
  public void insert(Application application, String idempotencyKey) {
    Applicant who = application.applicant();
    jdbc.sql(
            """
            insert into application
              (id, office_id, service_id, tracking_code, channel, status, nik, name, birth_place,
               birth_date, sex, village_id, address, phone, email, preferred_channel, answers,
               submitted_at, deadline, idempotency_key, assisting_staff_id, assisting_officer)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
            """)
        .params(
            application.id().value(),
            application.officeId(),
            application.serviceId(),
            application.trackingCode().value(),
            application.channel().name(),
            application.status().name(),
            who.nik(),
            who.name(),
            who.birthPlace(),
            who.birthDate(),
            who.sex().name(),
            who.villageId(),
            who.address(),
            who.phone(),
            who.email(),
            who.preferredChannel() == null ? null : who.preferredChannel().name(),
            JSON.writeValueAsString(application.answers()),
            Timestamp.from(application.submittedAt()),
            application.deadline(),
            idempotencyKey,
            application.assistedBy().map(AssistingOfficer::staffId).orElse(null),
            application.assistedBy().map(AssistingOfficer::name).orElse(null))
        .update();
    insertAttachments(application, application.attachments());
    insertChanges(application);
    demand.count(application.officeId(), application.serviceId(), application.submittedAt());
  }

  /**
   * Stores the status, the deadline, the pending status changes and the completion request of an
   * application: a request is closed when the application leaves NEEDS_COMPLETION and stored when
   * it enters it. Fails when someone else changed its status in the meantime.
   */
  public void saveChanges(Application application) {
    List<StatusChange> changes = application.pendingChanges();
    if (changes.isEmpty()) {
      return;
    }
    int updated =
        jdbc.sql(
                """
                update application set status = ?, deadline = ?, version = version + 1
                where office_id = ? and id = ? and status = ?
                """)
            .params(
                application.status().name(),
                application.deadline(),
                application.officeId(),
                application.id().value(),
                changes.get(0).from().name())
            .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException("Application changed concurrently");
    }
    for (StatusChange change : changes) {
      if (change.from() == ApplicationStatus.NEEDS_COMPLETION) {
        closeCompletionRequest(application, change);
      }
    }
    if (changes.get(changes.size() - 1).to() == ApplicationStatus.NEEDS_COMPLETION) {
      insertCompletionRequest(application, application.completionRequest().orElseThrow());
    }
    insertChanges(application);
  }

  /**
   * Records that the office finished an application (approved or rejected it) at this moment, and
   * whether it met its deadline. The first finish counts: a later call changes nothing.
   */
  public void markFinished(Application application, java.time.Instant at, boolean metDeadline) {
    jdbc.sql(
            """
            update application set finished_at = ?, met_deadline = ?
            where office_id = ? and id = ? and finished_at is null
            """)
        .params(Timestamp.from(at), metDeadline, application.officeId(), application.id().value())
        .update();
  }

  /** The application is open again (returned after approval): no finishing moment. */
  public void clearFinished(Application application) {
    jdbc.sql(
            "update application set finished_at = null, met_deadline = null where office_id = ? and id = ?")
        .params(application.officeId(), application.id().value())
        .update();
  }

  private void closeCompletionRequest(Application application, StatusChange change) {
    jdbc.sql(
            """
            update completion_request set closed_at = ?
            where office_id = ? and application_id = ? and closed_at is null
            """)
        .params(Timestamp.from(change.at()), application.officeId(), application.id().value())
        .update();
  }

  private void insertCompletionRequest(Application application, CompletionRequest request) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into completion_request
              (id, office_id, application_id, requested_at, actor, working_days_left)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            application.officeId(),
            application.id().value(),
            Timestamp.from(request.requestedAt()),
            request.actor(),
            request.workingDaysLeft())
        .update();
    int position = 0;
    for (Map.Entry<UUID, String> reason : request.reasons().entrySet()) {
      jdbc.sql(
              """
              insert into completion_request_item
                (office_id, completion_request_id, requirement_id, reason, position)
              values (?, ?, ?, ?, ?)
              """)
          .params(application.officeId(), id, reason.getKey(), reason.getValue(), position++)
          .update();
    }
  }

  /**
   * Writes the attachments of these requirements as the application now holds them, in place of the
   * stored ones. The documents no longer attached are left to the caller.
   */
  public void replaceAttachments(Application application, Collection<UUID> requirementIds) {
    for (UUID requirementId : requirementIds) {
      jdbc.sql(
              """
              delete from application_attachment
              where office_id = ? and application_id = ? and requirement_id = ?
              """)
          .params(application.officeId(), application.id().value(), requirementId)
          .update();
      insertAttachments(
          application,
          Map.of(requirementId, application.attachments().getOrDefault(requirementId, List.of())));
    }
  }

  private void insertChanges(Application application) {
    for (StatusChange change : application.pendingChanges()) {
      jdbc.sql(
              """
              insert into application_status_change
                (office_id, application_id, from_status, to_status, changed_at, reason, actor)
              values (?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              application.officeId(),
              application.id().value(),
              change.from() == null ? null : change.from().name(),
              change.to().name(),
              Timestamp.from(change.at()),
              change.reason(),
              change.actor())
          .update();
    }
    application.changesStored();
  }

  /** The application of an office. */
  public List<ApplicationId> ids(UUID officeId, java.time.Instant since) {
    return jdbc.sql(
            """
            select id from application
            where office_id = ? and (cast(? as timestamptz) is null or submitted_at >= ?)
            order by submitted_at, id
            """)
        .params(
            officeId,
            since == null ? null : java.sql.Timestamp.from(since),
            since == null ? null : java.sql.Timestamp.from(since))
        .query((rs, i) -> new ApplicationId(rs.getObject(1, UUID.class)))
        .list();
  }

  public Optional<Application> find(UUID officeId, ApplicationId id) {
    return one(
        "select " + COLUMNS + " from application a where a.office_id = ? and a.id = ?",
        officeId,
        id.value());
  }

  /** The application an office received with an idempotency key. */
  public Optional<Application> findByIdempotencyKey(UUID officeId, String key) {
    return one(
        "select " + COLUMNS + " from application a where a.office_id = ? and a.idempotency_key = ?",
        officeId,
        key);
  }

  /**
   * The application with a tracking code, only when it belongs to the office whose region code is
   * the code's prefix.
   */
  public Optional<Application> findByTrackingCode(TrackingCode code) {
    return one(
        "select "
            + COLUMNS
            + """
             from application a join office o on o.id = a.office_id
            where a.tracking_code = ? and replace(o.code, '.', '') = ?
            """,
        code.value(),
        code.officePrefix());
  }

  /** The application's addressee: its row's columns a message needs, nothing else. */
  public Optional<ApplicationAddressee> addressee(UUID officeId, ApplicationId id) {
    return jdbc.sql(
            """
            select a.id, a.office_id, a.service_id, a.tracking_code, a.deadline, a.nik, a.name,
              a.birth_place, a.birth_date, a.sex, a.village_id, a.address, a.phone, a.email,
              a.preferred_channel
            from application a where a.office_id = ? and a.id = ?
            """)
        .params(officeId, id.value())
        .query(
            (rs, i) ->
                new ApplicationAddressee(
                    new ApplicationId(rs.getObject("id", UUID.class)),
                    rs.getObject("office_id", UUID.class),
                    rs.getObject("service_id", UUID.class),
                    new TrackingCode(rs.getString("tracking_code")),
                    applicant(rs),
                    rs.getObject("deadline", java.time.LocalDate.class)))
        .optional();
  }

  private Optional<Application> one(String sql, Object... params) {
    List<Row> rows = jdbc.sql(sql).params(params).query(this::row).list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Row row = rows.get(0);
    return Optional.of(
        Application.restore(
                row.id,
                row.officeId,
                row.serviceId,
                row.code,
                row.channel,
                row.applicant,
                row.answers,
                row.attachments,
                row.submittedAt,
                row.deadline,
                row.status,
                row.timeline,
                row.status == ApplicationStatus.NEEDS_COMPLETION
                    ? openCompletionRequest(row.officeId, row.id)
                    : null)
            .withAssistedBy(row.assistedBy));
  }

  private CompletionRequest openCompletionRequest(UUID officeId, ApplicationId id) {
    record Open(UUID id, java.time.Instant at, String actor, int daysLeft) {}
    Open open =
        jdbc.sql(
                """
                select id, requested_at, actor, working_days_left from completion_request
                where office_id = ? and application_id = ? and closed_at is null
                """)
            .params(officeId, id.value())
            .query(
                (rs, i) ->
                    new Open(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getInt(4)))
            .single();
    Map<UUID, String> reasons = new LinkedHashMap<>();
    jdbc.sql(
            """
            select requirement_id, reason from completion_request_item
            where office_id = ? and completion_request_id = ? order by position
            """)
        .params(officeId, open.id())
        .query(
            rs -> {
              reasons.put(rs.getObject(1, UUID.class), rs.getString(2));
            });
    return new CompletionRequest(open.at(), open.actor(), reasons, open.daysLeft());
  }

  private record Row(
      ApplicationId id,
      UUID officeId,
      UUID serviceId,
      TrackingCode code,
      Channel channel,
      ApplicationStatus status,
      Applicant applicant,
      Map<String, List<String>> answers,
      java.time.Instant submittedAt,
      java.time.LocalDate deadline,
      AssistingOfficer assistedBy,
      Map<UUID, List<UUID>> attachments,
      List<StatusChange> timeline) {}

  private Row row(ResultSet rs, int i) throws SQLException {
    return new Row(
        new ApplicationId(rs.getObject("id", UUID.class)),
        rs.getObject("office_id", UUID.class),
        rs.getObject("service_id", UUID.class),
        new TrackingCode(rs.getString("tracking_code")),
        Channel.valueOf(rs.getString("channel")),
        ApplicationStatus.valueOf(rs.getString("status")),
        applicant(rs),
        JSON.readValue(rs.getString("answers"), ANSWERS),
        rs.getTimestamp("submitted_at").toInstant(),
        rs.getObject("deadline", java.time.LocalDate.class),
        rs.getObject("assisting_staff_id", UUID.class) == null
            ? null
            : new AssistingOfficer(
                rs.getObject("assisting_staff_id", UUID.class), rs.getString("assisting_officer")),
        attachments((String[]) rs.getArray("attached").getArray()),
        timeline(rs.getString("timeline")));
  }

  /** The applicant of the current row. */
  private static Applicant applicant(ResultSet rs) throws SQLException {
    return new Applicant(
        rs.getString("nik"),
        rs.getString("name"),
        rs.getString("birth_place"),
        rs.getObject("birth_date", java.time.LocalDate.class),
        Sex.valueOf(rs.getString("sex")),
        rs.getObject("village_id", UUID.class),
        rs.getString("address"),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getString("preferred_channel") == null
            ? null
            : PreferredChannel.valueOf(rs.getString("preferred_channel")));
  }

  /** The documents of each requirement, in order, from "requirement document" pairs. */
  private static Map<UUID, List<UUID>> attachments(String[] pairs) {
    Map<UUID, List<UUID>> result = new LinkedHashMap<>();
    for (String pair : pairs) {
      int space = pair.indexOf(' ');
      result
          .computeIfAbsent(UUID.fromString(pair.substring(0, space)), k -> new ArrayList<>())
          .add(UUID.fromString(pair.substring(space + 1)));
    }
    return result;
  }

  /** The status changes, oldest first, from their JSON rows (none: null). */
  private static List<StatusChange> timeline(String json) {
    if (json == null) {
      return List.of();
    }
    return JSON.readValue(json, TIMELINE).stream()
        .map(
            c ->
                new StatusChange(
                    c.get(0) == null ? null : ApplicationStatus.valueOf(c.get(0)),
                    ApplicationStatus.valueOf(c.get(1)),
                    java.time.OffsetDateTime.parse(c.get(2)).toInstant(),
                    c.get(3),
                    c.get(4)))
        .toList();
  }

  /** The documents of every requirement, in order, in one statement. */
  private void insertAttachments(Application application, Map<UUID, List<UUID>> attachments) {
    StringBuilder rows = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (Map.Entry<UUID, List<UUID>> entry : attachments.entrySet()) {
      int position = 0;
      for (UUID documentId : entry.getValue()) {
        rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
        params.addAll(
            List.of(
                application.officeId(),
                application.id().value(),
                entry.getKey(),
                documentId,
                position++));
      }
    }
    if (params.isEmpty()) {
      return;
    }
    jdbc.sql(
            "insert into application_attachment"
                + " (office_id, application_id, requirement_id, document_id, position) values "
                + rows)
        .params(params)
        .update();
  }

  /** Records the queue ticket an application was entered from at the counter. */
  public void insertVisit(UUID officeId, ApplicationId id, CounterVisit visit) {
    jdbc.sql(
            """
            insert into application_visit (application_id, office_id, ticket_id, ticket_label)
            values (?, ?, ?, ?)
            """)
        .params(id.value(), officeId, visit.ticketId(), visit.label())
        .update();
  }

  /** The queue ticket an application of this office was entered from, if any. */
  public Optional<CounterVisit> visit(UUID officeId, ApplicationId id) {
    return jdbc.sql(
            """
            select ticket_id, ticket_label from application_visit
            where office_id = ? and application_id = ?
            """)
        .params(officeId, id.value())
        .query((rs, i) -> new CounterVisit(rs.getObject(1, UUID.class), rs.getString(2)))
        .optional();
  }
}
