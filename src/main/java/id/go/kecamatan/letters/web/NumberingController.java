package id.go.kecamatan.letters.web;

import id.go.kecamatan.letters.internal.numbering.AgendaBook;
import id.go.kecamatan.letters.internal.numbering.LetterNumberFormat;
import id.go.kecamatan.letters.internal.numbering.LetterNumberingService;
import id.go.kecamatan.letters.internal.numbering.NumberingScope;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office administrator's letter numbering page at {@code /admin/surat/penomoran}: the number
 * format with a server-side preview, the sequence scope, this year's counters and the agenda book.
 */
@Controller
class NumberingController {

  private static final String BASE = "/admin/surat/penomoran";

  private final LetterNumberingService numbering;
  private final AgendaBook agenda;
  private final Clock clock;

  NumberingController(LetterNumberingService numbering, AgendaBook agenda, Clock clock) {
    this.numbering = numbering;
    this.agenda = agenda;
    this.clock = clock;
  }

  /** The settings form as typed. */
  private record SettingForm(String format, String scope) {}

  /** The agenda book form as typed. */
  private record ReservationForm(String scopeKey, String year, String number, String note) {}

  @GetMapping(BASE)
  String page(Model model) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    LetterNumberingService.Setting setting = numbering.setting(officeId);
    return page(
        model,
        new SettingForm(setting.format(), setting.scope().name()),
        new FieldErrors(),
        numbering.example(officeId, setting.parsed()),
        emptyReservation(),
        new FieldErrors());
  }

  /** Saves the settings, or with {@code pratinjau} only shows the typed format's example. */
  @PostMapping(BASE)
  String save(
      @RequestParam(defaultValue = "") String format,
      @RequestParam(defaultValue = "") String scope,
      @RequestParam(name = "pratinjau", required = false) String preview,
      Model model,
      RedirectAttributes redirect) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    SettingForm form = new SettingForm(format, scope);
    if (preview != null) {
      FieldErrors errors = numbering.check(officeId, format, scope);
      LetterNumberFormat.Parsed parsed = LetterNumberFormat.parse(format);
      String example =
          parsed.format() == null ? null : numbering.example(officeId, parsed.format());
      return page(model, form, errors, example, emptyReservation(), new FieldErrors());
    }
    Outcome<LetterNumberingService.Setting> outcome = numbering.save(officeId, format, scope);
    if (!outcome.ok()) {
      return page(model, form, outcome.errors(), null, emptyReservation(), new FieldErrors());
    }
    redirect.addFlashAttribute("notice", "numbering.saved");
    return "redirect:" + BASE;
  }

  @PostMapping(BASE + "/agenda")
  String reserve(
      @RequestParam(defaultValue = "") String scopeKey,
      @RequestParam(defaultValue = "") String year,
      @RequestParam(defaultValue = "") String number,
      @RequestParam(defaultValue = "") String note,
      Model model,
      RedirectAttributes redirect) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    Outcome<AgendaBook.Reservation> outcome =
        agenda.reserve(officeId, scopeKey, year, number, note);
    if (!outcome.ok()) {
      LetterNumberingService.Setting setting = numbering.setting(officeId);
      return page(
          model,
          new SettingForm(setting.format(), setting.scope().name()),
          new FieldErrors(),
          numbering.example(officeId, setting.parsed()),
          new ReservationForm(scopeKey, year, number, note),
          outcome.errors());
    }
    redirect.addFlashAttribute("notice", "numbering.reserved");
    return "redirect:" + BASE + "#agenda";
  }

  @PostMapping(BASE + "/agenda/{id}/hapus")
  String unreserve(@PathVariable UUID id, RedirectAttributes redirect) {
    Outcome<AgendaBook.Reservation> outcome =
        agenda.unreserve(CurrentOfficer.inOffice().officeId(), id);
    redirect.addFlashAttribute(
        "notice", outcome.ok() ? "numbering.unreserved" : "numbering.notRemoved");
    return "redirect:" + BASE + "#agenda";
  }

  private ReservationForm emptyReservation() {
    return new ReservationForm("", String.valueOf(LocalDate.now(clock).getYear()), "", "");
  }

  private String page(
      Model model,
      SettingForm form,
      FieldErrors errors,
      String example,
      ReservationForm reservation,
      FieldErrors reservationErrors) {
    UUID officeId = CurrentOfficer.inOffice().officeId();
    int year = LocalDate.now(clock).getYear();
    model.addAttribute("format", form.format());
    model.addAttribute("scope", form.scope());
    model.addAttribute("errors", errors);
    model.addAttribute("example", example);
    model.addAttribute("tokens", LetterNumberFormat.Token.values());
    model.addAttribute("scopes", NumberingScope.values());
    model.addAttribute("current", numbering.setting(officeId));
    model.addAttribute("year", year);
    model.addAttribute("counters", numbering.preview(officeId, year));
    // every sequence restarts on 1 January: last year's last numbers beside the new counters
    model.addAttribute(
        "lastYear",
        numbering.preview(officeId, year - 1).stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    c -> c.scope().key(), LetterNumberingService.Counter::last)));
    model.addAttribute("scopeKeys", numbering.scopeKeys(officeId));
    model.addAttribute("reservations", agenda.reservations(officeId));
    model.addAttribute("scopeKey", reservation.scopeKey());
    model.addAttribute("reservationYear", reservation.year());
    model.addAttribute("number", reservation.number());
    model.addAttribute("note", reservation.note());
    model.addAttribute("reservationErrors", reservationErrors);
    return "letters/numbering/page";
  }
}
