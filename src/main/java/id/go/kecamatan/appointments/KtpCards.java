package id.go.kecamatan.appointments;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.Slot;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.office.IdentityNumbers;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-KTP cards (KTP-el) of an office and their life: recorded (direkam), waiting for the central
 * verification, ready to print, printed, ready for pick-up, picked up; a surat keterangan pengganti
 * may be issued meanwhile. Staff move cards one by one or as a list; each step is kept in the
 * card's history and the audit trail, and "ready for pick-up" tells the resident through the outbox
 * ({@link KtpCardReady}). The resident follows the card with its code and the last four digits of
 * the phone number or the NIK ({@link KtpCardKeys}). Every query is scoped to the office.
 */
@Service
public class KtpCards {

  /** Cards moved by one list action at most. */
  public static final int MAX_PER_ACTION = 200;

  static final int MAX_NAME = 120;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Offices offices;
  private final IdentityNumbers identities;
  private final Documents documents;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  KtpCards(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Offices offices,
      IdentityNumbers identities,
      Documents documents,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.offices = offices;
    this.identities = identities;
    this.documents = documents;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** What the officer types when recording a card (or what a checked-in booking carries). */
  public record RecordForm(String nik, String name, String kk, String phone, String email) {

    public static RecordForm blank() {
      return new RecordForm("", "", "", "", "");
    }
  }

  /** One card as staff see it. */
  public record Card(
      UUID id,
      UUID officeId,
      String code,
      String nik,
      String name,
      String kk,
      String phone,
      String email,
      KtpCardStatus status,
      Instant recordedAt,
      Instant statusAt,
      Instant interimLetterAt,
      String interimLetterNumber,
      String pickedUpBy,
      String proxyName,
      String proxyNik,
      UUID authorityLetterId,
      String handedOverBy) {

    /** The NIK as the resident's page shows it: region and serial, the birth date hidden. */
    public String maskedNik() {
      return nik.substring(0, 6) + "******" + nik.substring(12);
    }

    public boolean byProxy() {
      return "PROXY".equals(pickedUpBy);
    }
  }

  /** One step of a card's history. */
  public record Step(Instant at, String step, String actor, String note) {}

  /** A card in the staff list. */
  public record Row(
      UUID id,
      String code,
      String nik,
      String name,
      KtpCardStatus status,
      Instant statusAt,
      boolean interimLetter) {}

  /** What a list action did: the cards moved and the codes left as they were. */
  public record Moved(int moved, List<String> skipped) implements java.io.Serializable {

    public Moved {
      skipped = List.copyOf(skipped);
    }
  }

  /** The pick-up check at the desk. */
  public record PickUpForm(
      String by, String idChecked, String proxyName, String proxyNik, String letterChecked) {

    public static PickUpForm blank() {
      return new PickUpForm("HOLDER", "", "", "", "");
    }
  }

  /** Who to tell about a card: contact (either may be null), code and status. */
  public record Contact(
      String name, String phone, String email, String code, KtpCardStatus status) {}

  /**
   * Records a card at "direkam" with a new code, or says why not: the NIK and the No. KK must be
   * valid numbers, the name plain text; one card per NIK is on its way at a time.
   */
  public Outcome<Card> record(Officer officer, RecordForm form) {
    Office office = offices.get(officer.officeId());
    FieldErrors errors = new FieldErrors();
    String nik = checkNik(errors, "nik", form.nik());
    String name = FieldErrors.clean(form.name());
    errors.text("name", name, MAX_NAME);
    String kk = null;
    String rawKk = FieldErrors.clean(form.kk());
    if (rawKk != null) {
      kk = IdentityNumbers.normalise(rawKk);
      if (rawKk.length() > 30 || !identities.checkKk(kk).isEmpty()) {
        errors.reject("kk", "appointments.error.kk");
        kk = null;
      }
    }
    String phone = FieldErrors.clean(form.phone());
    errors.optionalText("phone", phone, 20);
    if (!errors.has("phone")) {
      errors.phone("phone", phone);
    }
    String email = FieldErrors.clean(form.email());
    errors.email("email", email);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    String finalKk = kk;
    try {
      return transactions.execute(
          status -> {
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            String code = TrackingCode.generate(office.code(), random).value();
            String digits = phone == null ? null : phone.replaceAll("\\D", "");
            jdbc.sql(
                    """
                    insert into ktp_card (id, office_id, code, nik, name, kk, phone, phone_last4,
                      email, status, recorded_at, status_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECORDED', ?, ?)
                    """)
                .params(
                    id,
                    office.id(),
                    code,
                    nik,
                    name,
                    finalKk,
                    phone,
                    digits == null ? null : digits.substring(digits.length() - 4),
                    email,
                    Timestamp.from(now),
                    Timestamp.from(now))
                .update();
            step(id, now, KtpCardStatus.RECORDED.name(), officer.fullName(), null);
            audit.record(
                office.id(),
                "ktp.recorded",
                "ktp_card",
                id,
                Map.of("code", code, "status", KtpCardStatus.RECORDED.name()));
            events.publishEvent(new KtpCardRecorded(office.id(), id));
            return Outcome.done(find(office.id(), id).orElseThrow());
          });
    } catch (DuplicateKeyException e) {
      return Outcome.failed(new FieldErrors().reject("nik", "appointments.error.cardOpen"));
    }
  }

  /** A valid NIK in its 16 digits, or null with the error on the field. */
  String checkNik(FieldErrors errors, String field, String raw) {
    String typed = FieldErrors.clean(raw);
    if (typed == null) {
      errors.reject(field, "error.required");
      return null;
    }
    String nik = IdentityNumbers.normalise(typed);
    if (typed.length() > 30 || !identities.checkNik(nik, null, null).isEmpty()) {
      errors.reject(field, "appointments.error.nik");
      return null;
    }
    return nik;
  }

  /** The card of the office, or empty (also for another office's card). */
  public Optional<Card> find(UUID officeId, UUID id) {
    return jdbc.sql("select * from ktp_card where id = ? and office_id = ?")
        .params(id, officeId)
        .query(KtpCards::card)
        .optional();
  }

  /** The card's history, oldest first. */
  public List<Step> steps(UUID officeId, UUID id) {
    return jdbc.sql(
            """
            select s.at, s.step, s.actor, s.note from ktp_card_step s
            join ktp_card c on c.id = s.card_id
            where s.card_id = ? and c.office_id = ? order by s.id
            """)
        .params(id, officeId)
        .query(
            (rs, n) ->
                new Step(
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("step"),
                    rs.getString("actor"),
                    rs.getString("note")))
        .list();
  }

  /**
   * The office's cards in a status (all when null), oldest step first so the longest waiting come
   * first, filtered by a code, NIK or name fragment; at most {@code limit}.
   */
  public List<Row> list(UUID officeId, KtpCardStatus status, String query, int limit) {
    String q = FieldErrors.clean(query);
    String like =
        q == null
            ? null
            : "%"
                + q.toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "")
                + "%";
    return jdbc.sql(
            """
            select id, code, nik, name, status, status_at, interim_letter_at from ktp_card
            where office_id = :office and (cast(:status as varchar) is null or status = :status)
              and (cast(:like as varchar) is null or lower(name) like :like
                   or nik like :like or lower(code) like :like)
            order by status_at, id limit :limit
            """)
        .param("office", officeId)
        .param("status", status == null ? null : status.name())
        .param("like", like)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Row(
                    rs.getObject("id", UUID.class),
                    rs.getString("code"),
                    rs.getString("nik"),
                    rs.getString("name"),
                    KtpCardStatus.valueOf(rs.getString("status")),
                    rs.getTimestamp("status_at").toInstant(),
                    rs.getTimestamp("interim_letter_at") != null))
        .list();
  }

  /** How many of the office's cards are in each status. */
  public Map<KtpCardStatus, Long> counts(UUID officeId) {
    Map<KtpCardStatus, Long> counts = new EnumMap<>(KtpCardStatus.class);
    Arrays.stream(KtpCardStatus.values()).forEach(s -> counts.put(s, 0L));
    jdbc.sql("select status, count(*) n from ktp_card where office_id = ? group by status")
        .param(officeId)
        .query(
            rs -> {
              counts.put(KtpCardStatus.valueOf(rs.getString("status")), rs.getLong("n"));
            });
    return counts;
  }

  /**
   * Moves the office's cards to a later status, each in its own guarded update: a card already
   * there or beyond, picked up, or not the office's is left as it was and named in {@link
   * Moved#skipped()} (by code when it is the office's). At most {@link #MAX_PER_ACTION} at once.
   */
  public Moved step(Officer officer, Collection<UUID> ids, KtpCardStatus target) {
    if (target == null || target == KtpCardStatus.PICKED_UP || target == KtpCardStatus.RECORDED) {
      throw new IllegalArgumentException("Not a step staff enter on a list: " + target);
    }
    List<UUID> unique = new ArrayList<>(new LinkedHashSet<>(ids));
    if (unique.isEmpty() || unique.size() > MAX_PER_ACTION) {
      throw new IllegalArgumentException("Between 1 and " + MAX_PER_ACTION + " cards");
    }
    UUID officeId = officer.officeId();
    List<String> earlier =
        Arrays.stream(KtpCardStatus.values())
            .filter(s -> s.mayStepTo(target))
            .map(Enum::name)
            .toList();
    return transactions.execute(
        tx -> {
          Instant now = clock.instant();
          int moved = 0;
          List<String> skipped = new ArrayList<>();
          for (UUID id : unique) {
            Optional<Map<String, Object>> before =
                jdbc
                    .sql(
                        """
                        update ktp_card c set status = :to, status_at = :now, version = c.version + 1
                        from ktp_card old
                        where c.id = :id and c.office_id = :office and old.id = c.id
                          and c.status in (:earlier)
                        returning c.code, old.status as from_status
                        """)
                    .param("to", target.name())
                    .param("now", Timestamp.from(now))
                    .param("id", id)
                    .param("office", officeId)
                    .param("earlier", earlier)
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst();
            if (before.isEmpty()) {
              jdbc.sql("select code from ktp_card where id = ? and office_id = ?")
                  .params(id, officeId)
                  .query(String.class)
                  .optional()
                  .ifPresent(skipped::add);
              continue;
            }
            moved++;
            step(id, now, target.name(), officer.fullName(), null);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("code", before.get().get("code"));
            details.put("from", before.get().get("from_status"));
            details.put("to", target.name());
            audit.record(officeId, "ktp.step", "ktp_card", id, details);
            if (target == KtpCardStatus.READY_FOR_PICKUP) {
              events.publishEvent(new KtpCardReady(officeId, id, now));
            }
          }
          return new Moved(moved, skipped);
        });
  }

  /**
   * Records a surat keterangan pengganti KTP-el issued to the resident while the card is on its
   * way; the letter's number is optional (plain text). The card's status does not change.
   */
  public FieldErrors issueInterimLetter(Officer officer, UUID id, String rawNumber) {
    FieldErrors errors = new FieldErrors();
    String number = FieldErrors.clean(rawNumber);
    errors.optionalText("letterNumber", number, 60);
    Optional<Card> card = find(officer.officeId(), id);
    if (card.isEmpty()) {
      throw new IllegalArgumentException("No such card");
    }
    if (!card.get().status().mayIssueInterimLetter()) {
      errors.reject("letterNumber", "appointments.error.alreadyPickedUp");
    }
    if (errors.any()) {
      return errors;
    }
    transactions.executeWithoutResult(
        tx -> {
          Instant now = clock.instant();
          int updated =
              jdbc.sql(
                      """
                      update ktp_card set interim_letter_at = ?, interim_letter_number = ?,
                        version = version + 1
                      where id = ? and office_id = ? and status <> 'PICKED_UP'
                      """)
                  .params(Timestamp.from(now), number, id, officer.officeId())
                  .update();
          if (updated == 0) {
            errors.reject("letterNumber", "appointments.error.alreadyPickedUp");
            return;
          }
          step(id, now, "INTERIM_LETTER", officer.fullName(), number);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("code", card.get().code());
          details.put("number", number == null ? "" : number);
          audit.record(officer.officeId(), "ktp.interim-letter", "ktp_card", id, details);
        });
    return errors;
  }

  /**
   * Hands the card over after the pick-up check: the officer confirms the identity card shown (by
   * the holder, or by a proxy, whose name and NIK are recorded with the letter of authority seen);
   * the letter may be uploaded as a scan or photo through the documents pipeline. Only a card ready
   * for pick-up is handed over, once.
   */
  public FieldErrors pickUp(Officer officer, UUID id, PickUpForm form, Upload letter) {
    FieldErrors errors = new FieldErrors();
    Optional<Card> card = find(officer.officeId(), id);
    if (card.isEmpty()) {
      throw new IllegalArgumentException("No such card");
    }
    boolean proxy = "PROXY".equals(form.by());
    if (!proxy && !"HOLDER".equals(form.by())) {
      errors.reject("by", "appointments.error.pickUpBy");
    }
    if (!"ya".equals(form.idChecked())) {
      errors.reject("idChecked", "appointments.error.idChecked");
    }
    String proxyName = null;
    String proxyNik = null;
    if (proxy) {
      proxyName = FieldErrors.clean(form.proxyName());
      errors.text("proxyName", proxyName, MAX_NAME);
      proxyNik = checkNik(errors, "proxyNik", form.proxyNik());
      if (proxyNik != null && proxyNik.equals(card.get().nik())) {
        errors.reject("proxyNik", "appointments.error.proxyIsHolder");
      }
      if (!"ya".equals(form.letterChecked())) {
        errors.reject("letterChecked", "appointments.error.letterChecked");
      }
    }
    if (card.get().status() != KtpCardStatus.READY_FOR_PICKUP) {
      errors.reject("by", "appointments.error.notReady");
    }
    if (errors.any()) {
      return errors;
    }
    String finalName = proxyName;
    String finalNik = proxyNik;
    transactions.executeWithoutResult(
        tx -> {
          UUID letterId = null;
          if (proxy && letter != null) {
            Outcome<Document> stored =
                documents.store(officer.officeId(), Slot.empty("suratKuasa"), letter);
            if (!stored.ok()) {
              errors.addAll(stored.errors());
              tx.setRollbackOnly();
              return;
            }
            letterId = stored.value().id();
          }
          Instant now = clock.instant();
          int updated =
              jdbc.sql(
                      """
                      update ktp_card set status = 'PICKED_UP', status_at = ?, picked_up_by = ?,
                        proxy_name = ?, proxy_nik = ?, authority_letter_id = ?, handed_over_by = ?,
                        version = version + 1
                      where id = ? and office_id = ? and status = 'READY_FOR_PICKUP'
                      """)
                  .params(
                      Timestamp.from(now),
                      proxy ? "PROXY" : "HOLDER",
                      finalName,
                      finalNik,
                      letterId,
                      officer.fullName(),
                      id,
                      officer.officeId())
                  .update();
          if (updated == 0) {
            errors.reject("by", "appointments.error.notReady");
            tx.setRollbackOnly();
            return;
          }
          step(
              id,
              now,
              KtpCardStatus.PICKED_UP.name(),
              officer.fullName(),
              proxy ? finalName : null);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("code", card.get().code());
          details.put("by", proxy ? "PROXY" : "HOLDER");
          if (proxy) {
            details.put("proxyNik", finalNik);
            details.put("authorityLetter", letterId == null ? "" : letterId.toString());
          }
          audit.record(officer.officeId(), "ktp.picked-up", "ktp_card", id, details);
        });
    return errors;
  }

  /** The card's contact, for the messages to its holder. */
  public Optional<Contact> contact(UUID officeId, UUID id) {
    return find(officeId, id)
        .map(c -> new Contact(c.name(), c.phone(), c.email(), c.code(), c.status()));
  }

  private void step(UUID cardId, Instant at, String step, String actor, String note) {
    jdbc.sql("insert into ktp_card_step (card_id, at, step, actor, note) values (?, ?, ?, ?, ?)")
        .params(cardId, Timestamp.from(at), step, actor, note)
        .update();
  }

  static Card card(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp letter = rs.getTimestamp("interim_letter_at");
    return new Card(
        rs.getObject("id", UUID.class),
        rs.getObject("office_id", UUID.class),
        rs.getString("code"),
        rs.getString("nik"),
        rs.getString("name"),
        rs.getString("kk"),
        rs.getString("phone"),
        rs.getString("email"),
        KtpCardStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getTimestamp("status_at").toInstant(),
        letter == null ? null : letter.toInstant(),
        rs.getString("interim_letter_number"),
        rs.getString("picked_up_by"),
        rs.getString("proxy_name"),
        rs.getString("proxy_nik"),
        rs.getObject("authority_letter_id", UUID.class),
        rs.getString("handed_over_by"));
  }
}
