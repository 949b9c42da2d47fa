package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tests' view of the messages the application queued (the {@code notification} table). */
@Component
public class StoredMessages {

  private final JdbcClient jdbc;

  StoredMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The queued messages that match, oldest first. */
  public List<OutgoingMessage> matching(Predicate<OutgoingMessage> filter) {
    return jdbc
        .sql(
            """
            select office_id, kind, channel, recipient, subject, text, idempotency_key
            from notification order by created_at, id
            """)
        .query(
            (rs, n) ->
                new OutgoingMessage(
                    rs.getObject("office_id", UUID.class),
                    rs.getString("kind"),
                    new Recipient(
                        Channel.valueOf(rs.getString("channel")), rs.getString("recipient")),
                    rs.getString("subject"),
                    rs.getString("text"),
                    rs.getString("idempotency_key")))
        .list()
        .stream()
        .filter(filter)
        .toList();
  }
}
