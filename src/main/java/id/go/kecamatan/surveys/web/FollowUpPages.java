package id.go.kecamatan.surveys.web;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.FollowUp;
import id.go.kecamatan.surveys.FollowUps;
import id.go.kecamatan.surveys.Period;
import id.go.kecamatan.surveys.Reports;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office administrator writes the rencana tindak lanjut of a period ({@code
 * /admin/survei/tindak-lanjut}): a new plan starts with the period's lowest elements; each row has
 * the element, programme, time, officer responsible, status and realisation; two empty rows more
 * for new items. Saving replaces the plan, nothing is stored unless every row is right.
 */
@Controller
class FollowUpPages {

  static final String PATH = "/admin/survei/tindak-lanjut";

  /** Empty rows offered after the plan's items. */
  private static final int EMPTY_ROWS = 2;

  private final FollowUps followUps;
  private final Offices offices;
  private final MessageSource messages;
  private final Clock clock;

  FollowUpPages(FollowUps followUps, Offices offices, MessageSource messages, Clock clock) {
    this.followUps = followUps;
    this.offices = offices;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String form(
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number,
      @RequestParam(name = "tersimpan", required = false) String saved,
      Model model) {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    Optional<FollowUp> plan = followUps.of(office.id(), period);
    Map<String, String> values = new HashMap<>();
    int rows = 0;
    if (plan.isPresent()) {
      for (FollowUp.Item item : plan.get().items()) {
        values.put(FollowUps.ELEMENT + rows, item.element().key());
        values.put(FollowUps.PROGRAMME + rows, item.programme());
        values.put(FollowUps.TIMEFRAME + rows, item.timeframe());
        values.put(FollowUps.RESPONSIBLE + rows, item.responsible());
        values.put(FollowUps.STATUS + rows, item.status().name());
        values.put(FollowUps.REALISATION + rows, item.realisation());
        rows++;
      }
    } else {
      for (Element element : followUps.proposal(office.id(), period)) {
        values.put(FollowUps.ELEMENT + rows, element.key());
        rows++;
      }
    }
    model.addAttribute("saved", saved != null);
    model.addAttribute("proposed", plan.isEmpty() && rows > 0);
    return page(office, period, new FieldErrors(), values, rows + EMPTY_ROWS, model);
  }

  @PostMapping(PATH)
  String save(
      @RequestParam(name = "periode", required = false) String kind,
      @RequestParam(name = "tahun", required = false) String year,
      @RequestParam(name = "ke", required = false) String number,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    Period period = Period.parse(kind, year, number, Reports.today(clock));
    FieldErrors errors = followUps.save(office.id(), period, form);
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("saved", false);
      model.addAttribute("proposed", false);
      int rows = rows(form.get(FollowUps.ROWS));
      return page(office, period, errors, form, rows, model);
    }
    return "redirect:" + PATH + "?" + period.query() + "&tersimpan";
  }

  private String page(
      Office office,
      Period period,
      FieldErrors errors,
      Map<String, String> values,
      int rows,
      Model model) {
    model.addAttribute("office", office);
    model.addAttribute("period", period);
    model.addAttribute("errors", errors);
    model.addAttribute("values", values);
    model.addAttribute("rows", Math.min(rows, FollowUps.MAX_ITEMS + EMPTY_ROWS));
    model.addAttribute("elements", List.of(Element.values()));
    model.addAttribute("labels", labels(errors));
    return "surveys/follow-up";
  }

  /** The error summary's name of each wrong field: the column and the row's number. */
  private Map<String, String> labels(FieldErrors errors) {
    Map<String, String> labels = new HashMap<>();
    for (var entry : errors.entries()) {
      String field = entry.getKey();
      int dash = field.lastIndexOf('-');
      String column = field.substring(0, dash + 1);
      String row = String.valueOf(Integer.parseInt(field.substring(dash + 1)) + 1);
      String name =
          messages.getMessage(
              "surveys.followUp.column." + column.substring(0, column.length() - 1),
              null,
              column,
              org.springframework.context.i18n.LocaleContextHolder.getLocale());
      labels.put(
          field,
          messages.getMessage(
              "surveys.followUp.rowField",
              new Object[] {name, row},
              name,
              org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }
    return labels;
  }

  private static int rows(String value) {
    if (value == null || !value.trim().matches("\\d{1,2}")) {
      return EMPTY_ROWS;
    }
    return Math.max(1, Integer.parseInt(value.trim()));
  }
}
