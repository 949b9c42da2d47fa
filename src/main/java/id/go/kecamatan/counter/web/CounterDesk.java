package id.go.kecamatan.counter.web;

import id.go.kecamatan.application.AssistingOfficer;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.CounterVisit;
import id.go.kecamatan.application.Draft;
import id.go.kecamatan.application.Drafts;
import id.go.kecamatan.counter.Calling;
import id.go.kecamatan.counter.Desks;
import id.go.kecamatan.counter.Priority;
import id.go.kecamatan.counter.Queue;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.counter.Ticket;
import id.go.kecamatan.counter.TicketSource;
import id.go.kecamatan.counter.TicketStatus;
import id.go.kecamatan.counter.Tickets;
import id.go.kecamatan.counter.VisitOutcome;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The front office's queue pages: the overview ({@code /admin/antrean}) with a ticket for a walk-in
 * and the day's tickets, a ticket's page (priority, printing), and a counter's calling page ({@code
 * /admin/antrean/loket/<id>}) with every step of calling.
 */
@Controller
class CounterDesk {

  static final String BASE = "/admin/antrean";

  private final Offices offices;
  private final ServiceGroups groups;
  private final Desks desks;
  private final Queue queue;
  private final Tickets tickets;
  private final Calling calling;
  private final TicketForms forms;
  private final TicketPrints prints;
  private final Drafts drafts;

  CounterDesk(
      Offices offices,
      ServiceGroups groups,
      Desks desks,
      Queue queue,
      Tickets tickets,
      Calling calling,
      TicketForms forms,
      TicketPrints prints,
      Drafts drafts) {
    this.drafts = drafts;
    this.prints = prints;
    this.offices = offices;
    this.groups = groups;
    this.desks = desks;
    this.queue = queue;
    this.tickets = tickets;
    this.calling = calling;
    this.forms = forms;
  }

  @GetMapping(BASE)
  String overview(Model model) {
    return overviewPage(model, TicketForm.empty(), new FieldErrors());
  }

  private String overviewPage(Model model, TicketForm form, FieldErrors errors) {
    UUID officeId = office();
    model.addAttribute("office", offices.get(officeId));
    model.addAttribute("groups", groups.of(officeId));
    model.addAttribute("desks", desks.of(officeId).stream().filter(Desks.Desk::active).toList());
    model.addAttribute("board", queue.board(officeId));
    List<Ticket> today = new java.util.ArrayList<>(queue.today(officeId));
    java.util.Collections.reverse(today);
    model.addAttribute("tickets", today);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("priorities", Priority.CHOSEN.stream().map(Enum::name).toList());
    return "counter/overview";
  }

