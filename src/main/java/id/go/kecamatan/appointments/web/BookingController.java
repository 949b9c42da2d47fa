package id.go.kecamatan.appointments.web;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.appointments.AppointmentType;
import id.go.kecamatan.appointments.AppointmentTypes;
import id.go.kecamatan.appointments.Bookings;
import id.go.kecamatan.appointments.CheckIns;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import id.go.kecamatan.shared.web.QrCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's booking pages, without an account and without JavaScript: the office's bookable
 * types, a type's days (links) and the chosen day's slots with the persons and a contact, the
 * one-time code, the confirmation with the code, its QR and the private cancel/reschedule link; the
 * cancel/reschedule page; and the check-in page of the office's kiosk.
 */
@Controller
class BookingController {

  static final int PERSON_ROWS = 5;
  private static final String GRANTS = "resident.bookings";

  private final Offices offices;
  private final AppointmentTypes types;
  private final Bookings bookings;
  private final CheckIns checkIns;
  private final BookingLimits limits;
  private final Clock clock;
  private final boolean demo;

  BookingController(
      Offices offices,
      AppointmentTypes types,
      Bookings bookings,
      CheckIns checkIns,
      BookingLimits limits,
      Clock clock,
      @Value("${layanan.demo.enabled:false}") boolean demo) {
    this.demo = demo;
    this.offices = offices;
    this.types = types;
    this.bookings = bookings;
    this.checkIns = checkIns;
    this.limits = limits;
    this.clock = clock;
  }

  private Office office(String slug) {
    return offices.bySlug(slug).orElseThrow(NotFoundException::new);
  }

  private AppointmentType type(Office office, String id) {
    return Optional.ofNullable(KtpCardStaffController.uuid(id))
        .flatMap(t -> types.find(office.id(), t))
        .filter(AppointmentType::active)
        .orElseThrow(NotFoundException::new);
  }

  @GetMapping("/kecamatan/{slug}/janji")
  String types(@PathVariable String slug, Model model) {
    Office office = office(slug);
    model.addAttribute("office", office);
    model.addAttribute("types", types.active(office.id()));
    return "appointments/types";
  }

  @GetMapping("/kecamatan/{slug}/janji/{typeId}")
  String book(
      @PathVariable String slug,
      @PathVariable String typeId,
      @RequestParam(name = "tanggal", defaultValue = "") String day,
      Model model) {
    Office office = office(slug);
    AppointmentType type = type(office, typeId);
    return bookPage(model, office, type, day, blankForm(day), new FieldErrors());
  }

  private static Bookings.Form blankForm(String day) {
    List<Bookings.PersonForm> persons = new ArrayList<>();
    for (int i = 0; i < PERSON_ROWS; i++) {
      persons.add(new Bookings.PersonForm("", "", false));
    }
    return new Bookings.Form(day, "", persons, "", "", "");
  }

  private String bookPage(
      Model model,
      Office office,
      AppointmentType type,
      String rawDay,
      Bookings.Form form,
      FieldErrors errors) {
    LocalDate today = LocalDate.now(clock);
    List<LocalDate> days = bookings.days(type, today);
    LocalDate day = parseDay(rawDay);
    if (day != null && !days.contains(day)) {
      day = null;
    }
    model.addAttribute("office", office);
    model.addAttribute("type", type);
    model.addAttribute("days", days);
    model.addAttribute("day", day);
    model.addAttribute("slots", day == null ? List.of() : bookings.slots(type, day));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("rows", type.maxPersons());
    boolean staff = Boolean.TRUE.equals(model.getAttribute("staff"));
    model.addAttribute("staff", staff);
    model.addAttribute(
        "base",
        staff ? STAFF_BOOKING + type.id() : "/kecamatan/" + office.slug() + "/janji/" + type.id());
    return "appointments/book";
  }

