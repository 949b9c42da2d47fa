package id.go.kecamatan.application;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the system holds on a resident's applications and drafts, found by the contact they
 * signed in to the portal with (UU 27/2022: the right to a copy), and the deletions a resident may
 * ask for (ADR 0019): an open draft at once, with its files; the documents of a finished
 * application (letter issued and collected, rejected or withdrawn), while the application, its
 * answers, its history and its letter stay as the office's record. Never while the office is still
 * working on it. Every query is bound to the contact, so a resident reaches only their own.
 */
@Service
public class ResidentRecords {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** The statuses whose documents a resident may have deleted. */
  public static final java.util.Set<ApplicationStatus> DOCUMENTS_DELETABLE =
      java.util.EnumSet.of(
          ApplicationStatus.ISSUED,
          ApplicationStatus.COLLECTED,
          ApplicationStatus.REJECTED,
          ApplicationStatus.WITHDRAWN);

  private final JdbcClient jdbc;
  private final Documents documents;
  private final AuditTrail audit;
  private final Clock clock;

  ResidentRecords(JdbcClient jdbc, Documents documents, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.documents = documents;
    this.audit = audit;
    this.clock = clock;
  }

  /** A document of the resident with the path it takes in the archive. */
  public record FileEntry(UUID officeId, UUID documentId, String path) {}

  /** What the archive holds besides the letters and the messages. */
  public record Records(
      List<Map<String, Object>> applications,
      List<Map<String, Object>> drafts,
      List<FileEntry> files) {}

  /** One application of the resident as the portal's "Data saya" page lists it. */
  public record Deletable(
      String trackingCode,
      String serviceName,
      String officeName,
      ApplicationStatus status,
      int documents) {

    public boolean documentsDeletable() {
      return documents > 0 && DOCUMENTS_DELETABLE.contains(status);
    }
  }

  /** All applications and open drafts of the contact, with every answer and document. */
  public Records of(String contact) {
    List<FileEntry> files = new ArrayList<>();
    List<Map<String, Object>> applications = new ArrayList<>();
    for (Map<String, Object> row :
        jdbc.sql(
                """
                select a.id, a.office_id, a.tracking_code, o.name as office_name,
                       s.name as service_name, a.channel, a.status, a.nik, a.name, a.birth_place,
                       a.birth_date, a.sex, v.name as village, a.address, a.phone, a.email,
                       a.preferred_channel, a.answers::text as answers, a.submitted_at, a.deadline,
                       a.assisting_officer
                from application a
                join office o on o.id = a.office_id
                join service_type s on s.id = a.service_id and s.office_id = a.office_id
                left join village v on v.id = a.village_id
                where %s order by a.submitted_at, a.tracking_code
                """
                    .formatted(ResidentApplications.matches(contact, "a.phone", "a.email")))
            .param(ResidentApplications.key(contact))
            .query()
            .listOfRows()) {
      UUID id = (UUID) row.get("id");
      UUID office = (UUID) row.get("office_id");
      String code = (String) row.get("tracking_code");
      Map<String, Object> application = new LinkedHashMap<>();
      application.put("kode_pelacakan", code);
      application.put("kecamatan", row.get("office_name"));
      application.put("layanan", row.get("service_name"));
      application.put("saluran", row.get("channel"));
      application.put("status", row.get("status"));
      application.put("diajukan", text(row.get("submitted_at")));
      application.put("tenggat", text(row.get("deadline")));
      application.put("dibantu_petugas", row.get("assisting_officer"));
      Map<String, Object> identity = new LinkedHashMap<>();
      for (String[] field :
          new String[][] {
            {"nik", "nik"},
            {"nama", "name"},
            {"tempat_lahir", "birth_place"},
            {"tanggal_lahir", "birth_date"},
            {"jenis_kelamin", "sex"},
            {"desa_kelurahan", "village"},
            {"alamat", "address"},
            {"telepon", "phone"},
            {"email", "email"},
            {"saluran_kabar", "preferred_channel"}
          }) {
        identity.put(field[0], text(row.get(field[1])));
      }
      application.put("identitas", identity);
      application.put("jawaban", JSON.readValue((String) row.get("answers"), MAP));
      application.put("riwayat_status", history(office, id));
      application.put("berkas", attachments(office, id, "permohonan/" + code, files));
      applications.add(application);
    }
    return new Records(applications, drafts(contact, files), files);
  }

  /** The content of a document listed in {@link Records#files()}. */
  public java.io.InputStream open(FileEntry file) {
    return documents.open(file.officeId(), file.documentId());
  }

