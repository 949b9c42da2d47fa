package id.go.kecamatan.counter.web;

import id.go.kecamatan.content.Announcements;
import id.go.kecamatan.counter.Kiosks;
import id.go.kecamatan.counter.Priority;
import id.go.kecamatan.counter.Queue;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.counter.Ticket;
import id.go.kecamatan.counter.TicketSource;
import id.go.kecamatan.counter.TicketStatus;
import id.go.kecamatan.counter.Tickets;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.TimeRange;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.PublicAddress;
import id.go.kecamatan.shared.web.QrCode;
import id.go.kecamatan.shared.web.RateLimit;
import id.go.kecamatan.shared.web.RateLimits;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The queue's public pages of an office: the kiosk ({@code /kecamatan/<slug>/antrean/ambil}), a
 * ticket's page from its QR (position, estimated wait, refreshing itself), its print files, and the
 * display board for a TV ({@code .../antrean/layar}) with its live stream.
 */
@Controller
class QueuePages {

  /** The kiosk device's cookie: its secret token. */
  static final String KIOSK_COOKIE = "anjungan";

  private final Offices offices;
  private final ServiceGroups groups;
  private final Queue queue;
  private final Tickets tickets;
  private final Kiosks kiosks;
  private final TicketForms forms;
  private final TicketPrints prints;
  private final BoardEvents boards;
  private final PublicAddress site;
  private final Announcements announcements;
  private final RateLimit perDevice;
  private final RateLimit pairing;

  QueuePages(
      Offices offices,
      ServiceGroups groups,
      Queue queue,
      Tickets tickets,
      Kiosks kiosks,
      TicketForms forms,
      TicketPrints prints,
      BoardEvents boards,
      PublicAddress site,
      Announcements announcements,
      RateLimits limits) {
    this.announcements = announcements;
    this.offices = offices;
    this.groups = groups;
    this.queue = queue;
    this.tickets = tickets;
    this.kiosks = kiosks;
    this.forms = forms;
    this.prints = prints;
    this.boards = boards;
    this.site = site;
    // a ticket every two seconds on one device is far more than people queueing at it; a busy
    // office has its own limit per device, not one shared behind its NAT address
    this.perDevice = limits.perMinute("counter.kiosk.device", 30);
    this.pairing = limits.limit("counter.kiosk.pairing", 10, Duration.ofMinutes(15));
  }

  // ---- the kiosk ------------------------------------------------------------------------------

  @GetMapping("/kecamatan/{slug}/antrean/ambil")
  String kiosk(@PathVariable String slug, HttpServletRequest request, Model model) {
    Office office = office(slug);
    if (device(office, request).isEmpty()) {
      return pairingPage(model, office, new FieldErrors());
    }
    return kioskPage(model, office, TicketForm.empty(), new FieldErrors());
  }

  private String kioskPage(Model model, Office office, TicketForm form, FieldErrors errors) {
    model.addAttribute("office", office);
    model.addAttribute("groups", groups.of(office.id()));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("priorities", Priority.CHOSEN.stream().map(Enum::name).toList());
    return "counter/kiosk";
  }

  private String pairingPage(Model model, Office office, FieldErrors errors) {
    model.addAttribute("office", office);
    model.addAttribute("errors", errors);
    return "counter/kiosk-pairing";
  }

  @PostMapping("/kecamatan/{slug}/antrean/anjungan")
  String pair(
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Office office = office(slug);
    FieldErrors errors = new FieldErrors();
    long wait = pairing.take(request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
      errors.reject("code", "counter.error.pairingLimit", Math.max(1, wait / 60));
      return pairingPage(model, office, errors);
    }
    Optional<String> token = kiosks.pair(office.id(), code);
    if (token.isEmpty()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      errors.reject("code", "counter.error.pairingCode");
      return pairingPage(model, office, errors);
    }
    pairing.giveBack(request.getRemoteAddr());
    response.addHeader(
        HttpHeaders.SET_COOKIE,
        ResponseCookie.from(KIOSK_COOKIE, token.get())
            .path("/kecamatan/" + office.slug() + "/antrean")
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .maxAge(Duration.ofDays(400))
            .build()
            .toString());
    return "redirect:/kecamatan/" + office.slug() + "/antrean/ambil";
  }

