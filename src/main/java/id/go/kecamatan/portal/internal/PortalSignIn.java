package id.go.kecamatan.portal.internal;

import id.go.kecamatan.application.ResidentApplications;
import id.go.kecamatan.portal.OneTimeCodeRequested;
import id.go.kecamatan.portal.OneTimeCodeRequested.ContactChannel;
import id.go.kecamatan.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time codes of the resident portal. A request is stored for every contact asked for, known
 * or not, so that the answer and the work look the same; the code is sent (an {@link
 * OneTimeCodeRequested} event) only when the contact has applications. A code is 6 digits, valid
 * {@value #VALID_MINUTES} minutes, used once, and stored only as a hash bound to the request id,
 * which lives in the asking browser's session: another browser has no request to check it against.
 * After {@value #MAX_WRONG} wrong codes the request's code is locked; the e-mail's magic link, a
 * secret of its own too long to guess, still works, so a resident who mistyped the code can follow
 * the link in the same message.
 */
@Service
public class PortalSignIn {

  static final int VALID_MINUTES = 10;
  static final int MAX_WRONG = 5;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final ResidentApplications residents;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PortalSignIn(
      JdbcClient jdbc,
      ResidentApplications residents,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.events = events;
    this.clock = clock;
  }

  /** What became of a code or a magic link. */
  public enum Result {
    SIGNED_IN,
    /** A wrong code, with tries left. */
    WRONG,
    EXPIRED,
    USED,
    /**
     * The request took {@value PortalSignIn#MAX_WRONG} wrong codes: the last wrong one and every
     * code after it, even the right one.
     */
    LOCKED,
    /** No request of this browser matches (another browser's link, or the session expired). */
    UNKNOWN
  }

  /**
   * The outcome of a check.
   *
   * @param contact the signed-in contact when {@code SIGNED_IN}, otherwise null
   * @param triesLeft wrong codes still allowed, when {@code WRONG}
   */
  public record Verification(Result result, String contact, int triesLeft) {}

  /**
   * Stores a sign-in request for the contact and, when it has applications, publishes the code.
   *
   * @param linkBase the absolute address the magic link's token is appended to
   * @return the request id, to keep in the browser's session
   */
  @Transactional
  public UUID request(Contact contact, String linkBase) {
    UUID id = UUID.randomUUID();
    String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
    String token = contact.channel() == ContactChannel.EMAIL ? token() : null;
    Instant now = clock.instant();
    Instant expiresAt = now.plus(Duration.ofMinutes(VALID_MINUTES));
    jdbc.sql(
            """
            insert into portal_code_request
              (id, contact, code_hash, link_hash, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            contact.value(),
            hash(id, code),
            token == null ? null : hash(id, token),
            Timestamp.from(now),
            Timestamp.from(expiresAt))
        .update();
    residents
        .latestOffice(contact.value())
        .ifPresent(
            office ->
                events.publishEvent(
                    new OneTimeCodeRequested(
                        contact.value(),
                        contact.channel(),
                        code,
                        office,
                        expiresAt,
                        id,
                        token == null ? null : linkBase + token)));
    return id;
  }

  /** Checks a typed code against this browser's request; a right code is used up. */
  @Transactional
  public Verification verifyCode(UUID requestId, String code) {
    Optional<Row> found = lock(requestId);
    if (found.isEmpty()) {
      return new Verification(Result.UNKNOWN, null, 0);
    }
    Row row = found.get();
    if (row.usedAt() != null) {
      return new Verification(Result.USED, null, 0);
    }
    if (row.attempts() >= MAX_WRONG) {
      return new Verification(Result.LOCKED, null, 0);
    }
    if (!clock.instant().isBefore(row.expiresAt())) {
      return new Verification(Result.EXPIRED, null, 0);
    }
    if (code != null
        && code.matches("[0-9]{6}")
        && MessageDigest.isEqual(
            hash(requestId, code).getBytes(StandardCharsets.US_ASCII),
            row.codeHash().getBytes(StandardCharsets.US_ASCII))) {
      return use(requestId, row);
    }
    jdbc.sql("update portal_code_request set attempts = attempts + 1 where id = ?")
        .param(requestId)
        .update();
    int triesLeft = MAX_WRONG - row.attempts() - 1;
    // "0 tries left" would leave the resident guessing; the fifth wrong code already locks
    return triesLeft > 0
        ? new Verification(Result.WRONG, null, triesLeft)
        : new Verification(Result.LOCKED, null, 0);
  }

  /** Checks a magic link's token against this browser's request; a right one is used up. */
  @Transactional
  public Verification verifyLink(UUID requestId, String token) {
    Optional<Row> found = lock(requestId);
    if (found.isEmpty()
        || found.get().linkHash() == null
        || token == null
        || token.length() > 100
        || !MessageDigest.isEqual(
            hash(requestId, token).getBytes(StandardCharsets.US_ASCII),
            found.get().linkHash().getBytes(StandardCharsets.US_ASCII))) {
      return new Verification(Result.UNKNOWN, null, 0);
    }
    Row row = found.get();
    if (row.usedAt() != null) {
      return new Verification(Result.USED, null, 0);
    }
    if (!clock.instant().isBefore(row.expiresAt())) {
      return new Verification(Result.EXPIRED, null, 0);
    }
    return use(requestId, row);
  }

  /**
   * Deletes up to {@code limit} requests that expired before {@code before}, oldest first; rows
   * another transaction holds (a check in progress) are skipped. A used code counts from its
   * expiry, at most {@value #VALID_MINUTES} minutes after its use, so that one index serves.
   *
   * @return how many were deleted; fewer than {@code limit} when no more are due
   */
  public int deleteExpiredBefore(Instant before, int limit) {
    return jdbc.sql(
            """
            delete from portal_code_request where id in (
              select id from portal_code_request where expires_at < ?
              order by expires_at limit ? for update skip locked)
            """)
        .params(Timestamp.from(before), limit)
        .update();
  }

  private Verification use(UUID requestId, Row row) {
    jdbc.sql("update portal_code_request set used_at = ? where id = ?")
        .params(Timestamp.from(clock.instant()), requestId)
        .update();
    return new Verification(Result.SIGNED_IN, row.contact(), 0);
  }

  private record Row(
      String contact,
      String codeHash,
      String linkHash,
      Instant expiresAt,
      int attempts,
      Instant usedAt) {}

  private Optional<Row> lock(UUID requestId) {
    if (requestId == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select contact, code_hash, link_hash, expires_at, attempts, used_at
            from portal_code_request where id = ? for update
            """)
        .param(requestId)
        .query(
            (rs, i) ->
                new Row(
                    rs.getString("contact"),
                    rs.getString("code_hash"),
                    rs.getString("link_hash"),
                    rs.getTimestamp("expires_at").toInstant(),
                    rs.getInt("attempts"),
                    rs.getTimestamp("used_at") == null
                        ? null
                        : rs.getTimestamp("used_at").toInstant()))
        .optional();
  }

  private static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(UUID requestId, String secret) {
    return Sha256.hex(requestId + ":" + secret);
  }
}