  /** Records in the audit trail that the contact downloaded their data. */
  public void recordExport(String contact, int applications, int files) {
    audit.record(
        null,
        "resident.data.exported",
        "contact",
        contact,
        Map.of("applications", applications, "documents", files));
  }

  /** The contact's applications with how many documents each still has, newest first. */
  public List<Deletable> deletables(String contact) {
    return jdbc.sql(
            """
            select a.tracking_code, s.name as service_name, o.name as office_name, a.status,
                   (select count(*) from application_attachment t where t.application_id = a.id
                      and t.office_id = a.office_id) as documents
            from application a
            join office o on o.id = a.office_id
            join service_type s on s.id = a.service_id and s.office_id = a.office_id
            where %s order by a.submitted_at desc, a.tracking_code
            """
                .formatted(ResidentApplications.matches(contact, "a.phone", "a.email")))
        .param(ResidentApplications.key(contact))
        .query(
            (rs, i) ->
                new Deletable(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    ApplicationStatus.valueOf(rs.getString(4)),
                    rs.getInt(5)))
        .list();
  }

  /** One of the contact's applications, empty when it is not theirs. */
  public Optional<Deletable> deletable(String contact, String trackingCode) {
    return deletables(contact).stream()
        .filter(d -> d.trackingCode().equals(trackingCode))
        .findFirst();
  }

  /** The outcome of a deletion the resident asked for. */
  public enum Deletion {
    DELETED,
    NOT_FOUND,
    NOT_ALLOWED
  }

  /**
   * Deletes the documents of one of the contact's applications if its status allows it (see {@link
   * #DOCUMENTS_DELETABLE}); the application row, its answers, history and letter stay. Audited in
   * the office's trail.
   */
  @Transactional
  public Deletion deleteDocuments(String contact, String trackingCode) {
    Optional<Map<String, Object>> found =
        jdbc
            .sql(
                "select a.id, a.office_id, a.status from application a where a.tracking_code = ?"
                    + " and "
                    + ResidentApplications.matches(contact, "a.phone", "a.email")
                    + " for update")
            .param(trackingCode)
            .param(ResidentApplications.key(contact))
            .query()
            .listOfRows()
            .stream()
            .findFirst();
    if (found.isEmpty()) {
      return Deletion.NOT_FOUND;
    }
    UUID id = (UUID) found.get().get("id");
    UUID office = (UUID) found.get().get("office_id");
    if (!DOCUMENTS_DELETABLE.contains(
        ApplicationStatus.valueOf((String) found.get().get("status")))) {
      return Deletion.NOT_ALLOWED;
    }
    List<UUID> ids =
        jdbc.sql(
                "select document_id from application_attachment where office_id = ? and"
                    + " application_id = ?")
            .params(office, id)
            .query(UUID.class)
            .list();
    // the submitted draft (kept until it expires) still lists the same files
    jdbc.sql(
            """
            delete from application_draft_file f using application_draft d
            where d.id = f.draft_id and d.office_id = ? and d.application_id = ?
            """)
        .params(office, id)
        .update();
    jdbc.sql("delete from application_attachment where office_id = ? and application_id = ?")
        .params(office, id)
        .update();
    ids.forEach(document -> documents.delete(office, document));
    audit.record(
        office,
        "application.documents.deletedByResident",
        "application",
        id,
        Map.of("tracking_code", trackingCode, "documents", ids.size()));
    return Deletion.DELETED;
  }

  /** Deletes one of the contact's open drafts at once, with its files. Audited. */
  @Transactional
  public Deletion deleteDraft(String contact, UUID draftId) {
    Optional<UUID> office =
        jdbc.sql(
                "select d.office_id from application_draft d where d.id = ?"
                    + " and d.application_id is null and d.expires_at > ? and "
                    + ResidentApplications.matches(
                        contact, "d.identity->>'phone'", "d.identity->>'email'")
                    + " for update")
            .param(draftId)
            .param(Timestamp.from(clock.instant()))
            .param(ResidentApplications.key(contact))
            .query(UUID.class)
            .optional();
    if (office.isEmpty()) {
      return Deletion.NOT_FOUND;
    }
    List<UUID> files =
        jdbc.sql("select document_id from application_draft_file where draft_id = ?")
            .param(draftId)
            .query(UUID.class)
            .list();
    jdbc.sql("delete from application_draft where id = ?").param(draftId).update();
    files.forEach(document -> documents.delete(office.get(), document));
    audit.record(
        office.get(),
        "draft.deletedByResident",
        "application_draft",
        draftId,
        Map.of("documents", files.size()));
    return Deletion.DELETED;
  }

