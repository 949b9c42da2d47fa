package id.go.kecamatan.casework.web;

import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.casework.Casework;
import id.go.kecamatan.casework.Worklist;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.WorkingCalendar;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The worklist {@code /admin/permohonan}: filters in the query string (so a filtered list can be
 * bookmarked and works without JavaScript); a filter value that makes no sense is left out and
 * named in the error summary.
 */
@Controller
class WorklistController {

  private final Worklist worklist;
  private final Casework casework;
  private final Catalog catalog;
  private final Offices offices;
  private final WorkingCalendar calendar;
  private final Clock clock;

  WorklistController(
      Worklist worklist,
      Casework casework,
      Catalog catalog,
      Offices offices,
      WorkingCalendar calendar,
      Clock clock) {
    this.worklist = worklist;
    this.casework = casework;
    this.catalog = catalog;
    this.offices = offices;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The status filter's value for the applications waiting for their second check. */
  static final String SECOND_CHECK = "kedua";

  @GetMapping("/admin/permohonan")
  String list(
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "layanan", required = false) String service,
      @RequestParam(name = "desa", required = false) String village,
      @RequestParam(name = "kanal", required = false) String channel,
      @RequestParam(name = "petugas", required = false) String assignee,
      @RequestParam(name = "tenggat", required = false) String due,
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "setelah", required = false) String after,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    UUID officeId = officer.officeId();
    FieldErrors errors = new FieldErrors();
    // "kedua": in review and waiting for the second check
    boolean secondCheck = SECOND_CHECK.equals(FieldErrors.clean(status));
    ApplicationStatus statusValue =
        secondCheck
            ? ApplicationStatus.IN_REVIEW
            : parse(
                status,
                "status",
                errors,
                s -> ApplicationStatus.valueOf(s.toUpperCase(Locale.ROOT)));
    UUID serviceId = parse(service, "layanan", errors, UUID::fromString);
    if (serviceId != null
        && catalog.allServices(officeId).stream().noneMatch(s -> s.id().equals(serviceId))) {
      errors.reject("layanan", "casework.error.filter");
    }
    UUID villageId = parse(village, "desa", errors, UUID::fromString);
    if (villageId != null && offices.village(officeId, villageId).isEmpty()) {
      errors.reject("desa", "casework.error.filter");
    }
    Channel channelValue =
        parse(channel, "kanal", errors, s -> Channel.valueOf(s.toUpperCase(Locale.ROOT)));
    Worklist.Assignee assigneeValue = Worklist.Assignee.ANY;
    UUID assigneeId = null;
    String a = FieldErrors.clean(assignee);
    if ("saya".equals(a)) {
      assigneeValue = Worklist.Assignee.MINE;
    } else if ("belum".equals(a)) {
      assigneeValue = Worklist.Assignee.UNASSIGNED;
    } else if (a != null) {
      assigneeId = parse(a, "petugas", errors, UUID::fromString);
      assigneeValue = assigneeId == null ? Worklist.Assignee.ANY : Worklist.Assignee.OFFICER;
    }
    Worklist.Due dueValue = Worklist.Due.ANY;
    String d = FieldErrors.clean(due);
    if ("lewat".equals(d)) {
      dueValue = Worklist.Due.OVERDUE;
    } else if ("hari-ini".equals(d)) {
      dueValue = Worklist.Due.TODAY;
    } else if (d != null) {
      errors.reject("tenggat", "casework.error.filter");
    }
    String search = FieldErrors.clean(q);
    if (search != null && search.length() > Worklist.MAX_SEARCH) {
      errors.reject("q", "error.tooLong", Worklist.MAX_SEARCH);
      search = search.substring(0, Worklist.MAX_SEARCH);
    }
    LocalDate afterDeadline = null;
    UUID afterId = null;
    String keyset = FieldErrors.clean(after);
    if (keyset != null) {
      String[] parts = keyset.split("_", 2);
      try {
        afterDeadline = LocalDate.parse(parts[0]);
        afterId = UUID.fromString(parts[1]);
      } catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException e) {
        afterDeadline = null;
        afterId = null;
      }
    }
    Worklist.Filter filter =
        new Worklist.Filter(
            statusValue,
            serviceId,
            villageId,
            channelValue,
            assigneeValue,
            assigneeId,
            dueValue,
            secondCheck,
            search,
            afterDeadline,
            afterId);
    LocalDate today = LocalDate.now(clock);
    Worklist.Result result = worklist.find(officer, filter, today);
    model.addAttribute("result", result);
    String next = null;
    if (result.hasNext()) {
      Worklist.Row last = result.rows().get(result.rows().size() - 1);
      org.springframework.web.util.UriComponentsBuilder link =
          org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/permohonan");
      String[][] keep = {
        {"status", status},
        {"layanan", service},
        {"desa", village},
        {"kanal", channel},
        {"petugas", assignee},
        {"tenggat", due},
        {"q", q}
      };
      for (String[] k : keep) {
        if (FieldErrors.clean(k[1]) != null) {
          link.queryParam(k[0], FieldErrors.clean(k[1]));
        }
      }
      next = link.queryParam("setelah", last.deadline() + "_" + last.id()).encode().toUriString();
    }
    model.addAttribute("next", next);
    model.addAttribute("today", today);
    model.addAttribute("soon", calendar.of(officeId).plus(today, 2));
    model.addAttribute("errors", errors);
    model.addAttribute(
        "given", new WorklistQuery(status, service, village, channel, assignee, due, q));
    model.addAttribute("services", catalog.allServices(officeId));
    model.addAttribute(
        "villages", Worklist.seesWholeOffice(officer) ? offices.villages(officeId) : List.of());
    model.addAttribute(
        "verifiers", officer.has(Role.OFFICE_ADMIN) ? casework.verifiers(officeId) : List.of());
    model.addAttribute("statuses", List.of(ApplicationStatus.values()));
    model.addAttribute("channels", List.of(Channel.values()));
    return "casework/worklist";
  }

  private static <T> T parse(
      String raw, String field, FieldErrors errors, java.util.function.Function<String, T> read) {
    String value = FieldErrors.clean(raw);
    if (value == null) {
      return null;
    }
    try {
      return read.apply(value);
    } catch (IllegalArgumentException e) {
      errors.reject(field, "casework.error.filter");
      return null;
    }
  }
}
