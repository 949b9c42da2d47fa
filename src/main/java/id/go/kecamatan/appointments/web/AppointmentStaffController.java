package id.go.kecamatan.appointments.web;

import id.go.kecamatan.appointments.AppointmentType;
import id.go.kecamatan.appointments.AppointmentTypes;
import id.go.kecamatan.appointments.Bookings;
import id.go.kecamatan.appointments.CheckIns;
import id.go.kecamatan.appointments.KtpCards;
import id.go.kecamatan.counter.ServiceGroups;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The officers' appointment pages: the bookings of a day ({@code /admin/janji}) with check-in at
 * the desk and the recording of each e-KTP member, and the office administrator's bookable types
 * ({@code /admin/janji/jenis}). Scoped to the officer's office.
 */
@Controller
class AppointmentStaffController {

  private final Bookings bookings;
  private final AppointmentTypes types;
  private final CheckIns checkIns;
  private final ServiceGroups groups;
  private final Offices offices;
  private final Clock clock;

  AppointmentStaffController(
      Bookings bookings,
      AppointmentTypes types,
      CheckIns checkIns,
      ServiceGroups groups,
      Offices offices,
      Clock clock) {
    this.bookings = bookings;
    this.types = types;
    this.checkIns = checkIns;
    this.groups = groups;
    this.offices = offices;
    this.clock = clock;
  }

  @GetMapping("/admin/janji")
  String day(@RequestParam(name = "tanggal", defaultValue = "") String rawDay, Model model) {
    Officer officer = CurrentOfficer.inOffice();
    return dayPage(model, officer, rawDay, new FieldErrors());
  }

  private String dayPage(Model model, Officer officer, String rawDay, FieldErrors errors) {
    LocalDate today = LocalDate.now(clock);
    LocalDate day = BookingController.parseDay(rawDay);
    if (day == null || day.isBefore(today.minusDays(60)) || day.isAfter(today.plusDays(90))) {
      day = today;
    }
    Map<UUID, AppointmentType> byId = new LinkedHashMap<>();
    types.all(officer.officeId()).forEach(t -> byId.put(t.id(), t));
    model.addAttribute("day", day);
    model.addAttribute("today", today);
    List<Bookings.Booking> ofDay = bookings.ofDay(officer.officeId(), day);
    model.addAttribute("bookings", ofDay);
    model.addAttribute("types", byId);
    // booked before the day was closed or the hours changed: the office calls these residents
    model.addAttribute(
        "offHours",
        ofDay.stream()
            .filter(b -> b.booked() && !bookings.slotOffered(b, byId.get(b.typeId())))
            .map(Bookings.Booking::id)
            .collect(java.util.stream.Collectors.toSet()));
    model.addAttribute("office", offices.get(officer.officeId()));
    model.addAttribute("errors", errors);
    return "appointments/day";
  }

  @PostMapping("/admin/janji/{id}/check-in")
  String checkIn(
      @PathVariable String id,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    Bookings.Booking booking = booking(officer, id);
    Office office = offices.get(officer.officeId());
    Outcome<CheckIns.CheckedIn> done = checkIns.checkIn(office, booking.code());
    if (!done.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return dayPage(model, officer, booking.day().toString(), done.errors());
    }
    redirect.addFlashAttribute("notice", "appointments.day.checkedIn");
    return "redirect:/admin/janji?tanggal=" + booking.day();
  }

  @PostMapping("/admin/janji/{id}/rekam/{position}")
  String record(
      @PathVariable String id,
      @PathVariable String position,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    Bookings.Booking booking = booking(officer, id);
    int at;
    try {
      at = Integer.parseInt(position);
    } catch (NumberFormatException e) {
      throw new NotFoundException();
    }
    if (booking.members().stream().noneMatch(p -> p.position() == at)) {
      throw new NotFoundException();
    }
    Outcome<KtpCards.Card> card = checkIns.recordMember(officer, booking.id(), at);
    if (!card.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      FieldErrors errors = new FieldErrors();
      card.errors().entries().forEach(e -> errors.reject("rekam", e.getValue().key()));
      return dayPage(model, officer, booking.day().toString(), errors);
    }
    redirect.addFlashAttribute("notice", "appointments.day.recorded");
    return "redirect:/admin/janji?tanggal=" + booking.day();
  }

  private Bookings.Booking booking(Officer officer, String id) {
    UUID bookingId = KtpCardStaffController.uuid(id);
    if (bookingId == null) {
      throw new NotFoundException();
    }
    return bookings.find(officer.officeId(), bookingId).orElseThrow(NotFoundException::new);
  }

  @GetMapping("/admin/janji/jenis")
  String types(Model model) {
    Officer officer = CurrentOfficer.inOffice();
    return typesPage(model, officer, null, AppointmentTypes.Form.blank(), new FieldErrors());
  }

  @GetMapping("/admin/janji/jenis/{id}")
  String type(@PathVariable String id, Model model) {
    Officer officer = CurrentOfficer.inOffice();
    AppointmentType type = type(officer, id);
    return typesPage(model, officer, type, AppointmentTypes.Form.of(type), new FieldErrors());
  }

  private AppointmentType type(Officer officer, String id) {
    UUID typeId = KtpCardStaffController.uuid(id);
    if (typeId == null) {
      throw new NotFoundException();
    }
    return types.find(officer.officeId(), typeId).orElseThrow(NotFoundException::new);
  }

  private String typesPage(
      Model model,
      Officer officer,
      AppointmentType editing,
      AppointmentTypes.Form form,
      FieldErrors errors) {
    Office office = offices.get(officer.officeId());
    model.addAttribute("office", office);
    model.addAttribute("types", types.all(officer.officeId()));
    model.addAttribute("groups", groups.of(officer.officeId()));
    model.addAttribute("editing", editing);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "appointments/types-admin";
  }

  @PostMapping("/admin/janji/jenis")
  String create(
      @RequestParam Map<String, String> f,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    return save(null, f, response, model, redirect);
  }

  @PostMapping("/admin/janji/jenis/{id}")
  String update(
      @PathVariable String id,
      @RequestParam Map<String, String> f,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    return save(id, f, response, model, redirect);
  }

  private String save(
      String id,
      Map<String, String> f,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    AppointmentType editing = id == null ? null : type(officer, id);
    AppointmentTypes.Form form =
        new AppointmentTypes.Form(
            BookingController.cut(f.get("kind"), 10),
            BookingController.cut(f.get("name"), 200),
            BookingController.cut(f.get("serviceGroupId"), 40),
            BookingController.cut(f.get("slotMinutes"), 12),
            BookingController.cut(f.get("seatsPerSlot"), 12),
            BookingController.cut(f.get("daysAhead"), 12),
            BookingController.cut(f.get("dailyQuota"), 12),
            "ya".equals(f.get("active")));
    Outcome<UUID> saved =
        types.save(officer.officeId(), editing == null ? null : editing.id(), form);
    if (!saved.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return typesPage(model, officer, editing, form, saved.errors());
    }
    redirect.addFlashAttribute("notice", "appointments.type.saved");
    return "redirect:/admin/janji/jenis";
  }
}
