package id.go.kecamatan.content.web;

import id.go.kecamatan.content.NoticeKind;
import id.go.kecamatan.content.NoticeText;
import id.go.kecamatan.content.SiteNotices;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The privacy notice ({@code /privasi}) and the accessibility statement ({@code /aksesibilitas})
 * linked from every footer, and their editing by a regency administrator at {@code
 * /admin/kabupaten/pemberitahuan} (the path is the regency administrator's by the security
 * configuration).
 */
@Controller
class NoticePages {

  private static final String ADMIN = "/admin/kabupaten/pemberitahuan";

  private final SiteNotices notices;
  private final java.time.Clock clock;

  NoticePages(SiteNotices notices, java.time.Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  @GetMapping({"/privasi", "/aksesibilitas"})
  String show(jakarta.servlet.http.HttpServletRequest request, Locale locale, Model model) {
    NoticeKind kind =
        NoticeKind.byPath(request.getRequestURI().substring(1)).orElseThrow(NotFoundException::new);
    SiteNotices.Notice notice = notices.notice(kind);
    model.addAttribute("kind", kind);
    model.addAttribute("blocks", NoticeText.blocks(notices.text(kind, locale)));
    model.addAttribute(
        "updatedOn",
        notice.customised() ? notice.updatedAt().atZone(clock.getZone()).toLocalDate() : null);
    return "content/notice";
  }

  @GetMapping(ADMIN)
  String list(Model model) {
    model.addAttribute(
        "notices", java.util.Arrays.stream(NoticeKind.values()).map(notices::notice).toList());
    return "content/admin-list";
  }

  @GetMapping(ADMIN + "/{path}")
  String edit(@PathVariable String path, Locale locale, Model model) {
    NoticeKind kind = NoticeKind.byPath(path).orElseThrow(NotFoundException::new);
    SiteNotices.Notice notice = notices.notice(kind);
    return form(
        kind,
        notice.indonesian() == null
            ? notices.defaultText(kind, Locale.forLanguageTag("id"))
            : notice.indonesian(),
        notice.english() == null ? notices.defaultText(kind, Locale.ENGLISH) : notice.english(),
        notice,
        new FieldErrors(),
        model);
  }

  @PostMapping(ADMIN + "/{path}")
  String save(
      @PathVariable String path,
      @RequestParam(defaultValue = "") String indonesian,
      @RequestParam(defaultValue = "") String english,
      Model model,
      RedirectAttributes redirect) {
    NoticeKind kind = NoticeKind.byPath(path).orElseThrow(NotFoundException::new);
    FieldErrors errors = notices.update(kind, indonesian, english);
    if (errors.any()) {
      return form(kind, indonesian, english, notices.notice(kind), errors, model);
    }
    redirect.addFlashAttribute("notice", "notice.saved");
    return "redirect:" + ADMIN + "/" + kind.path();
  }

  private String form(
      NoticeKind kind,
      String indonesian,
      String english,
      SiteNotices.Notice saved,
      FieldErrors errors,
      Model model) {
    model.addAttribute("kind", kind);
    model.addAttribute("indonesian", indonesian);
    model.addAttribute("english", english);
    model.addAttribute("saved", saved);
    model.addAttribute("errors", errors);
    model.addAttribute("maxLength", SiteNotices.MAX_LENGTH);
    return "content/admin-edit";
  }
}
