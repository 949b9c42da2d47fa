package id.go.kecamatan.complaints.web;

import id.go.kecamatan.complaints.Channel;
import id.go.kecamatan.complaints.ComplaintCategories;
import id.go.kecamatan.complaints.Complaints;
import id.go.kecamatan.complaints.Filed;
import id.go.kecamatan.complaints.FilingForm;
import id.go.kecamatan.complaints.Kind;
import id.go.kecamatan.complaints.Privacy;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.RequestUploads;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.shared.web.PublicAddress;
import id.go.kecamatan.shared.web.TypedBack;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assisted filing (pengaduan dibantu petugas): an officer of the office enters a complaint for a
 * resident who came to the front desk, or that arrived by telephone, letter or WhatsApp; a village
 * operator enters one at the village office, for their own village only. The channel and the
 * officer are recorded on the complaint; the same rules as the reporter's form apply (attachments
 * through the documents pipeline, nothing stored on an error). The receipt page, made to be printed
 * and handed over, shows the tracking code and the secret once.
 */
@Controller
class AssistedFilingController {

  static final String BASE = "/admin/pengaduan/baru";

  /** The channels an office officer records; a village operator's is always the village office. */
  static final List<Channel> OFFICE_CHANNELS =
      List.of(Channel.COUNTER, Channel.PHONE, Channel.LETTER, Channel.WHATSAPP);

  private final Offices offices;
  private final ComplaintCategories categories;
  private final Complaints complaints;
  private final Documents documents;
  private final PublicAddress address;

  AssistedFilingController(
      Offices offices,
      ComplaintCategories categories,
      Complaints complaints,
      Documents documents,
      PublicAddress address) {
    this.offices = offices;
    this.categories = categories;
    this.complaints = complaints;
    this.documents = documents;
    this.address = address;
  }

  static boolean villageOperator(Officer officer) {
    return officer.has(Role.VILLAGE_OPERATOR) && officer.villageId() != null;
  }

  @GetMapping(BASE)
  String form(
      @RequestParam(name = "terlalu-besar", required = false) String tooLarge,
      @RequestParam(name = "terlalu-banyak", required = false) String tooMany,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    FilingForm blank = FilingForm.blank();
    FieldErrors errors = new FieldErrors();
    if (tooLarge != null) {
      errors.reject("lampiran", "complaints.error.tooLarge", documents.limits().maxFile());
    } else if (tooMany != null) {
      errors.reject("lampiran", "complaints.error.tooManyFiles", FilingForm.MAX_FILES);
    }
    String village = villageOperator(officer) ? officer.villageId().toString() : "";
    String channel = villageOperator(officer) ? "VILLAGE" : "COUNTER";
    // back from a file refused for its size: what was typed is filled in again
    Map<String, String> typed = TypedBack.fields(model);
    FilingForm form =
        typed.isEmpty()
            ? new FilingForm(
                blank.kind(), "", "", village, "", "", blank.privacy(), "", "", "", "", "", false)
            : ReporterController.form(typed);
    return page(model, officer, form, typed.getOrDefault("channel", channel), errors);
  }

  @PostMapping(BASE)
  String file(
      @RequestParam Map<String, String> fields,
      @RequestParam(name = "lampiran", required = false) List<MultipartFile> files,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    Office office = offices.get(officer.officeId());
    FilingForm typed = ReporterController.form(fields);
    // the honeypot is for robots on the public form; an officer's form has none
    FilingForm form =
        new FilingForm(
            typed.kind(),
            typed.categoryId(),
            typed.description(),
            typed.villageId(),
            typed.place(),
            typed.occurredOn(),
            typed.privacy(),
            typed.name(),
            typed.phone(),
            typed.email(),
            typed.applicationCode(),
            "",
            typed.confirmDuplicate());
    String rawChannel = fields.getOrDefault("channel", "");
    FieldErrors errors = new FieldErrors();
    Channel channel;
    if (villageOperator(officer)) {
      channel = Channel.VILLAGE;
      if (!officer.villageId().toString().equals(form.villageId().strip())) {
        errors.reject("villageId", "complaints.error.otherVillage");
      }
    } else {
      channel =
          OFFICE_CHANNELS.stream()
              .filter(c -> c.name().equals(rawChannel.strip()))
              .findFirst()
              .orElse(null);
      if (channel == null) {
        errors.reject("channel", "complaints.error.channel");
      }
    }
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(model, officer, form, rawChannel, ReporterController.chooseAgain(errors, files));
    }
    Outcome<Filed> filed;
    try (RequestUploads uploads = new RequestUploads()) {
      filed =
          complaints.file(
              office, form, uploads.of(files), new Complaints.Intake(channel, officer.fullName()));
    }
    if (!filed.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(
          model, officer, form, rawChannel, ReporterController.chooseAgain(filed.errors(), files));
    }
    redirect.addFlashAttribute("filed", filed.value());
    redirect.addFlashAttribute("channel", channel.name());
    redirect.addFlashAttribute("reporterName", form.name());
    return "redirect:/admin/pengaduan/tanda-terima";
  }

  @GetMapping("/admin/pengaduan/tanda-terima")
  String receipt(Model model) {
    Officer officer = CurrentOfficer.inOffice();
    if (!model.containsAttribute("filed")) {
      return "redirect:/admin/pengaduan";
    }
    Office office = offices.get(officer.officeId());
    model.addAttribute("office", office);
    model.addAttribute("officerName", officer.fullName());
    // printed for the resident: the public address, not the one the front office works at
    model.addAttribute("statusUrl", address.of("/pengaduan/status"));
    return "complaints/receipt";
  }

  private String page(
      Model model, Officer officer, FilingForm form, String channel, FieldErrors errors) {
    List<Village> villages = offices.villages(officer.officeId());
    if (villageOperator(officer)) {
      villages = villages.stream().filter(v -> v.id().equals(officer.villageId())).toList();
    }
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("channel", channel);
    model.addAttribute(
        "channels",
        villageOperator(officer)
            ? List.of(Channel.VILLAGE.name())
            : OFFICE_CHANNELS.stream().map(Enum::name).toList());
    model.addAttribute("categories", categories.offered(officer.officeId()));
    model.addAttribute("villages", villages);
    model.addAttribute("kinds", Arrays.stream(Kind.values()).map(Enum::name).toList());
    model.addAttribute("privacies", Arrays.stream(Privacy.values()).map(Enum::name).toList());
    model.addAttribute("maxFile", documents.limits().maxFile());
    model.addAttribute(
        "duplicate",
        errors.has("description")
            && "complaints.error.duplicate".equals(errors.get("description").key()));
    return "complaints/assisted";
  }
}