  private List<Map<String, Object>> drafts(String contact, List<FileEntry> files) {
    List<Map<String, Object>> drafts = new ArrayList<>();
    for (Map<String, Object> row :
        jdbc.sql(
                """
                select d.id, d.office_id, o.name as office_name, s.name as service_name,
                       d.identity::text as identity, d.answers::text as answers, d.created_at,
                       d.updated_at, d.expires_at
                from application_draft d
                join office o on o.id = d.office_id
                join service_type s on s.id = d.service_id and s.office_id = d.office_id
                where d.application_id is null and d.expires_at > ? and %s
                order by d.created_at
                """
                    .formatted(
                        ResidentApplications.matches(
                            contact, "d.identity->>'phone'", "d.identity->>'email'")))
            .param(Timestamp.from(clock.instant()))
            .param(ResidentApplications.key(contact))
            .query()
            .listOfRows()) {
      UUID id = (UUID) row.get("id");
      Map<String, Object> draft = new LinkedHashMap<>();
      draft.put("kecamatan", row.get("office_name"));
      draft.put("layanan", row.get("service_name"));
      draft.put("dibuat", text(row.get("created_at")));
      draft.put("diubah", text(row.get("updated_at")));
      draft.put("dihapus_otomatis", text(row.get("expires_at")));
      draft.put("identitas", parse(row.get("identity")));
      draft.put("jawaban", parse(row.get("answers")));
      List<Map<String, Object>> described = new ArrayList<>();
      String folder = "draf/" + (drafts.size() + 1);
      for (Map<String, Object> file :
          jdbc.sql(
                  """
                  select f.document_id, r.name as requirement from application_draft_file f
                  left join requirement r on r.id = f.requirement_id
                  where f.draft_id = ? and f.office_id = ? order by r.position, f.position
                  """)
              .params(id, row.get("office_id"))
              .query()
              .listOfRows()) {
        described.add(
            describe(
                (UUID) row.get("office_id"),
                (UUID) file.get("document_id"),
                (String) file.get("requirement"),
                folder,
                files));
      }
      draft.put("berkas", described);
      drafts.add(draft);
    }
    return drafts;
  }

  private List<Map<String, Object>> history(UUID office, UUID application) {
    return jdbc.sql(
            """
            select from_status, to_status, changed_at, reason from application_status_change
            where office_id = ? and application_id = ? order by id
            """)
        .params(office, application)
        .query(
            (rs, i) -> {
              Map<String, Object> change = new LinkedHashMap<>();
              change.put("dari", rs.getString(1));
              change.put("menjadi", rs.getString(2));
              change.put("waktu", rs.getTimestamp(3).toInstant().toString());
              change.put("alasan", rs.getString(4));
              return change;
            })
        .list();
  }

  private List<Map<String, Object>> attachments(
      UUID office, UUID application, String folder, List<FileEntry> files) {
    List<Map<String, Object>> described = new ArrayList<>();
    for (Map<String, Object> row :
        jdbc.sql(
                """
                select t.document_id, r.name as requirement from application_attachment t
                left join requirement r on r.id = t.requirement_id
                where t.office_id = ? and t.application_id = ? order by r.position, t.position
                """)
            .params(office, application)
            .query()
            .listOfRows()) {
      described.add(
          describe(
              office,
              (UUID) row.get("document_id"),
              (String) row.get("requirement"),
              folder,
              files));
    }
    return described;
  }

  private Map<String, Object> describe(
      UUID office, UUID documentId, String requirement, String folder, List<FileEntry> files) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("persyaratan", requirement);
    Optional<Document> document = documents.find(office, documentId);
    if (document.isPresent()) {
      String path = folder + "/" + (files.size() + 1) + "-" + safe(document.get().name());
      described.put("nama_berkas", document.get().name());
      described.put("jenis", document.get().contentType());
      described.put("ukuran_byte", document.get().size());
      described.put("sha256", document.get().sha256());
      described.put("dalam_arsip", path);
      files.add(new FileEntry(office, documentId, path));
    }
    return described;
  }

  /** A file name safe in a ZIP on any system. */
  static String safe(String name) {
    String safe = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "_");
    safe = safe.replaceAll("^[._]+", "");
    if (safe.length() > 80) {
      safe = safe.substring(safe.length() - 80);
    }
    return safe.isEmpty() ? "berkas" : safe;
  }

  private static Object parse(Object json) {
    return json == null ? null : JSON.readValue((String) json, Object.class);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    return value.toString();
  }
}
