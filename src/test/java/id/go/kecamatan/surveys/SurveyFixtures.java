package id.go.kecamatan.surveys;

import static org.awaitility.Awaitility.await;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.letters.LetterIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Invitations as residents get them, and forms as they fill them in. */
public final class SurveyFixtures {

  private static final Pattern LINK = Pattern.compile("/survei/([A-Za-z0-9_-]{43})");

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;

  public SurveyFixtures(
      JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.events = events;
    this.transactions = transactions;
  }

  /**
   * Publishes that the application's letter was issued, as signing does, and waits for the
   * invitation message in the outbox; returns the path of its link.
   */
  public String invitationAfterLetter(Application application) {
    transactions.executeWithoutResult(
        tx ->
            events.publishEvent(
                new LetterIssued(
                    UUID.randomUUID(),
                    application.officeId(),
                    application.id(),
                    application.trackingCode().value(),
                    "474/001/416.305/2026",
                    "ABCD1234",
                    Instant.now())));
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> link(application), Optional::isPresent)
        .orElseThrow();
  }

  /** The invitation link in the message sent about this application. */
  public Optional<String> link(Application application) {
    return jdbc
        .sql(
            "select text from notification where kind = 'survey.invitation' and text like ?"
                + " order by created_at")
        .param("%" + application.trackingCode().value() + "%")
        .query(String.class)
        .list()
        .stream()
        .map(LINK::matcher)
        .filter(Matcher::find)
        .map(m -> "/survei/" + m.group(1))
        .findFirst();
  }

  public long responses(UUID officeId) {
    return jdbc.sql("select count(*) from survey_response where office_id = ?")
        .param(officeId)
        .query(Long.class)
        .single();
  }

  /**
   * Form fields (name, value, ...) answering every element with this score, with the extra fields
   * (name, value, ...) added or, for an element, instead.
   */
  public static String[] answers(int score, String... extra) {
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (Element element : Element.values()) {
      fields.put(element.key(), String.valueOf(score));
    }
    for (int i = 0; i < extra.length; i += 2) {
      fields.put(extra[i], extra[i + 1]);
    }
    List<String> flat = new ArrayList<>();
    fields.forEach(
        (name, value) -> {
          flat.add(name);
          flat.add(value);
        });
    return flat.toArray(String[]::new);
  }
}
