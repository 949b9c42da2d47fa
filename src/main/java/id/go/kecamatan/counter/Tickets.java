package id.go.kecamatan.counter;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.office.TimeRange;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues queue tickets (nomor antrean): walk-ins from the kiosk or the front office, and booked
 * appointments checking in. Numbers are unique and consecutive per office, series and day on any
 * number of nodes: the series row ({@code ticket_series}) is moved by an upsert in the transaction
 * that inserts the ticket, and the office's {@code queue_change} row orders the issuing of one
 * office, so the inside limit and the quota are counted exactly (ADR 0025). No {@code MAX + 1}.
 */
@Service
public class Tickets {

  /** The group's number range for today is used up. */
  public static class NoNumbersLeft extends RuntimeException {
    public NoNumbersLeft() {
      super("No ticket numbers left today");
    }
  }

  /** The group's daily quota of walk-in tickets is reached. */
  public static class QuotaReached extends RuntimeException {
    public QuotaReached() {
      super("Daily quota reached");
    }
  }

  /**
   * A kiosk ticket outside the office's opening hours: before opening, in the break, after closing,
   * or on a day the office is closed.
   */
  public static class Closed extends RuntimeException {
    private final transient List<TimeRange> today;

    public Closed(List<TimeRange> today) {
      super("The office is not open now");
      this.today = List.copyOf(today);
    }

    /** The office's open hours of today, empty when it is closed all day. */
    public List<TimeRange> today() {
      return today;
    }
  }

  /** The day a series without a daily reset counts in: one running series. */
  static final LocalDate RUNNING_SERIES = LocalDate.of(2000, 1, 1);

  /**
   * What to issue.
   *
   * @param priority null for a regular ticket
   * @param holderLabel a name or note for staff, may be null
   * @param phone a number for the message near the turn, may be null
   */
  public record Request(
      UUID officeId,
      UUID groupId,
      TicketSource source,
      Priority priority,
      String holderLabel,
      String phone,
      String email,
      String appointmentCode,
      LocalDateTime scheduledAt) {

    public static Request walkIn(
        UUID officeId,
        UUID groupId,
        TicketSource source,
        Priority priority,
        String holderLabel,
        String phone,
        String email) {
      return new Request(
          officeId, groupId, source, priority, holderLabel, phone, email, null, null);
    }
  }

  /** A ticket as issued, with its secret (the resident's link) and whether it waits outside. */
  public record Issued(UUID id, String number, String secret, boolean waitOutside) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Offices offices;
  private final QueueSettings settings;
  private final AuditTrail audit;
  private final OpeningHours hours;
  private final boolean kioskFollowsHours;

  Tickets(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock,
      Offices offices,
      QueueSettings settings,
      AuditTrail audit,
      OpeningHours hours,
      @Value("${layanan.counter.kiosk-follows-opening-hours:true}") boolean kioskFollowsHours) {
    this.audit = audit;
    this.hours = hours;
    this.kioskFollowsHours = kioskFollowsHours;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.offices = offices;
    this.settings = settings;
  }

  /**
   * Checks in a booked appointment: issues, or for an appointment code already checked in today
   * returns again, the ticket of today in that group. The ticket is called at {@code scheduledAt}
   * (before walk-ins once that time has come). It counts toward the inside limit (so it may wait
   * outside) but not toward the group's daily walk-in quota: the seat was booked.
   *
   * @param appointmentCode 1 to 40 characters, unique per office and day
   * @param holderLabel shown to staff, at most 120 characters, may be null
   * @throws IllegalArgumentException the group is not an active group of this office, or bad
   *     arguments
   * @throws NoNumbersLeft the group's number range for today is used up
   */
  public IssuedTicket issueForAppointment(
      UUID officeId,
      UUID serviceGroupId,
      String appointmentCode,
      LocalDateTime scheduledAt,
      boolean priority,
      String holderLabel) {
    if (appointmentCode == null
        || appointmentCode.isBlank()
        || appointmentCode.length() > 40
        || scheduledAt == null
        || (holderLabel != null && holderLabel.length() > 120)) {
      throw new IllegalArgumentException("Bad appointment check-in");
    }
    Issued issued =
        issue(
            new Request(
                officeId,
                serviceGroupId,
                TicketSource.APPOINTMENT,
                priority ? Priority.BOOKED : null,
                holderLabel,
                null,
                null,
                appointmentCode.strip(),
                scheduledAt));
    return new IssuedTicket(issued.id(), issued.number(), statusPath(officeId, issued.secret()));
  }

  /** The resident's page of a ticket. */
  public String statusPath(UUID officeId, String secret) {
    return "/kecamatan/" + offices.get(officeId).slug() + "/antrean/tiket/" + secret;
  }

  /**
   * Issues a ticket in one transaction.
   *
   * @throws IllegalArgumentException the group is not an active group of this office
   * @throws Closed a kiosk ticket outside the office's opening hours (when the kiosk follows them)
   * @throws QuotaReached a walk-in past the group's daily quota
   * @throws NoNumbersLeft the number range for today is used up
   */
  public Issued issue(Request request) {
    if (request.source() == TicketSource.KIOSK && kioskFollowsHours) {
      LocalDateTime now = LocalDateTime.now(clock);
      List<TimeRange> today = hours.on(request.officeId(), now.toLocalDate());
      if (today.stream().noneMatch(r -> r.contains(now.toLocalTime()))) {
        throw new Closed(today);
      }
    }
    return transactions.execute(status -> issueInTransaction(request));
  }

