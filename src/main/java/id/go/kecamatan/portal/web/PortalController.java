package id.go.kecamatan.portal.web;

import id.go.kecamatan.application.ResidentApplications;
import id.go.kecamatan.application.ResidentApplications.ResidentApplication;
import id.go.kecamatan.application.ResidentApplications.ResidentDraft;
import id.go.kecamatan.application.ResidentGrants;
import id.go.kecamatan.complaints.ComplaintGrants;
import id.go.kecamatan.complaints.ResidentComplaints;
import id.go.kecamatan.letters.IssuedLetters;
import id.go.kecamatan.portal.internal.Contact;
import id.go.kecamatan.portal.internal.PortalLimits;
import id.go.kecamatan.portal.internal.PortalSessions;
import id.go.kecamatan.portal.internal.PortalSignIn;
import id.go.kecamatan.portal.internal.PortalSignIn.Verification;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.PublicAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resident portal's pages: asking for a code ({@code /masuk-warga}, always the same answer),
 * typing it ({@code /masuk-warga/kode}) or following the e-mail's magic link ({@code
 * /masuk-warga/tautan/...}), the list of the resident's applications and drafts ({@code /portal},
 * which grants this browser the status pages of those applications) and signing out here or
 * everywhere. The sign-in request and the portal session live in the HTTP session; the portal
 * session is checked against its row on every request.
 */
@Controller
class PortalController {

  static final String REQUEST = "portal.request";
  static final String CONTACT_SHOWN = "portal.shown";
  static final String SESSION = "portal.session";
  private static final int MAX_CONTACT = 254;

  private final PortalSignIn signIn;
  private final PortalSessions sessions;
  private final PortalLimits limits;
  private final ResidentApplications residents;
  private final ResidentComplaints residentComplaints;
  private final IssuedLetters letters;
  private final SessionRepository<? extends Session> httpSessions;
  private final PublicAddress address;
  private final Clock clock;

  /** The demo sends no messages: the code page points to the demo's own page of codes. */
  private final boolean demo;

  PortalController(
      PortalSignIn signIn,
      PortalSessions sessions,
      PortalLimits limits,
      ResidentApplications residents,
      ResidentComplaints residentComplaints,
      IssuedLetters letters,
      SessionRepository<? extends Session> httpSessions,
      PublicAddress address,
      Clock clock,
      @Value("${layanan.demo.enabled:false}") boolean demo) {
    this.demo = demo;
    this.signIn = signIn;
    this.sessions = sessions;
    this.limits = limits;
    this.residents = residents;
    this.residentComplaints = residentComplaints;
    this.letters = letters;
    this.httpSessions = httpSessions;
    this.address = address;
    this.clock = clock;
  }

  @GetMapping("/masuk-warga")
  String signInPage(
      @RequestParam(name = "keluar", required = false) String signedOut,
      @RequestParam(name = "keluar-semua", required = false) String signedOutEverywhere,
      @RequestParam(name = "berakhir", required = false) String expired,
      HttpServletRequest request,
      Model model) {
    if (signedIn(request).isPresent()) {
      // "Permohonan saya" in the header leads here: a signed-in resident wants the list
      return "redirect:/portal";
    }
    model.addAttribute(
        "notice",
        signedOut != null
            ? "portal.signin.signedOut"
            : signedOutEverywhere != null
                ? "portal.signin.signedOutEverywhere"
                : expired != null ? "portal.signin.expired" : null);
    return signInPage(model, "", new FieldErrors());
  }

  @PostMapping("/masuk-warga")
  String requestCode(
      @RequestParam(name = "kontak", defaultValue = "") String typed,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Contact> contact = Contact.parse(typed);
    if (contact.isEmpty()) {
      return signInPage(
          model, shorten(typed), new FieldErrors().reject("kontak", "portal.error.contact"));
    }
    long wait = limits.take(contact.get().value(), request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
      return signInPage(
          model, shorten(typed), new FieldErrors().reject("kontak", "portal.error.limited", wait));
    }
    // the site's public address, never the request's Host: a forged Host would send the resident
    // a genuine message whose link hands the token to another site
    String linkBase = address.of("/masuk-warga/tautan/");
    UUID requestId = signIn.request(contact.get(), linkBase);
    HttpSession session = request.getSession(true);
    session.setAttribute(REQUEST, requestId);
    session.setAttribute(CONTACT_SHOWN, contact.get().shown());
    return "redirect:/masuk-warga/kode";
  }

  @GetMapping("/masuk-warga/kode")
  String codePage(HttpServletRequest request, Model model) {
    if (attribute(request, REQUEST, UUID.class).isEmpty()) {
      return "redirect:/masuk-warga";
    }
    return codePage(request, model, new FieldErrors(), signedIn(request).isPresent());
  }

