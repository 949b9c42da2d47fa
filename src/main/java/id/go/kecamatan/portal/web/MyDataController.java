package id.go.kecamatan.portal.web;

import id.go.kecamatan.application.ResidentApplications;
import id.go.kecamatan.application.ResidentApplications.ResidentDraft;
import id.go.kecamatan.application.ResidentRecords;
import id.go.kecamatan.application.ResidentRecords.Deletable;
import id.go.kecamatan.application.ResidentRecords.Deletion;
import id.go.kecamatan.portal.internal.MyDataArchive;
import id.go.kecamatan.portal.internal.PortalSessions;
import id.go.kecamatan.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Data saya" (UU 27/2022) for a resident signed in to the portal: the page at {@code
 * /portal/data-saya}, the download of everything held about them as one ZIP, and the deletions the
 * retention rules allow (ADR 0019), each after a confirmation page: an open draft, or the documents
 * of a finished application. Only the signed-in contact's own applications and drafts are reached;
 * any other code or id is answered as unknown.
 */
@Controller
class MyDataController {

  private static final String BASE = "/portal/data-saya";
  private static final String SIGN_IN = "redirect:/masuk-warga?berakhir";

  private final PortalSessions sessions;
  private final ResidentRecords records;
  private final ResidentApplications residents;
  private final MyDataArchive archive;
  private final Clock clock;

  MyDataController(
      PortalSessions sessions,
      ResidentRecords records,
      ResidentApplications residents,
      MyDataArchive archive,
      Clock clock) {
    this.sessions = sessions;
    this.records = records;
    this.residents = residents;
    this.archive = archive;
    this.clock = clock;
  }

  @GetMapping(BASE)
  String page(HttpServletRequest request, Model model) {
    Optional<String> contact = signedIn(request);
    if (contact.isEmpty()) {
      return SIGN_IN;
    }
    model.addAttribute("applications", records.deletables(contact.get()));
    model.addAttribute("drafts", residents.draftsOfContact(contact.get(), clock.instant()));
    return "portal/my-data";
  }

  @GetMapping(BASE + "/unduh")
  ResponseEntity<StreamingResponseBody> download(HttpServletRequest request) {
    Optional<String> contact = signedIn(request);
    if (contact.isEmpty()) {
      return ResponseEntity.status(org.springframework.http.HttpStatus.FOUND)
          .location(java.net.URI.create("/masuk-warga?berakhir"))
          .build();
    }
    String name = "data-saya-" + LocalDate.now(clock) + ".zip";
    StreamingResponseBody body = out -> archive.write(contact.get(), out);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  @GetMapping(BASE + "/hapus-berkas/{code}")
  String confirmDocuments(@PathVariable String code, HttpServletRequest request, Model model) {
    Optional<String> contact = signedIn(request);
    if (contact.isEmpty()) {
      return SIGN_IN;
    }
    Deletable application =
        records.deletable(contact.get(), code).orElseThrow(NotFoundException::new);
    model.addAttribute("application", application);
    return "portal/delete-documents";
  }

  @PostMapping(BASE + "/hapus-berkas/{code}")
  String deleteDocuments(
      @PathVariable String code, HttpServletRequest request, RedirectAttributes redirect) {
    Optional<String> contact = signedIn(request);
    if (contact.isEmpty()) {
      return SIGN_IN;
    }
    Deletion done = records.deleteDocuments(contact.get(), code);
    if (done == Deletion.NOT_FOUND) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute(
        "notice",
        done == Deletion.DELETED ? "mydata.documents.deleted" : "mydata.documents.notAllowed");
    return "redirect:" + BASE;
  }

  @GetMapping(BASE + "/hapus-draf/{id}")
  String confirmDraft(@PathVariable String id, HttpServletRequest request, Model model) {
    Optional<String> contact = signedIn(request);
    if (contact.isEmpty()) {
      return SIGN_IN;
    }
    ResidentDraft draft =
        residents.draftsOfContact(contact.get(), clock.instant()).stream()
            .filter(d -> d.id().toString().equals(id))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    model.addAttribute("draft", draft);
    return "portal/delete-draft";
  }

  @PostMapping(BASE + "/hapus-draf/{id}")
  String deleteDraft(
      @PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
    Optional<String> contact = signedIn(request);
    if (contact.isEmpty()) {
      return SIGN_IN;
    }
    UUID draftId;
    try {
      draftId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
    if (records.deleteDraft(contact.get(), draftId) == Deletion.NOT_FOUND) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("notice", "mydata.draft.deleted");
    return "redirect:" + BASE;
  }

  private Optional<String> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object id = session == null ? null : session.getAttribute(PortalController.SESSION);
    return sessions.touch(id instanceof UUID uuid ? uuid : null);
  }
}
