package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.shared.db.Memo;
import id.go.kecamatan.shared.db.TableChanges;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message templates of an office: its own where it saved one, the shipped default otherwise;
 * checked when saved (known placeholders, lengths, no control characters, SMS within one message),
 * reset to the default, every change audited. Every query filters by the office.
 *
 * <p>The template a message is written from is kept in memory ({@link Memo}) until the table
 * changes on any node (a notice per committed change, V130): every message read it before, two for
 * each letter issued.
 */
@Service
public class MessageTemplates {

  /** The longest template text; WhatsApp takes 4,096 characters, values need room. */
  public static final int MAX_TEXT = 2_000;

  public static final int MAX_SUBJECT = 200;

  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  private static final String TABLE = "notification_template";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final TableChanges changes;
  private final Memo<TemplateKey, Optional<Effective>> own;

  private record TemplateKey(UUID officeId, MessageKind kind, Channel channel) {}

  MessageTemplates(JdbcClient jdbc, AuditTrail audit, Clock clock, TableChanges changes) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.changes = changes;
    // a regency's offices, each kind and channel: some thousands at most
    this.own = changes.memo("message-templates", Set.of(TABLE), 20_000);
  }

  /**
   * The template in use for a kind and channel.
   *
   * @param own whether the office saved it (otherwise the shipped default)
   * @param version the office's version, null for the default
   */
  public record Effective(
      MessageKind kind,
      Channel channel,
      String subject,
      String text,
      boolean own,
      Integer version) {}

  /** A message written from a template: the subject (e-mail only) and the text. */
  public record Rendered(String subject, String text) {}

  /** Every kind and channel, each with the template in use. */
  public List<Effective> all(UUID officeId) {
    Map<String, Effective> own = new LinkedHashMap<>();
    jdbc
        .sql(
            """
            select kind, channel, subject, body, version from notification_template
            where office_id = ?
            """)
        .param(officeId)
        .query(
            (rs, i) ->
                new Effective(
                    MessageKind.byCode(rs.getString(1)).orElse(null),
                    Channel.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    true,
                    rs.getInt(5)))
        .list()
        .stream()
        .filter(t -> t.kind() != null)
        .forEach(t -> own.put(t.kind().code() + "/" + t.channel(), t));
    List<Effective> all = new ArrayList<>();
    for (MessageKind kind : MessageKind.values()) {
      for (Channel channel : kind.channels()) {
        Effective mine = own.get(kind.code() + "/" + channel);
        all.add(mine != null ? mine : shipped(kind, channel));
      }
    }
    return all;
  }

  /** The template in use (kept in memory until the templates change). */
  public Effective effective(UUID officeId, MessageKind kind, Channel channel) {
    return own.get(
            new TemplateKey(officeId, kind, channel),
            key -> ownTemplate(key.officeId(), key.kind(), key.channel()))
        .orElseGet(() -> shipped(kind, channel));
  }

  /** The template in use as stored now (in a transaction that changes it: its own change). */
  private Effective stored(UUID officeId, MessageKind kind, Channel channel) {
    return ownTemplate(officeId, kind, channel).orElseGet(() -> shipped(kind, channel));
  }

  /** The shipped default. */
  public Effective shipped(MessageKind kind, Channel channel) {
    return new Effective(
        kind,
        channel,
        DefaultTemplates.subject(kind, channel),
        DefaultTemplates.text(kind, channel),
        false,
        null);
  }

  private Optional<Effective> ownTemplate(UUID officeId, MessageKind kind, Channel channel) {
    return jdbc.sql(
            """
            select subject, body, version from notification_template
            where office_id = ? and kind = ? and channel = ?
            """)
        .params(officeId, kind.code(), channel.name())
        .query(
            (rs, i) ->
                new Effective(kind, channel, rs.getString(1), rs.getString(2), true, rs.getInt(3)))
        .optional();
  }

  /** Writes a message from the office's template of this kind and channel. */
  public Rendered render(
      UUID officeId, MessageKind kind, Channel channel, Map<String, String> values) {
    return render(effective(officeId, kind, channel), values);
  }

  /** Writes a message from a template; an SMS is made to fit one message ({@link Gsm#fit}). */
  public static Rendered render(Effective template, Map<String, String> values) {
    String text = MessageTemplate.render(template.text(), values);
    if (template.channel() == Channel.SMS) {
      text = Gsm.fit(text);
    }
    String subject =
        template.channel() == Channel.EMAIL
            ? oneLine(MessageTemplate.render(template.subject(), values))
            : null;
    return new Rendered(subject, text);
  }

  /** A subject is one line: line breaks (a value may carry them) become blanks. */
  private static String oneLine(String subject) {
    String line = subject.replaceAll("[\\r\\n]+", " ").strip();
    return line.length() > MAX_SUBJECT ? line.substring(0, MAX_SUBJECT) : line;
  }

  /**
   * Checks a template as typed: the text (required, at most {@link #MAX_TEXT}, no control
   * characters, only the kind's placeholders), the e-mail subject likewise on one line, and an SMS
   * in the GSM alphabet within one message when written with the sample values.
   *
   * @param sample the values the preview uses, for the length of an SMS
   */
  public static FieldErrors check(
      MessageKind kind, Channel channel, String subject, String text, Map<String, String> sample) {
    FieldErrors errors = new FieldErrors();
    checkPart(errors, "text", kind, text, MAX_TEXT, true);
    if (channel == Channel.EMAIL) {
      checkPart(errors, "subject", kind, subject, MAX_SUBJECT, false);
    }
    if (channel == Channel.SMS && !errors.has("text")) {
      String foreign = Gsm.firstForeign(text);
      if (foreign != null) {
        errors.reject("text", "notificationTemplates.error.smsCharacter", foreign);
      } else {
        int length = Gsm.length(MessageTemplate.render(text, sample));
        if (length < 0 || length > Gsm.SMS_LIMIT) {
          errors.reject(
              "text", "notificationTemplates.error.smsTooLong", Math.abs(length), Gsm.SMS_LIMIT);
        }
      }
    }
    return errors;
  }

  private static void checkPart(
      FieldErrors errors,
      String field,
      MessageKind kind,
      String value,
      int max,
      boolean multiline) {
    if (value == null || value.isBlank()) {
      errors.reject(field, "error.required");
      return;
    }
    if (value.length() > max) {
      errors.reject(field, "error.tooLong", max);
      return;
    }
    if (CONTROL.matcher(value).find() || (!multiline && value.matches("(?s).*[\\r\\n].*"))) {
      errors.reject(field, "error.control");
      return;
    }
    List<MessageTemplate.Problem> problems = MessageTemplate.problems(value, kind.placeholders());
    if (!problems.isEmpty()) {
      MessageTemplate.Problem problem = problems.get(0);
      if (problem.argument() == null) {
        errors.reject(field, "notificationTemplates.error.braces");
      } else {
        errors.reject(field, "notificationTemplates.error.unknownPlaceholder", problem.argument());
      }
    }
  }

  /** Line breaks as one kind ({@code \n}), blanks around the whole trimmed. */
  public static String normalise(String text) {
    return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  /**
   * Saves the office's own template after {@link #check}; refused when someone else saved it since
   * {@code version} was read.
   */
  @Transactional
  public Outcome<Effective> save(
      UUID officeId,
      MessageKind kind,
      Channel channel,
      String subject,
      String text,
      Integer version,
      Map<String, String> sample) {
    String cleanText = normalise(text);
    String cleanSubject = channel == Channel.EMAIL ? normalise(subject) : null;
    FieldErrors errors = check(kind, channel, cleanSubject, cleanText, sample);
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    Effective before = stored(officeId, kind, channel);
    UUID staff = CurrentOfficer.get().map(Officer::staffId).orElse(null);
    Timestamp now = Timestamp.from(clock.instant());
    int changed;
    if (before.own()) {
      changed =
          jdbc.sql(
                  """
                  update notification_template
                  set subject = ?, body = ?, updated_at = ?, updated_by = ?, version = version + 1
                  where office_id = ? and kind = ? and channel = ? and version = ?
                  """)
              .params(
                  cleanSubject,
                  cleanText,
                  now,
                  staff,
                  officeId,
                  kind.code(),
                  channel.name(),
                  version == null ? -1 : version)
              .update();
    } else {
      changed =
          jdbc.sql(
                  """
                  insert into notification_template
                    (office_id, kind, channel, subject, body, updated_at, updated_by)
                  values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                  """)
              .params(officeId, kind.code(), channel.name(), cleanSubject, cleanText, now, staff)
              .update();
    }
    if (changed == 0) {
      return Outcome.failed(new FieldErrors().reject("text", "notificationTemplates.error.stale"));
    }
    Map<String, Object> old = new LinkedHashMap<>();
    old.put("subject", before.subject());
    old.put("text", before.text());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("subject", cleanSubject);
    after.put("text", cleanText);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", kind.code());
    details.put("channel", channel.name());
    details.put("changes", AuditTrail.changes(old, after));
    audit.record(
        officeId,
        "notification.template.saved",
        TABLE,
        kind.code() + "/" + channel.name(),
        details);
    changes.changed(TABLE);
    return Outcome.done(stored(officeId, kind, channel));
  }

  /** Drops the office's own template, so the shipped default is used again. */
  @Transactional
  public void reset(UUID officeId, MessageKind kind, Channel channel) {
    int deleted =
        jdbc.sql(
                "delete from notification_template where office_id = ? and kind = ? and channel = ?")
            .params(officeId, kind.code(), channel.name())
            .update();
    if (deleted > 0) {
      changes.changed(TABLE);
      audit.record(
          officeId,
          "notification.template.reset",
          TABLE,
          kind.code() + "/" + channel.name(),
          Map.of("kind", kind.code(), "channel", channel.name()));
    }
  }
}