  @PostMapping("/masuk-warga/kode")
  String checkCode(
      @RequestParam(name = "kode", defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<UUID> requestId = attribute(request, REQUEST, UUID.class);
    String digits = code.strip().replace(" ", "");
    if (requestId.isPresent() && !digits.matches("[0-9]{6}")) {
      return codePage(
          request,
          model,
          new FieldErrors().reject("kode", "portal.error.format"),
          signedIn(request).isPresent());
    }
    Verification verification = signIn.verifyCode(requestId.orElse(null), digits);
    return finish(verification, false, request, response, model);
  }

  @GetMapping("/masuk-warga/tautan/{token}")
  String followLink(
      @PathVariable String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Verification verification =
        signIn.verifyLink(attribute(request, REQUEST, UUID.class).orElse(null), token);
    return finish(verification, true, request, response, model);
  }

  /**
   * @param link whether the resident followed the e-mail's link (the messages speak of the link)
   */
  private String finish(
      Verification verification,
      boolean link,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (verification.result() == PortalSignIn.Result.SIGNED_IN) {
      request.getSession(true);
      request.changeSessionId();
      HttpSession session = request.getSession();
      // the used request stays, so that the same code again says it was used
      session.setAttribute(SESSION, sessions.start(verification.contact(), session.getId()));
      return "redirect:/portal";
    }
    if (verification.result() == PortalSignIn.Result.UNKNOWN) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return signInPage(model, "", new FieldErrors().reject("kontak", "portal.error.unknown"));
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    boolean signedIn = signedIn(request).isPresent();
    FieldErrors errors =
        switch (verification.result()) {
          case WRONG ->
              new FieldErrors().reject("kode", "portal.error.wrong", verification.triesLeft());
          case EXPIRED ->
              new FieldErrors()
                  .reject("kode", link ? "portal.error.linkExpired" : "portal.error.expired");
          // typically the Back button after signing in: the resident needs the portal, not a code
          case USED ->
              new FieldErrors()
                  .reject(
                      "kode",
                      signedIn
                          ? "portal.error.usedSignedIn"
                          : link ? "portal.error.linkUsed" : "portal.error.used");
          default -> new FieldErrors().reject("kode", "portal.error.locked");
        };
    return codePage(request, model, errors, signedIn);
  }

  @GetMapping("/portal")
  String portal(HttpServletRequest request, Model model) {
    Optional<String> contact = signedIn(request);
    if (contact.isEmpty()) {
      return "redirect:/masuk-warga?berakhir";
    }
    List<ResidentApplication> applications = residents.ofContact(contact.get());
    List<ResidentDraft> drafts = residents.draftsOfContact(contact.get(), clock.instant());
    // oldest first, so that the newest are the last a full session forgets
    ResidentGrants.grantApplications(
        request, oldestFirst(applications.stream().map(ResidentApplication::trackingCode)));
    ResidentGrants.grantDrafts(request, oldestFirst(drafts.stream().map(ResidentDraft::id)));
    List<ResidentComplaints.ResidentComplaint> complaints =
        residentComplaints.ofContact(contact.get());
    ComplaintGrants.grantAll(
        request,
        oldestFirst(complaints.stream().map(ResidentComplaints.ResidentComplaint::trackingCode)));
    model.addAttribute("complaints", complaints);
    model.addAttribute(
        "contact", Contact.parse(contact.get()).map(Contact::shown).orElse(contact.get()));
    model.addAttribute("applications", applications);
    model.addAttribute("drafts", drafts);
    model.addAttribute(
        "letters",
        letters.ofTrackingCodes(
            applications.stream().map(ResidentApplication::trackingCode).toList()));
    return "portal/home";
  }

  @PostMapping("/portal/keluar")
  String signOut(HttpServletRequest request) {
    attribute(request, SESSION, UUID.class).ifPresent(sessions::end);
    invalidate(request);
    return "redirect:/masuk-warga?keluar";
  }

  @PostMapping("/portal/keluar-semua")
  String signOutEverywhere(HttpServletRequest request) {
    Optional<String> contact = signedIn(request);
    if (contact.isPresent()) {
      String current = request.getSession().getId();
      sessions.endEverywhere(contact.get()).stream()
          .filter(id -> !id.equals(current))
          .forEach(httpSessions::deleteById);
    }
    invalidate(request);
    return "redirect:/masuk-warga?keluar-semua";
  }

  /** A newest-first list the other way round. */
  private static <T> List<T> oldestFirst(Stream<T> newestFirst) {
    List<T> list = new ArrayList<>(newestFirst.toList());
    Collections.reverse(list);
    return list;
  }

  private Optional<String> signedIn(HttpServletRequest request) {
    return sessions.touch(attribute(request, SESSION, UUID.class).orElse(null));
  }

  private static void invalidate(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  private static <T> Optional<T> attribute(HttpServletRequest request, String name, Class<T> type) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Object value = session.getAttribute(name);
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  private static String signInPage(Model model, String contact, FieldErrors errors) {
    model.addAttribute("contact", contact);
    model.addAttribute("errors", errors);
    return "portal/signin";
  }

  /**
   * The code page; a browser that is still signed in (back on this page after signing in) gets a
   * way to its portal.
   */
  private String codePage(
      HttpServletRequest request, Model model, FieldErrors errors, boolean signedIn) {
    model.addAttribute("contact", attribute(request, CONTACT_SHOWN, String.class).orElse(""));
    model.addAttribute("demo", demo);
    model.addAttribute("errors", errors);
    model.addAttribute("residentSignedIn", signedIn);
    return "portal/code";
  }

  private static String shorten(String text) {
    String clean = text.replace("\0", "");
    return clean.length() > MAX_CONTACT ? clean.substring(0, MAX_CONTACT) : clean;
  }
}