  /** A ticket for a walk-in at the front office. */
  @PostMapping(BASE + "/tiket")
  String issue(
      TicketForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    UUID officeId = office();
    TicketForms.Checked checked = forms.check(officeId, form, false);
    if (checked.errors().any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return overviewPage(model, form, checked.errors());
    }
    try {
      Tickets.Issued issued = tickets.issue(checked.request(TicketSource.FRONT_OFFICE));
      redirect.addFlashAttribute("notice", "counter.ticket.issued");
      return "redirect:" + BASE + "/tiket/" + issued.id();
    } catch (Tickets.QuotaReached e) {
      checked.errors().reject("group", "counter.error.quota");
    } catch (Tickets.NoNumbersLeft e) {
      checked.errors().reject("group", "counter.error.noNumbers");
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    return overviewPage(model, form, checked.errors());
  }

  @GetMapping(BASE + "/tiket/{id}")
  String ticket(@PathVariable UUID id, Model model) {
    UUID officeId = office();
    Ticket ticket = queue.get(officeId, id).orElseThrow(NotFoundException::new);
    Office office = offices.get(officeId);
    model.addAttribute("office", office);
    model.addAttribute("ticket", ticket);
    model.addAttribute("group", groups.setting(officeId, ticket.groupId()).orElseThrow());
    model.addAttribute("standing", queue.standing(ticket).orElse(null));
    model.addAttribute("statusPath", tickets.statusPath(officeId, ticket.secret()));
    model.addAttribute("priorities", Priority.CHOSEN.stream().map(Enum::name).toList());
    return "counter/ticket";
  }

  @GetMapping(BASE + "/tiket/{id}/cetak.pdf")
  org.springframework.http.ResponseEntity<byte[]> pdf(
      @PathVariable UUID id, @RequestParam(name = "lebar", defaultValue = "58") String width) {
    UUID officeId = office();
    Ticket ticket = queue.get(officeId, id).orElseThrow(NotFoundException::new);
    return prints.pdf(offices.get(officeId), ticket, width);
  }

  @GetMapping(BASE + "/tiket/{id}/escpos")
  org.springframework.http.ResponseEntity<byte[]> escPos(
      @PathVariable UUID id, @RequestParam(name = "lebar", defaultValue = "80") String width) {
    UUID officeId = office();
    Ticket ticket = queue.get(officeId, id).orElseThrow(NotFoundException::new);
    return prints.escPos(offices.get(officeId), ticket, width);
  }

  /** An officer sets (or clears) the priority group of a waiting ticket. */
  @PostMapping(BASE + "/tiket/{id}/prioritas")
  String priority(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String priority,
      RedirectAttributes redirect) {
    UUID officeId = office();
    queue.get(officeId, id).orElseThrow(NotFoundException::new);
    Priority chosen =
        Priority.CHOSEN.stream().filter(p -> p.name().equals(priority)).findFirst().orElse(null);
    if (!priority.isEmpty() && chosen == null) {
      redirect.addFlashAttribute("notice", "counter.error.priority");
    } else {
      redirect.addFlashAttribute(
          "notice",
          tickets.setPriority(officeId, id, chosen)
              ? "counter.ticket.prioritySet"
              : "counter.error.stale");
    }
    return "redirect:" + BASE + "/tiket/" + id;
  }

  // ---- a counter ------------------------------------------------------------------------------

  @GetMapping(BASE + "/loket/{deskId}")
  String desk(@PathVariable UUID deskId, Model model) {
    UUID officeId = office();
    Desks.Desk desk = desk(officeId, deskId);
    model.addAttribute("office", offices.get(officeId));
    model.addAttribute("desk", desk);
    model.addAttribute(
        "desks",
        desks.of(officeId).stream().filter(d -> d.active() && !d.id().equals(deskId)).toList());
    model.addAttribute("groups", groups.of(officeId));
    model.addAttribute("current", calling.atDesk(officeId, deskId).orElse(null));
    model.addAttribute("held", calling.heldAt(officeId, deskId));
    model.addAttribute("waiting", queue.waitingFor(officeId, desk));
    model.addAttribute("outcomes", Arrays.stream(VisitOutcome.values()).map(Enum::name).toList());
    model.addAttribute("services", drafts.assistedServices(officeId, Channel.COUNTER));
    return "counter/desk-calling";
  }

  /**
   * Starts the assisted intake (casework's {@code /admin/loket}) for the resident being served at
   * this counter: the application records the ticket, and the ticket is linked to the application
   * when it is submitted ({@code TicketApplications}).
   */
  @PostMapping(BASE + "/loket/{deskId}/tiket/{ticketId}/permohonan")
  String startApplication(
      @PathVariable UUID deskId,
      @PathVariable UUID ticketId,
      @RequestParam(defaultValue = "") String service,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    UUID officeId = officer.officeId();
    desk(officeId, deskId);
    Ticket ticket =
        calling
            .atDesk(officeId, deskId)
            .filter(t -> t.id().equals(ticketId) && t.status() == TicketStatus.SERVING)
            .orElse(null);
    if (ticket == null) {
      return after(new Calling.Result(null, "counter.error.stale"), deskId, null, redirect);
    }
    boolean offered =
        drafts.assistedServices(officeId, Channel.COUNTER).stream()
            .anyMatch(s -> s.code().equals(service));
    if (!offered) {
      return after(new Calling.Result(null, "counter.error.service"), deskId, null, redirect);
    }
    Draft draft =
        drafts.startAssisted(
            officeId,
            service,
            new AssistingOfficer(officer.staffId(), officer.fullName()),
            new CounterVisit(ticket.id(), ticket.label()));
    return "redirect:/admin/loket/" + draft.id() + "/data";
  }

  @PostMapping(BASE + "/loket/{deskId}/panggil")
  String callNext(@PathVariable UUID deskId, RedirectAttributes redirect) {
    UUID officeId = office();
    desk(officeId, deskId);
    return after(calling.callNext(officeId, deskId), deskId, "counter.called", redirect);
  }

  @PostMapping(BASE + "/loket/{deskId}/tiket/{ticketId}/{step}")
  String step(
      @PathVariable UUID deskId,
      @PathVariable UUID ticketId,
      @PathVariable String step,
      @RequestParam(defaultValue = "") String outcome,
      @RequestParam(defaultValue = "") String target,
      RedirectAttributes redirect) {
    UUID officeId = office();
    desk(officeId, deskId);
    queue.get(officeId, ticketId).orElseThrow(NotFoundException::new);
    Calling.Result result =
        switch (step) {
          case "panggil-ulang" -> calling.recall(officeId, deskId, ticketId);
          case "hadir" -> calling.serve(officeId, deskId, ticketId);
          case "tunda" -> calling.hold(officeId, deskId, ticketId);
          case "lanjut" -> calling.resume(officeId, deskId, ticketId);
          case "tidak-hadir" -> calling.noShow(officeId, deskId, ticketId);
          case "alihkan" -> transfer(officeId, deskId, ticketId, target);
          case "selesai" ->
              calling.finish(
                  officeId,
                  deskId,
                  ticketId,
                  Arrays.stream(VisitOutcome.values())
                      .filter(o -> o.name().equals(outcome))
                      .findFirst()
                      .orElse(null));
          default -> throw new NotFoundException();
        };
    return after(result, deskId, "counter.done." + step, redirect);
  }

  private Calling.Result transfer(UUID officeId, UUID deskId, UUID ticketId, String target) {
    // "loket:<id>" or "kelompok:<id>"
    Optional<UUID> id = uuid(target.contains(":") ? target.substring(target.indexOf(':') + 1) : "");
    if (id.isEmpty()) {
      return new Calling.Result(null, "counter.error.transferTarget");
    }
    return target.startsWith("loket:")
        ? calling.transfer(officeId, deskId, ticketId, id.get(), null)
        : target.startsWith("kelompok:")
            ? calling.transfer(officeId, deskId, ticketId, null, id.get())
            : new Calling.Result(null, "counter.error.transferTarget");
  }

  private static String after(
      Calling.Result result, UUID deskId, String okNotice, RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", result.ok() ? okNotice : result.error());
    if (!result.ok()) {
      redirect.addFlashAttribute("refused", true);
    }
    return "redirect:" + BASE + "/loket/" + deskId;
  }

  private Desks.Desk desk(UUID officeId, UUID deskId) {
    return desks
        .get(officeId, deskId)
        .filter(Desks.Desk::active)
        .orElseThrow(NotFoundException::new);
  }

  static Optional<UUID> uuid(String raw) {
    try {
      return Optional.of(UUID.fromString(raw));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static UUID office() {
    return CurrentOfficer.inOffice().officeId();
  }

  /** Keeps the list type for the template. */
  static List<String> names(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toList();
  }
}
