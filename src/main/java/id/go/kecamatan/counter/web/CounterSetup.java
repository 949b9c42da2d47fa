package id.go.kecamatan.counter.web;

import id.go.kecamatan.counter.Desks;
import id.go.kecamatan.counter.Kiosks;
import id.go.kecamatan.counter.QueueSettings;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office administrator's set-up of the queue ({@code /admin/antrean/pengaturan}): the rules
 * (inside limit, call-again gap, fairness cap, lansia age, message ahead), the service groups with
 * their ticket series, the counters and the groups each serves, and the kiosk devices.
 */
@Controller
class CounterSetup {

  static final String BASE = "/admin/antrean/pengaturan";

  private final ServiceGroups groups;
  private final Desks desks;
  private final QueueSettings settings;
  private final Kiosks kiosks;

  CounterSetup(ServiceGroups groups, Desks desks, QueueSettings settings, Kiosks kiosks) {
    this.groups = groups;
    this.desks = desks;
    this.settings = settings;
    this.kiosks = kiosks;
  }

  @GetMapping(BASE)
  String show(Model model) {
    QueueSettings.Settings s = settings.of(office());
    return page(
        model,
        new SettingsForm(
            s.maxInside() == null ? "" : String.valueOf(s.maxInside()),
            String.valueOf(s.recallSeconds()),
            String.valueOf(s.priorityStreak()),
            String.valueOf(s.lansiaAge()),
            String.valueOf(s.notifyAhead())),
        new FieldErrors());
  }

  @PostMapping(BASE)
  String saveSettings(@ModelAttribute SettingsForm form, Model model, RedirectAttributes redirect) {
    FieldErrors errors =
        settings.save(
            office(),
            form.maxInside(),
            form.recallSeconds(),
            form.priorityStreak(),
            form.lansiaAge(),
            form.notifyAhead());
    if (errors.any()) {
      return page(model, form, errors);
    }
    redirect.addFlashAttribute("notice", "counter.setup.saved");
    return "redirect:" + BASE;
  }

  private String page(Model model, SettingsForm form, FieldErrors errors) {
    UUID officeId = office();
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("groups", groups.settings(officeId));
    model.addAttribute("desks", desks.of(officeId));
    model.addAttribute("kiosks", kiosks.of(officeId));
    return "counter/setup";
  }

  // ---- service groups -------------------------------------------------------------------------

  @GetMapping(BASE + "/kelompok/baru")
  String newGroup(Model model) {
    return groupPage(model, null, ServiceGroups.Form.empty(), new FieldErrors());
  }

  @GetMapping(BASE + "/kelompok/{id}")
  String editGroup(@PathVariable UUID id, Model model) {
    ServiceGroups.Setting s = groups.setting(office(), id).orElseThrow(NotFoundException::new);
    return groupPage(model, id, ServiceGroups.Form.of(s), new FieldErrors());
  }

  @PostMapping({BASE + "/kelompok/baru", BASE + "/kelompok/{id}"})
  String saveGroup(
      @PathVariable(required = false) UUID id,
      @ModelAttribute ServiceGroups.Form form,
      Model model,
      RedirectAttributes redirect) {
    if (id != null) {
      groups.setting(office(), id).orElseThrow(NotFoundException::new);
    }
    Outcome<UUID> saved = groups.save(office(), id, form);
    if (!saved.ok()) {
      return groupPage(model, id, form, saved.errors());
    }
    redirect.addFlashAttribute("notice", "counter.setup.groupSaved");
    return "redirect:" + BASE;
  }

  private String groupPage(Model model, UUID id, ServiceGroups.Form form, FieldErrors errors) {
    model.addAttribute("id", id);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "counter/group";
  }

  // ---- counters -------------------------------------------------------------------------------

  @GetMapping(BASE + "/loket/baru")
  String newDesk(Model model) {
    int next = desks.of(office()).stream().mapToInt(Desks.Desk::number).max().orElse(0) + 1;
    return deskPage(
        model,
        null,
        new DeskForm(String.valueOf(next), "Loket " + next, List.of(), "true"),
        new FieldErrors());
  }

  @GetMapping(BASE + "/loket/{id}")
  String editDesk(@PathVariable UUID id, Model model) {
    Desks.Desk d = desks.get(office(), id).orElseThrow(NotFoundException::new);
    return deskPage(
        model,
        id,
        new DeskForm(
            String.valueOf(d.number()),
            d.name(),
            d.groupIds().stream().map(UUID::toString).toList(),
            String.valueOf(d.active())),
        new FieldErrors());
  }

  @PostMapping({BASE + "/loket/baru", BASE + "/loket/{id}"})
  String saveDesk(
      @PathVariable(required = false) UUID id,
      @RequestParam(defaultValue = "") String number,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(name = "groups", required = false) List<String> chosen,
      @RequestParam(defaultValue = "true") String active,
      Model model,
      RedirectAttributes redirect) {
    if (id != null) {
      desks.get(office(), id).orElseThrow(NotFoundException::new);
    }
    List<String> picked = chosen == null ? List.of() : chosen;
    Outcome<UUID> saved = desks.save(office(), id, number, name, picked, active);
    if (!saved.ok()) {
      return deskPage(model, id, new DeskForm(number, name, picked, active), saved.errors());
    }
    redirect.addFlashAttribute("notice", "counter.setup.deskSaved");
    return "redirect:" + BASE;
  }

  private String deskPage(Model model, UUID id, DeskForm form, FieldErrors errors) {
    model.addAttribute("id", id);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("groups", groups.settings(office()));
    return "counter/desk";
  }

  // ---- kiosk devices --------------------------------------------------------------------------

  @PostMapping(BASE + "/anjungan")
  String addKiosk(@RequestParam(defaultValue = "") String name, Model model) {
    Outcome<id.go.kecamatan.office.Devices.Added> added = kiosks.add(office(), name);
    if (!added.ok()) {
      QueueSettings.Settings s = settings.of(office());
      model.addAttribute("kioskErrors", added.errors());
      model.addAttribute("kioskName", name);
      return show(model);
    }
    model.addAttribute("pairing", added.value());
    model.addAttribute("name", FieldErrors.clean(name));
    return "counter/kiosk-code";
  }

  @PostMapping(BASE + "/anjungan/{id}/cabut")
  String revokeKiosk(@PathVariable UUID id, RedirectAttributes redirect) {
    if (!kiosks.revoke(office(), id)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("notice", "counter.kiosk.revoked");
    return "redirect:" + BASE;
  }

  private static UUID office() {
    return CurrentOfficer.inOffice().officeId();
  }
}
