package id.go.kecamatan.content.web;

import id.go.kecamatan.content.Announcement;
import id.go.kecamatan.content.Announcements;
import id.go.kecamatan.content.NoticeText;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.PublicAddress;
import id.go.kecamatan.shared.web.Sharing;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public announcements of an office ({@code /kecamatan/<slug>/pengumuman}): today's, the
 * office's own and its regency's, most urgent first; one page each with "terakhir diperbarui", the
 * review date, a WhatsApp share link and Open Graph tags; and the display board's running text as
 * plain text. An announcement that is over (or not yet begun) is not found.
 */
@Controller
class AnnouncementPages {

  private final Offices offices;
  private final Announcements announcements;
  private final PublicAddress site;

  AnnouncementPages(Offices offices, Announcements announcements, PublicAddress site) {
    this.offices = offices;
    this.announcements = announcements;
    this.site = site;
  }

  @GetMapping("/kecamatan/{slug}/pengumuman")
  String list(@PathVariable String slug, Model model) {
    Office office = office(slug);
    model.addAttribute("office", office);
    model.addAttribute("announcements", announcements.current(office.regencyId(), office.id()));
    return "content/announcements";
  }

  @GetMapping("/kecamatan/{slug}/pengumuman/{id}")
  String show(@PathVariable String slug, @PathVariable String id, Model model) {
    Office office = office(slug);
    Announcement a =
        announcements
            .currentOne(office.regencyId(), office.id(), uuid(id))
            .orElseThrow(NotFoundException::new);
    String url = site.base() + "/kecamatan/" + office.slug() + "/pengumuman/" + a.id();
    model.addAttribute("office", office);
    model.addAttribute("announcement", a);
    model.addAttribute("blocks", NoticeText.blocks(a.body()));
    model.addAttribute("url", url);
    model.addAttribute(
        "image", office.hasLogo() ? site.base() + "/kecamatan/" + office.slug() + "/logo" : null);
    model.addAttribute("share", Sharing.whatsApp(a.title() + " – " + office.displayName(), url));
    model.addAttribute("summary", Sharing.summary(a.body()));
    return "content/announcement";
  }

  @GetMapping("/kecamatan/{slug}/pengumuman/teks-berjalan.txt")
  ResponseEntity<String> ticker(@PathVariable String slug) {
    Office office = office(slug);
    StringBuilder text = new StringBuilder();
    announcements.ticker(office.regencyId(), office.id()).forEach(l -> text.append(l).append('\n'));
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache())
        .header("X-Content-Type-Options", "nosniff")
        .body(text.toString());
  }

  private Office office(String slug) {
    return offices.bySlug(slug).filter(Office::active).orElseThrow(NotFoundException::new);
  }

  private static UUID uuid(String id) {
    try {
      return id.length() == 36 ? UUID.fromString(id) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
