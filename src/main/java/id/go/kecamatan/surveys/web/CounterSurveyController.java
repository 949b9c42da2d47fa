package id.go.kecamatan.surveys.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.surveys.OfficeQuestions;
import id.go.kecamatan.surveys.ResponseChannel;
import id.go.kecamatan.surveys.Responses;
import id.go.kecamatan.surveys.Responses.Result;
import id.go.kecamatan.surveys.Responses.Status;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey at the counter, for the front office and the office administrator: the tablet mode
 * ({@code /admin/survei/loket}: an officer opens it, residents answer one after another, the screen
 * is empty again after each response and shows nothing of the one before) and the paper forms keyed
 * in by an officer ({@code /admin/survei/kertas}, assisted, dated as on the paper).
 */
@Controller
class CounterSurveyController {

  static final String TABLET = "/admin/survei/loket";
  static final String PAPER = "/admin/survei/kertas";

  private final Responses responses;
  private final Offices offices;
  private final Catalog catalog;
  private final ComplaintLink complaints;
  private final OfficeQuestions questions;

  CounterSurveyController(
      Responses responses,
      Offices offices,
      Catalog catalog,
      ComplaintLink complaints,
      OfficeQuestions questions) {
    this.questions = questions;
    this.responses = responses;
    this.offices = offices;
    this.catalog = catalog;
    this.complaints = complaints;
  }

  @GetMapping(TABLET)
  String tablet(
      @RequestParam(name = "terkirim", required = false) String sent,
      @RequestParam(name = "pengaduan", required = false) String low,
      Model model) {
    model.addAttribute("sent", sent != null);
    model.addAttribute("low", low != null);
    return form(TABLET, "surveys/counter", new FieldErrors(), Map.of(), model);
  }

  @PostMapping(TABLET)
  String answerAtTablet(
      @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
    Result result =
        responses.answer(CurrentOfficer.inOffice().officeId(), ResponseChannel.COUNTER, form);
    if (result.status() != Status.SAVED) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("sent", false);
      model.addAttribute("low", false);
      return form(TABLET, "surveys/counter", result.errors(), form, model);
    }
    return "redirect:" + TABLET + "?terkirim" + (result.low() ? "&pengaduan" : "");
  }

  @GetMapping(PAPER)
  String paper(@RequestParam(name = "tersimpan", required = false) String saved, Model model) {
    model.addAttribute("saved", saved != null);
    return form(PAPER, "surveys/paper", new FieldErrors(), Map.of(), model);
  }

  @PostMapping(PAPER)
  String keyInPaper(
      @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
    Result result = responses.keyInPaper(CurrentOfficer.inOffice().officeId(), form);
    if (result.status() != Status.SAVED) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("saved", false);
      return form(PAPER, "surveys/paper", result.errors(), form, model);
    }
    return "redirect:" + PAPER + "?tersimpan";
  }

  private String form(
      String action, String view, FieldErrors errors, Map<String, String> values, Model model) {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    model.addAttribute("office", office);
    model.addAttribute("errors", errors);
    model.addAttribute("values", values);
    model.addAttribute("action", action);
    model.addAttribute("services", catalog.activeServices(office.id(), ""));
    model.addAttribute("complaintPath", complaints.of(office));
    model.addAttribute("extra", questions.active(office.id()));
    return view;
  }
}
