package id.go.kecamatan.counter.web;

import id.go.kecamatan.counter.Queue;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.counter.Ticket;
import id.go.kecamatan.counter.Tickets;
import id.go.kecamatan.counter.internal.EscPos;
import id.go.kecamatan.counter.internal.Slip;
import id.go.kecamatan.counter.internal.TicketPdf;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.PublicAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A ticket printed: the PDF for a thermal roll, or ESC/POS bytes, both in Indonesian. */
@Component
class TicketPrints {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final MessageSource messages;
  private final ServiceGroups groups;
  private final Queue queue;
  private final Tickets tickets;
  private final PublicAddress site;
  private final java.time.Clock clock;

  TicketPrints(
      MessageSource messages,
      ServiceGroups groups,
      Queue queue,
      Tickets tickets,
      PublicAddress site,
      java.time.Clock clock) {
    this.clock = clock;
    this.messages = messages;
    this.groups = groups;
    this.queue = queue;
    this.tickets = tickets;
    this.site = site;
  }

  Slip slip(Office office, Ticket ticket) {
    ServiceGroups.Setting group = groups.setting(office.id(), ticket.groupId()).orElseThrow();
    List<String> notes = new ArrayList<>();
    queue
        .standing(ticket)
        .ifPresent(s -> notes.add(t("counter.print.ahead", s.ahead(), s.minutes())));
    if (ticket.waitOutside()) {
      notes.add(t("counter.print.outside"));
    }
    if (ticket.scheduledAt() != null) {
      notes.add(
          t(
              "counter.print.booked",
              Formats.time(
                  ticket.scheduledAt().atZone(clock.getZone()).toInstant(),
                  clock.getZone(),
                  INDONESIAN)));
    }
    notes.add(t("counter.print.scan"));
    return new Slip(
        office.displayName(),
        t("counter.print.heading"),
        ticket.label(),
        group.name(),
        Formats.dateTime(ticket.issuedAt(), clock.getZone(), INDONESIAN),
        notes,
        site.base() + tickets.statusPath(office.id(), ticket.secret()));
  }

  ResponseEntity<byte[]> pdf(Office office, Ticket ticket, String width) {
    int mm = "80".equals(width) ? 80 : 58;
    return file(
        TicketPdf.render(slip(office, ticket), mm),
        MediaType.APPLICATION_PDF,
        "tiket-" + ticket.label() + "-" + mm + "mm.pdf",
        true);
  }

  ResponseEntity<byte[]> escPos(Office office, Ticket ticket, String width) {
    int mm = "58".equals(width) ? 58 : 80;
    return file(
        EscPos.ticket(slip(office, ticket), mm),
        MediaType.APPLICATION_OCTET_STREAM,
        "tiket-" + ticket.label() + "-" + mm + "mm.bin",
        false);
  }

  private static ResponseEntity<byte[]> file(
      byte[] bytes, MediaType type, String name, boolean inline) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(bytes);
  }

  private String t(String key, Object... args) {
    return messages.getMessage(key, args, INDONESIAN);
  }
}
