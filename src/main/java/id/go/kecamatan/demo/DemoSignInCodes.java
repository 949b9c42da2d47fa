package id.go.kecamatan.demo;

import id.go.kecamatan.appointments.AppointmentCodeRequested;
import id.go.kecamatan.portal.OneTimeCodeRequested;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo only: keeps each portal sign-in code (and magic link) and each code that confirms an
 * appointment as the resident would receive it, for the page {@code /demo/kode-masuk}, because the
 * demo has no gateway that could deliver it. Written in the transaction of the request, so a code
 * exists here exactly when it was issued; codes are kept until an hour after they expired. Outside
 * the demo this bean does not exist, and no officer can read a code anywhere (the message log hides
 * sign-in messages' text).
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
class DemoSignInCodes {

  /** How many codes the demo page lists, newest first. */
  static final int SHOWN = 20;

  private static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

  private final JdbcClient jdbc;
  private final Clock clock;

  DemoSignInCodes(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  void on(OneTimeCodeRequested event) {
    keep(
        event.requestId(),
        DemoSignInCode.Purpose.PORTAL,
        event.contact(),
        event.code(),
        event.magicLink(),
        event.expiresAt());
  }

  /** A booking waits for the code sent to the phone or e-mail address it gave. */
  @EventListener
  @Transactional
  void on(AppointmentCodeRequested event) {
    keep(
        event.appointmentId(),
        DemoSignInCode.Purpose.APPOINTMENT,
        event.phone() != null ? event.phone() : event.email(),
        event.code(),
        null,
        event.expiresAt());
  }

  private void keep(
      java.util.UUID id,
      DemoSignInCode.Purpose purpose,
      String contact,
      String code,
      String magicLink,
      Instant expiresAt) {
    Instant now = clock.instant();
    jdbc.sql("delete from demo_sign_in_code where expires_at < ?")
        .param(Timestamp.from(now.minus(KEPT_AFTER_EXPIRY)))
        .update();
    jdbc.sql(
            """
            insert into demo_sign_in_code
              (request_id, purpose, contact, code, magic_link, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing
            """)
        .params(
            id,
            purpose.name(),
            contact,
            code,
            magicLink,
            Timestamp.from(now),
            Timestamp.from(expiresAt))
        .update();
  }

  /** The newest codes that are still valid, each with its contact masked. */
  List<DemoSignInCode> valid() {
    return jdbc.sql(
            """
            select purpose, contact, code, magic_link, expires_at from demo_sign_in_code
            where expires_at > ? order by created_at desc, request_id limit ?
            """)
        .params(Timestamp.from(clock.instant()), SHOWN)
        .query(
            (rs, i) ->
                new DemoSignInCode(
                    DemoSignInCode.Purpose.valueOf(rs.getString("purpose")),
                    mask(rs.getString("contact")),
                    rs.getString("code"),
                    rs.getString("magic_link"),
                    rs.getTimestamp("expires_at").toInstant()))
        .list();
  }

  /** All but the last four characters hidden (as the message log masks recipients). */
  static String mask(String contact) {
    int shown = Math.min(4, contact.length() / 2);
    return "•".repeat(Math.min(8, contact.length() - shown))
        + contact.substring(contact.length() - shown);
  }
}
