package id.go.kecamatan.surveys.web;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.surveys.OfficeQuestions;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office's own survey questions, for its administrator ({@code /admin/survei/pertanyaan}): add
 * a question (four-point scale or free text) after the nine elements, or stop asking one; a
 * question's text never changes, so its answers always match its wording.
 */
@Controller
class QuestionPages {

  static final String PATH = "/admin/survei/pertanyaan";

  private final OfficeQuestions questions;
  private final Offices offices;

  QuestionPages(OfficeQuestions questions, Offices offices) {
    this.questions = questions;
    this.offices = offices;
  }

  @GetMapping(PATH)
  String list(@RequestParam(name = "tersimpan", required = false) String saved, Model model) {
    model.addAttribute("saved", saved != null);
    return page(new FieldErrors(), Map.of(), model);
  }

  @PostMapping(PATH)
  String add(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
    FieldErrors errors = questions.add(CurrentOfficer.inOffice().officeId(), form);
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("saved", false);
      return page(errors, form, model);
    }
    return "redirect:" + PATH + "?tersimpan";
  }

  @PostMapping(PATH + "/{id}/hapus")
  String retire(@PathVariable String id) {
    UUID questionId;
    try {
      questionId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
    if (!questions.retire(CurrentOfficer.inOffice().officeId(), questionId)) {
      throw new NotFoundException();
    }
    return "redirect:" + PATH + "?tersimpan";
  }

  private String page(FieldErrors errors, Map<String, String> values, Model model) {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    model.addAttribute("office", office);
    model.addAttribute("questions", questions.active(office.id()));
    model.addAttribute("errors", errors);
    model.addAttribute("values", values);
    return "surveys/office-questions";
  }
}
