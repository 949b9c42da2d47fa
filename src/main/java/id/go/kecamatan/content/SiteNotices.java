package id.go.kecamatan.content;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployment's privacy notice and accessibility statement: the text a regency administrator
 * saved, or the shipped default from the message bundles ({@code notice.<kind>.default}) for a
 * language without one. Stored as plain text, shown through {@link NoticeText}, so no markup ever
 * reaches a page; every change is audited with the text before and after.
 */
@Service
public class SiteNotices {

  /** The longest text a notice may have, per language. */
  public static final int MAX_LENGTH = 20_000;

  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final AuditTrail audit;
  private final Clock clock;

  SiteNotices(JdbcClient jdbc, MessageSource messages, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A notice as saved: the Indonesian and English texts, either {@code null} when the default is
   * used, and who changed it last, when.
   */
  public record Notice(
      NoticeKind kind, String indonesian, String english, Instant updatedAt, String updatedBy) {

    public boolean customised() {
      return indonesian != null || english != null;
    }
  }

  /** The notice as saved, or an empty one (defaults in both languages). */
  public Notice notice(NoticeKind kind) {
    return jdbc.sql(
            "select text_id, text_en, updated_at, updated_by from site_notice where kind = ?")
        .param(kind.name())
        .query(
            (rs, i) ->
                new Notice(
                    kind,
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4)))
        .optional()
        .orElse(new Notice(kind, null, null, null, null));
  }

  /** The text to show in a language: the saved one, else the shipped default. */
  public String text(NoticeKind kind, Locale locale) {
    Notice notice = notice(kind);
    String saved = english(locale) ? notice.english() : notice.indonesian();
    return Optional.ofNullable(saved).orElseGet(() -> defaultText(kind, locale));
  }

  /** The shipped text of a notice in a language. */
  public String defaultText(NoticeKind kind, Locale locale) {
    return messages.getMessage(
        "notice." + kind.path() + ".default",
        null,
        english(locale) ? Locale.ENGLISH : Locale.forLanguageTag("id"));
  }

  /**
   * Saves the texts typed by the regency administrator; an empty text means the default. Refused,
   * with nothing saved, when a text is too long or holds markup, control or bidirectional
   * characters.
   */
  @Transactional
  public FieldErrors update(NoticeKind kind, String indonesian, String english) {
    Officer officer = CurrentOfficer.require();
    String id = unlessDefault(normalise(indonesian), kind, Locale.forLanguageTag("id"));
    String en = unlessDefault(normalise(english), kind, Locale.ENGLISH);
    FieldErrors errors = new FieldErrors();
    check(errors, "indonesian", id);
    check(errors, "english", en);
    if (errors.any()) {
      return errors;
    }
    Notice before = notice(kind);
    jdbc.sql(
            """
            insert into site_notice (kind, text_id, text_en, updated_at, updated_by)
            values (?, ?, ?, ?, ?)
            on conflict (kind) do update set text_id = excluded.text_id, text_en = excluded.text_en,
              updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """)
        .params(
            kind.name(),
            id,
            en,
            Timestamp.from(clock.instant()),
            officer.fullName() + " (" + officer.username() + ")")
        .update();
    audit.record(
        null,
        "notice.updated",
        "site_notice",
        kind.name(),
        AuditTrail.changes(texts(before.indonesian(), before.english()), texts(id, en)));
    return errors;
  }

  private static Map<String, Object> texts(String indonesian, String english) {
    Map<String, Object> texts = new LinkedHashMap<>();
    texts.put("text_id", indonesian);
    texts.put("text_en", english);
    return texts;
  }

  private static void check(FieldErrors errors, String field, String text) {
    if (text == null) {
      return;
    }
    // markup, control characters and invisible formatting (bidi controls) as in every text field
    errors.optionalText(field, text, MAX_LENGTH);
  }

  /** Null for the shipped default, so an unchanged default follows later releases. */
  private String unlessDefault(String text, NoticeKind kind, Locale locale) {
    return text != null && text.equals(normalise(defaultText(kind, locale))) ? null : text;
  }

  /** Unified line ends, trailing blanks removed; blank means the default. */
  static String normalise(String text) {
    if (text == null) {
      return null;
    }
    String unified = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    return unified.isEmpty() ? null : unified;
  }

  private static boolean english(Locale locale) {
    return "en".equals(locale.getLanguage());
  }
}
