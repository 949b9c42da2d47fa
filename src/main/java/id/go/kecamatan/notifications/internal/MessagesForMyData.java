package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.portal.MessagesToResident;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages to one recipient for the resident's "Data saya" archive. Spans offices on purpose:
 * the resident, proved by the portal's sign-in code, owns the contact.
 */
@Component
class MessagesForMyData implements MessagesToResident {

  private final JdbcClient jdbc;

  MessagesForMyData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Map<String, Object>> sentTo(String contact) {
    return jdbc.sql(
            """
            select created_at, sent_at, channel, kind, status, subject, text from notification
            where lower(recipient) = lower(?) order by created_at, id
            """)
        .param(contact)
        .query(
            (rs, i) -> {
              Map<String, Object> message = new LinkedHashMap<>();
              message.put("dibuat", instant(rs.getTimestamp("created_at")));
              message.put("terkirim", instant(rs.getTimestamp("sent_at")));
              message.put("saluran", rs.getString("channel"));
              message.put("jenis", rs.getString("kind"));
              message.put("status", rs.getString("status"));
              message.put("subjek", rs.getString("subject"));
              message.put("isi", rs.getString("text"));
              return message;
            })
        .list();
  }

  private static String instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant().toString();
  }
}