  @PostMapping("/kecamatan/{slug}/antrean/ambil")
  String take(
      @PathVariable String slug,
      TicketForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Office office = office(slug);
    Optional<UUID> device = device(office, request);
    if (device.isEmpty()) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      return pairingPage(model, office, new FieldErrors());
    }
    long wait = perDevice.take(device.get().toString());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
      return kioskPage(
          model, office, form, new FieldErrors().reject("group", "counter.error.kioskLimit", wait));
    }
    TicketForms.Checked checked = forms.check(office.id(), form, true);
    if (!checked.errors().any()) {
      try {
        Tickets.Issued issued = tickets.issue(checked.request(TicketSource.KIOSK));
        return "redirect:" + tickets.statusPath(office.id(), issued.secret()) + "?baru";
      } catch (Tickets.Closed e) {
        if (e.today().isEmpty()) {
          checked.errors().reject("group", "counter.error.closedToday");
        } else {
          checked.errors().reject("group", "counter.error.closed", hours(e.today()));
        }
      } catch (Tickets.QuotaReached e) {
        checked.errors().reject("group", "counter.error.quota");
      } catch (Tickets.NoNumbersLeft e) {
        checked.errors().reject("group", "counter.error.noNumbers");
      }
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    return kioskPage(model, office, form, checked.errors());
  }

  /** {@code 08.00–12.00, 13.00–15.00}. */
  static String hours(java.util.List<TimeRange> ranges) {
    java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH.mm");
    return ranges.stream()
        .map(r -> hhmm.format(r.start()) + "–" + hhmm.format(r.end()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private Optional<UUID> device(Office office, HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie c : cookies) {
      if (KIOSK_COOKIE.equals(c.getName())) {
        Optional<UUID> device = kiosks.device(office.id(), c.getValue());
        if (device.isPresent()) {
          return device;
        }
      }
    }
    return Optional.empty();
  }

  // ---- a ticket's page ------------------------------------------------------------------------

  @GetMapping("/kecamatan/{slug}/antrean/tiket/{secret}")
  String ticket(
      @PathVariable String slug,
      @PathVariable String secret,
      @RequestParam(name = "baru", required = false) String fresh,
      HttpServletRequest request,
      Model model) {
    Office office = office(slug);
    Ticket ticket = ticket(office, secret);
    String url = site.base() + tickets.statusPath(office.id(), ticket.secret());
    model.addAttribute("office", office);
    model.addAttribute("ticket", ticket);
    model.addAttribute("group", groups.setting(office.id(), ticket.groupId()).orElseThrow());
    model.addAttribute("standing", queue.standing(ticket).orElse(null));
    model.addAttribute("fresh", fresh != null);
    model.addAttribute("kiosk", device(office, request).isPresent());
    model.addAttribute("qr", QrCode.svg(url, ticket.label()));
    model.addAttribute("live", ticket.status().active());
    model.addAttribute(
        "desk",
        ticket.status() == TicketStatus.CALLED || ticket.status() == TicketStatus.SERVING
            ? queue.board(office.id()).current().stream()
                .filter(c -> c.label().equals(ticket.label()))
                .findFirst()
                .orElse(null)
            : null);
    return "counter/resident-ticket";
  }

  @GetMapping("/kecamatan/{slug}/antrean/tiket/{secret}/cetak.pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String slug,
      @PathVariable String secret,
      @RequestParam(name = "lebar", defaultValue = "58") String width) {
    Office office = office(slug);
    return prints.pdf(office, ticket(office, secret), width);
  }

  @GetMapping("/kecamatan/{slug}/antrean/tiket/{secret}/escpos")
  ResponseEntity<byte[]> escPos(
      @PathVariable String slug,
      @PathVariable String secret,
      @RequestParam(name = "lebar", defaultValue = "80") String width) {
    Office office = office(slug);
    return prints.escPos(office, ticket(office, secret), width);
  }

  private Ticket ticket(Office office, String secret) {
    return queue
        .bySecret(secret)
        .filter(t -> t.officeId().equals(office.id()))
        .orElseThrow(NotFoundException::new);
  }

  // ---- the display board ----------------------------------------------------------------------

  @GetMapping("/kecamatan/{slug}/antrean/layar")
  String board(@PathVariable String slug, Model model) {
    Office office = office(slug);
    model.addAttribute("office", office);
    model.addAttribute("board", queue.board(office.id()));
    model.addAttribute("ticker", announcements.ticker(office.regencyId(), office.id()));
    return "counter/board";
  }

  @GetMapping(path = "/kecamatan/{slug}/antrean/layar/langsung", produces = "text/event-stream")
  SseEmitter live(@PathVariable String slug, HttpServletResponse response) throws IOException {
    Office office = office(slug);
    response.setHeader("X-Accel-Buffering", "no");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    return boards.open(office.id());
  }

  private Office office(String slug) {
    return offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
  }
}