  static LocalDate parseDay(String raw) {
    try {
      return raw == null || raw.isBlank() || raw.length() > 10 ? null : LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @PostMapping("/kecamatan/{slug}/janji/{typeId}")
  String hold(
      @PathVariable String slug,
      @PathVariable String typeId,
      @RequestParam Map<String, String> f,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Office office = office(slug);
    AppointmentType type = type(office, typeId);
    Bookings.Form form = form(f);
    long wait = limits.booking(request.getRemoteAddr(), form.phone(), form.email());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
      return bookPage(
          model,
          office,
          type,
          form.day(),
          form,
          new FieldErrors().reject("start", "appointments.error.limited", minutes(wait)));
    }
    Outcome<Bookings.Held> held = bookings.hold(office, type, form);
    if (!held.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return bookPage(model, office, type, form.day(), form, held.errors());
    }
    grant(request, held.value().code());
    return "redirect:/janji/konfirmasi/" + held.value().code();
  }

  /** The booking form as posted, each field cut to a sane length. */
  private static Bookings.Form form(Map<String, String> f) {
    List<Bookings.PersonForm> persons = new ArrayList<>();
    for (int i = 0; i < PERSON_ROWS; i++) {
      persons.add(
          new Bookings.PersonForm(
              cut(f.get("nik" + i), 30),
              cut(f.get("name" + i), 200),
              "ya".equals(f.get("married" + i))));
    }
    return new Bookings.Form(
        cut(f.get("day"), 10),
        cut(f.get("start"), 5),
        persons,
        cut(f.get("kk"), 30),
        cut(f.get("phone"), 30),
        cut(f.get("email"), 300));
  }

  // ---- the front office books for a resident at the counter (no one-time code) ----

  static final String STAFF_BOOKING = "/admin/janji/baru/";

  @GetMapping(STAFF_BOOKING + "{typeId}")
  String bookForResident(
      @PathVariable String typeId,
      @RequestParam(name = "tanggal", defaultValue = "") String day,
      Model model) {
    Office office = offices.get(CurrentOfficer.inOffice().officeId());
    AppointmentType type = type(office, typeId);
    model.addAttribute("staff", true);
    return bookPage(model, office, type, day, blankForm(day), new FieldErrors());
  }

  @PostMapping(STAFF_BOOKING + "{typeId}")
  String bookedForResident(
      @PathVariable String typeId,
      @RequestParam Map<String, String> f,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Officer officer = CurrentOfficer.inOffice();
    Office office = offices.get(officer.officeId());
    AppointmentType type = type(office, typeId);
    Bookings.Form form = form(f);
    Outcome<Bookings.Confirmed> booked = bookings.bookAtCounter(officer, office, type, form);
    if (!booked.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("staff", true);
      return bookPage(model, office, type, form.day(), form, booked.errors());
    }
    redirect.addFlashAttribute("notice", "appointments.day.bookedForResident");
    redirect.addFlashAttribute("bookedCode", booked.value().code());
    return "redirect:/admin/janji?tanggal=" + form.day() + "#janji-" + booked.value().code();
  }

  static long minutes(long seconds) {
    return Math.max(1, (seconds + 59) / 60);
  }

  static String cut(String value, int max) {
    return KtpCardStaffController.cut(value, max);
  }

  @GetMapping("/janji/konfirmasi/{code}")
  String confirmForm(@PathVariable String code, HttpServletRequest request, Model model) {
    Bookings.Booking booking = granted(request, code);
    return confirmPage(model, booking, new FieldErrors());
  }

  private String confirmPage(Model model, Bookings.Booking booking, FieldErrors errors) {
    model.addAttribute("booking", booking);
    model.addAttribute("errors", errors);
    model.addAttribute("toPhone", booking.phone() != null);
    // the demo sends no message: its page of codes shows the one sent
    model.addAttribute("demo", demo);
    return "appointments/confirm";
  }

  @PostMapping("/janji/konfirmasi/{code}")
  String confirm(
      @PathVariable String code,
      @RequestParam(name = "otp", defaultValue = "") String otp,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Bookings.Booking booking = granted(request, code);
    Outcome<Bookings.Confirmed> confirmed = bookings.confirm(booking.code(), cut(otp, 20));
    if (!confirmed.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return confirmPage(model, booking, confirmed.errors());
    }
    redirect.addFlashAttribute("confirmed", confirmed.value());
    return "redirect:/janji/terkonfirmasi";
  }

  @GetMapping("/janji/terkonfirmasi")
  String confirmed(Model model) {
    if (!(model.getAttribute("confirmed") instanceof Bookings.Confirmed confirmed)) {
      return "redirect:/";
    }
    return managePage(
        model,
        bookings.byManageSecret(confirmed.manageSecret()).orElseThrow(NotFoundException::new),
        confirmed.manageSecret(),
        "",
        new FieldErrors(),
        true);
  }

  private String managePage(
      Model model,
      Bookings.Booking booking,
      String secret,
      String rawDay,
      FieldErrors errors,
      boolean justConfirmed) {
    Office office = offices.get(booking.officeId());
    AppointmentType type = types.find(office.id(), booking.typeId()).orElseThrow();
    LocalDate today = LocalDate.now(clock);
    List<LocalDate> days = booking.booked() ? bookings.days(type, today) : List.of();
    LocalDate day = parseDay(rawDay);
    if (day != null && !days.contains(day)) {
      day = null;
    }
    model.addAttribute("booking", booking);
    model.addAttribute("office", office);
    model.addAttribute("type", type);
    model.addAttribute("secret", secret);
    model.addAttribute("qr", QrCode.svg(booking.code(), booking.code()));
    model.addAttribute("days", days);
    model.addAttribute("day", day);
    model.addAttribute("slots", day == null ? List.of() : bookings.slots(type, day));
    model.addAttribute("errors", errors);
    model.addAttribute("justConfirmed", justConfirmed);
    model.addAttribute("mayChange", booking.booked() && booking.day().isAfter(today));
    // the office closed that day (or changed its hours) after the booking: say so
    model.addAttribute(
        "offHours",
        booking.booked() && !booking.day().isBefore(today) && !bookings.slotOffered(booking, type));
    return "appointments/manage";
  }

  @GetMapping("/janji/kelola/{secret}")
  String manage(
      @PathVariable String secret,
      @RequestParam(name = "tanggal", defaultValue = "") String day,
      Model model) {
    Bookings.Booking booking = bookings.byManageSecret(secret).orElseThrow(NotFoundException::new);
    return managePage(model, booking, secret, day, new FieldErrors(), false);
  }

  @PostMapping("/janji/kelola/{secret}/batal")
  String cancel(@PathVariable String secret, RedirectAttributes redirect) {
    Bookings.Booking booking = bookings.byManageSecret(secret).orElseThrow(NotFoundException::new);
    boolean done = bookings.cancel(booking, "resident");
    redirect.addFlashAttribute(
        "notice", done ? "appointments.manage.cancelled" : "appointments.manage.notCancelled");
    return "redirect:" + Bookings.managePath(secret);
  }

  @PostMapping("/janji/kelola/{secret}/ubah")
  String reschedule(
      @PathVariable String secret,
      @RequestParam(name = "day", defaultValue = "") String day,
      @RequestParam(name = "start", defaultValue = "") String start,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Bookings.Booking booking = bookings.byManageSecret(secret).orElseThrow(NotFoundException::new);
    AppointmentType type = types.find(booking.officeId(), booking.typeId()).orElseThrow();
    FieldErrors errors = bookings.reschedule(booking, type, cut(day, 10), cut(start, 5));
    if (errors.any()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return managePage(model, booking, secret, cut(day, 10), errors, false);
    }
    redirect.addFlashAttribute("notice", "appointments.manage.moved");
    return "redirect:" + Bookings.managePath(secret);
  }

  @GetMapping("/kecamatan/{slug}/janji/check-in")
  String checkInForm(@PathVariable String slug, Model model) {
    Office office = office(slug);
    return checkInPage(model, office, "", new FieldErrors(), null);
  }

  private static String checkInPage(
      Model model, Office office, String code, FieldErrors errors, CheckIns.CheckedIn done) {
    model.addAttribute("office", office);
    model.addAttribute("code", code);
    model.addAttribute("errors", errors);
    model.addAttribute("done", done);
    return "appointments/check-in";
  }

  @PostMapping("/kecamatan/{slug}/janji/check-in")
  String checkIn(
      @PathVariable String slug,
      @RequestParam(name = "kode", defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Office office = office(slug);
    String shown = cut(code, 30);
    long wait = limits.checkIn(request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
      return checkInPage(
          model,
          office,
          shown,
          new FieldErrors().reject("kode", "appointments.checkIn.error.limited", wait),
          null);
    }
    if (code.isBlank()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return checkInPage(
          model,
          office,
          "",
          new FieldErrors().reject("kode", "appointments.checkIn.error.code"),
          null);
    }
    Outcome<CheckIns.CheckedIn> done = checkIns.checkIn(office, code);
    if (!done.ok()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return checkInPage(model, office, shown, done.errors(), null);
    }
    return checkInPage(model, office, "", new FieldErrors(), done.value());
  }

  private Bookings.Booking granted(HttpServletRequest request, String code) {
    return TrackingCode.parse(code)
        .map(TrackingCode::value)
        .filter(c -> may(request, c))
        .flatMap(bookings::byCode)
        .filter(b -> "HELD".equals(b.status()))
        .orElseThrow(NotFoundException::new);
  }

  private static void grant(HttpServletRequest request, String code) {
    HttpSession session = request.getSession(true);
    List<String> next = new ArrayList<>();
    if (session.getAttribute(GRANTS) instanceof List<?> granted) {
      granted.forEach(g -> next.add(String.valueOf(g)));
    }
    next.remove(code);
    next.add(code);
    while (next.size() > 10) {
      next.remove(0);
    }
    session.setAttribute(GRANTS, next);
  }

  private static boolean may(HttpServletRequest request, String code) {
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(GRANTS) instanceof List<?> granted
        && granted.contains(code);
  }
}