  private Issued issueInTransaction(Request request) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    UUID officeId = request.officeId();
    // the office's lock: issuing in one office happens one at a time, on every node
    QueueChanges.bump(jdbc, officeId, now);
    if (request.appointmentCode() != null) {
      Optional<Issued> again =
          jdbc.sql(
                  """
                  select id, label, secret, wait_outside from ticket
                  where office_id = ? and day = ? and appointment_code = ?
                  """)
              .params(officeId, today, request.appointmentCode())
              .query(
                  (rs, i) ->
                      new Issued(
                          rs.getObject(1, UUID.class),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getBoolean(4)))
              .optional();
      if (again.isPresent()) {
        return again.get();
      }
    }
    ServiceGroups.Setting group =
        jdbc.sql(
                """
                select id, prefix, name, first_number, last_number, daily_reset, daily_quota,
                  minutes_per_ticket, active, version
                from service_group where id = ? and office_id = ? and active
                """)
            .params(request.groupId(), officeId)
            .query(
                (rs, i) ->
                    new ServiceGroups.Setting(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getBoolean(6),
                        rs.getObject(7, Integer.class),
                        rs.getInt(8),
                        rs.getBoolean(9),
                        rs.getInt(10)))
            .optional()
            .orElseThrow(() -> new IllegalArgumentException("Not a service group of this office"));
    if (request.source() != TicketSource.APPOINTMENT && group.dailyQuota() != null) {
      long walkIns =
          jdbc.sql(
                  "select count(*) from ticket where group_id = ? and day = ? and source <> 'APPOINTMENT'")
              .params(group.id(), today)
              .query(Long.class)
              .single();
      if (walkIns >= group.dailyQuota()) {
        throw new QuotaReached();
      }
    }
    int number = nextNumber(group, today);
    QueueSettings.Settings rules = settings.of(officeId);
    boolean waitOutside = false;
    if (rules.maxInside() != null) {
      long inside =
          jdbc.sql(
                  """
                  select count(*) from ticket where office_id = ? and day = ? and not wait_outside
                  and status in ('WAITING', 'CALLED', 'SERVING', 'ON_HOLD')
                  """)
              .params(officeId, today)
              .query(Long.class)
              .single();
      waitOutside = inside >= rules.maxInside();
    }
    UUID id = UUID.randomUUID();
    String label = label(group.prefix(), number, group.lastNumber());
    String secret = secret();
    jdbc.sql(
            """
            insert into ticket (id, office_id, group_id, day, number, label, secret, source,
              appointment_code, scheduled_at, priority, holder_label, contact_phone, contact_email,
              wait_outside, status, issued_at, queued_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?)
            """)
        .params(
            id,
            officeId,
            group.id(),
            today,
            number,
            label,
            secret,
            request.source().name(),
            request.appointmentCode(),
            request.scheduledAt(),
            request.priority() == null ? null : request.priority().name(),
            request.holderLabel(),
            request.phone(),
            request.email(),
            waitOutside,
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
    java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("label", label);
    details.put("source", request.source().name());
    details.put("priority", request.priority() == null ? "-" : request.priority().name());
    details.put("waitOutside", waitOutside);
    audit.record(officeId, "counter.ticket.issued", "ticket", id, details);
    return new Issued(id, label, secret, waitOutside);
  }

  /**
   * The next number of the group's series: the series row moved by one upsert, wrapping from the
   * last number to the first in a running series; a number already given today means the range is
   * used up.
   */
  private int nextNumber(ServiceGroups.Setting group, LocalDate today) {
    LocalDate seriesDay = group.dailyReset() ? today : RUNNING_SERIES;
    Optional<Integer> next =
        jdbc.sql(
                """
                insert into ticket_series (group_id, series_day, last_number) values (?, ?, ?)
                on conflict (group_id, series_day) do update set last_number =
                  case when ticket_series.last_number >= ? then ? else ticket_series.last_number + 1 end
                where ? or ticket_series.last_number < ?
                returning last_number
                """)
            .params(
                group.id(),
                seriesDay,
                group.firstNumber(),
                group.lastNumber(),
                group.firstNumber(),
                !group.dailyReset(),
                group.lastNumber())
            .query(Integer.class)
            .optional();
    if (next.isEmpty()) {
      throw new NoNumbersLeft();
    }
    int number = Math.max(next.get(), group.firstNumber());
    boolean given =
        jdbc.sql("select count(*) from ticket where group_id = ? and day = ? and number = ?")
                .params(group.id(), today, number)
                .query(Long.class)
                .single()
            > 0;
    if (given) {
      throw new NoNumbersLeft();
    }
    return number;
  }

  /**
   * Sets or clears ({@code priority} null) the priority group of a waiting ticket of this office;
   * false when it is not waiting (any more).
   */
  public boolean setPriority(UUID officeId, UUID ticketId, Priority priority) {
    return Boolean.TRUE.equals(
        transactions.execute(
            status -> {
              QueueChanges.bump(jdbc, officeId, clock.instant());
              boolean set =
                  jdbc.sql(
                              """
                              update ticket set priority = ?, version = version + 1
                              where id = ? and office_id = ? and status = 'WAITING' and day = ?
                                and scheduled_at is null
                              """)
                          .params(
                              priority == null ? null : priority.name(),
                              ticketId,
                              officeId,
                              LocalDate.now(clock))
                          .update()
                      > 0;
              if (set) {
                audit.record(
                    officeId,
                    "counter.ticket.priority",
                    "ticket",
                    ticketId,
                    java.util.Map.of("priority", priority == null ? "-" : priority.name()));
              }
              return set;
            }));
  }

  /** {@code A-007}; four digits when the range goes past 999. */
  static String label(String prefix, int number, int lastNumber) {
    return prefix + "-" + String.format(lastNumber > 999 ? "%04d" : "%03d", number);
  }

  private static String secret() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
