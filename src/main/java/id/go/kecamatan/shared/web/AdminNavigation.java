package id.go.kecamatan.shared.web;

import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The back office's navigation: a few everyday links (home, dashboard, counter, worklist) and the
 * rest grouped into sections (Statistik, Layanan, Surat, Kantor, Staf &amp; keamanan, Pesan), each
 * with a landing page {@code /admin/bagian/<key>} listing its links with one line each. An officer
 * sees a link only when their roles allow the page; a section with one visible link shows that link
 * in the navigation instead, and a section with none is not shown (its landing page is not found).
 */
public final class AdminNavigation {

  private AdminNavigation() {}

  /** Who sees a link: any of these roles (none: every officer), and whether it needs an office. */
  public record Link(
      String path, String labelKey, String helpKey, Set<Role> roles, boolean office) {

    public boolean visibleTo(Officer officer) {
      if (officer == null || (office && officer.officeId() == null)) {
        return false;
      }
      return roles.isEmpty() || roles.stream().anyMatch(officer::has);
    }
  }

  /** A group of links with its landing page. */
  public record Section(String key, String labelKey, String helpKey, List<Link> links) {

    public String path() {
      return "/admin/bagian/" + key;
    }

    public List<Link> visibleTo(Officer officer) {
      return links.stream().filter(l -> l.visibleTo(officer)).toList();
    }
  }

  private static final Set<Role> ADMIN = Set.of(Role.OFFICE_ADMIN);
  private static final Set<Role> ANY = Set.of();

  private static Link link(String path, String label, String help, Set<Role> roles) {
    return new Link(path, label, help, roles, true);
  }

  /** The links before the sections, for everyday work. */
  public static final List<Link> EVERYDAY =
      List.of(
          new Link("/admin", "admin.home", "nav.help.home", ANY, false),
          link("/admin/dasbor", "dashboard.nav", "dashboard.help", ANY),
          link(
              "/admin/loket",
              "intake.nav",
              "intake.help",
              Set.of(Role.FRONT_OFFICE, Role.VILLAGE_OPERATOR, Role.OFFICE_ADMIN)),
          link(
              "/admin/permohonan",
              "casework.nav",
              "nav.help.worklist",
              Set.of(
                  Role.VERIFIER,
                  Role.OFFICE_ADMIN,
                  Role.SIGNER,
                  Role.FRONT_OFFICE,
                  Role.VILLAGE_OPERATOR)),
          link(
              "/admin/pengaduan",
              "complaints.nav",
              "complaints.nav.help",
              Set.of(
                  Role.VERIFIER,
                  Role.OFFICE_ADMIN,
                  Role.SIGNER,
                  Role.FRONT_OFFICE,
                  Role.VILLAGE_OPERATOR)),
          // the counter queue, daily work of the front office; the office admin reaches it
          // through the Kantor section (its navigation is full)
          link("/admin/antrean", "counter.nav", "counter.nav.help", Set.of(Role.FRONT_OFFICE)));

  /** The sections, in the order of the navigation. */
  public static final List<Section> SECTIONS =
      List.of(
          new Section(
              "statistik",
              "statistics.nav.section",
              "statistics.nav.section.help",
              List.of(
                  link("/admin/statistik", "statistics.nav", "statistics.nav.help", ANY),
                  link(
                      "/admin/statistik/laporan",
                      "statistics.report.nav",
                      "statistics.report.nav.help",
                      Set.of(Role.OFFICE_ADMIN, Role.SIGNER)),
                  link(
                      "/admin/survei",
                      "surveys.admin.title",
                      "surveys.nav.help.report",
                      Set.of(Role.OFFICE_ADMIN, Role.SIGNER)),
                  link(
                      "/admin/survei/loket",
                      "surveys.counter.title",
                      "surveys.nav.help.counter",
                      Set.of(Role.OFFICE_ADMIN, Role.FRONT_OFFICE)),
                  link(
                      "/admin/survei/kertas",
                      "surveys.paper.title",
                      "surveys.nav.help.paper",
                      Set.of(Role.OFFICE_ADMIN, Role.FRONT_OFFICE)))),
          new Section(
              "layanan",
              "nav.section.services",
              "nav.section.services.help",
              List.of(
                  link("/admin/layanan", "admin.services", "admin.services.help", ADMIN),
                  link(
                      "/admin/pengaduan/kategori",
                      "complaints.categories.nav",
                      "complaints.categories.nav.help",
                      ADMIN),
                  link(
                      "/admin/surat/templat",
                      "letterTemplates.nav",
                      "nav.help.letterTemplates",
                      ADMIN),
                  link("/admin/sosialisasi/kode", "outreach.nav", "outreach.nav.help", ADMIN),
                  link(
                      "/admin/sosialisasi/pengumuman",
                      "outreach.announcements.admin",
                      "outreach.announcements.nav.help",
                      ADMIN),
                  link(
                      "/admin/sosialisasi/tanya-jawab",
                      "outreach.faq.admin",
                      "outreach.faq.nav.help",
                      ADMIN),
                  link(
                      "/admin/sosialisasi/kunjungan",
                      "outreach.visits.title",
                      "outreach.visits.nav.help",
                      ADMIN),
                  link(
                      "/admin/sosialisasi/kios",
                      "outreach.kiosk.admin",
                      "outreach.kiosk.nav.help",
                      ADMIN),
                  link(
                      "/admin/janji",
                      "appointments.nav.day",
                      "appointments.nav.day.help",
                      Set.of(Role.OFFICE_ADMIN, Role.FRONT_OFFICE, Role.VERIFIER)),
                  link(
                      "/admin/ktp-el",
                      "appointments.nav",
                      "appointments.nav.help",
                      Set.of(Role.OFFICE_ADMIN, Role.FRONT_OFFICE, Role.VERIFIER)),
                  link(
                      "/admin/janji/jenis",
                      "appointments.nav.types",
                      "appointments.nav.types.help",
                      ADMIN))),
          new Section(
              "surat",
              "nav.section.letters",
              "nav.section.letters.help",
              List.of(
                  link(
                      "/admin/surat/tanda-tangan",
                      "letters.nav.queue",
                      "nav.help.signingQueue",
                      Set.of(Role.SIGNER)),
                  link(
                      "/admin/surat/kunci",
                      "signing.nav",
                      "nav.help.signingKey",
                      Set.of(Role.SIGNER)),
                  link(
                      "/admin/surat/delegasi",
                      "letters.delegation.title",
                      "nav.help.delegations",
                      Set.of(Role.SIGNER, Role.OFFICE_ADMIN)),
                  link(
                      "/admin/surat/terbit",
                      "verification.issued.nav",
                      "nav.help.issued",
                      Set.of(Role.OFFICE_ADMIN, Role.FRONT_OFFICE, Role.VERIFIER, Role.SIGNER)),
                  link(
                      "/admin/surat/penandatangan",
                      "letters.nav.signers",
                      "nav.help.signers",
                      ADMIN),
                  link("/admin/surat/penomoran", "numbering.nav", "nav.help.numbering", ADMIN))),
          new Section(
              "kantor",
              "nav.section.office",
              "nav.section.office.help",
              List.of(
                  link("/admin/kantor", "admin.profile", "admin.profile.help", ADMIN),
                  link("/admin/pejabat", "admin.officials", "nav.help.officials", ADMIN),
                  link("/admin/kalender", "admin.calendar", "admin.calendar.help", ADMIN),
                  link(
                      "/admin/kantor/jam-layanan",
                      "openingHours.title",
                      "openingHours.nav.help",
                      ADMIN),
                  link("/admin/antrean", "counter.nav", "counter.nav.adminHelp", ADMIN),
                  link("/admin/desa", "admin.villages", "nav.help.villages", ANY),
                  link("/admin/pesan", "notifications.nav", "nav.help.messageLog", ADMIN),
                  link(
                      "/admin/pesan/templat",
                      "notificationTemplates.nav",
                      "nav.help.messageTemplates",
                      ADMIN))),
          new Section(
              "staf",
              "nav.section.staff",
              "nav.section.staff.help",
              List.of(
                  link("/admin/staf", "admin.staff", "admin.staff.help", ADMIN),
                  link("/admin/audit", "admin.audit", "nav.help.audit", ADMIN),
                  new Link("/akun/kata-sandi", "admin.account", "nav.help.account", ANY, false))),
          new Section(
              "kabupaten",
              "nav.section.regency",
              "nav.section.regency.help",
              List.of(
                  new Link(
                      "/admin/kabupaten/kecamatan",
                      "admin.regencyOffices",
                      "admin.regencyOffices.help",
                      Set.of(Role.REGENCY_ADMIN),
                      false),
                  new Link(
                      "/admin/kabupaten/kalender",
                      "admin.nationalCalendar",
                      "nav.help.nationalCalendar",
                      Set.of(Role.REGENCY_ADMIN),
                      false),
                  new Link(
                      "/admin/kabupaten/pemberitahuan",
                      "notice.admin.title",
                      "nav.help.notices",
                      Set.of(Role.REGENCY_ADMIN),
                      false),
                  new Link(
                      "/admin/kabupaten/pengumuman",
                      "outreach.announcements.regencyAdmin",
                      "outreach.announcements.regencyNav.help",
                      Set.of(Role.REGENCY_ADMIN),
                      false),
                  new Link(
                      "/admin/kabupaten/tanya-jawab",
                      "outreach.faq.regencyAdmin",
                      "outreach.faq.regencyNav.help",
                      Set.of(Role.REGENCY_ADMIN),
                      false),
                  new Link(
                      "/admin/kabupaten/survei",
                      "surveys.regency.nav",
                      "surveys.nav.help.regency",
                      Set.of(Role.REGENCY_ADMIN),
                      false),
                  new Link(
                      "/admin/kabupaten/statistik",
                      "statistics.regency.nav",
                      "statistics.regency.nav.help",
                      Set.of(Role.REGENCY_ADMIN),
                      false),
                  new Link(
                      "/admin/kabupaten/statistik/laporan",
                      "statistics.regencyReport.nav",
                      "statistics.regencyReport.nav.help",
                      Set.of(Role.REGENCY_ADMIN),
                      false),
                  new Link(
                      "/admin/kabupaten/dua-langkah",
                      "secondFactor.regency.title",
                      "nav.help.secondFactors",
                      Set.of(Role.REGENCY_ADMIN),
                      false))));

  /** The section of this key, if there is one. */
  public static Optional<Section> section(String key) {
    return SECTIONS.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /**
   * One entry of the navigation as an officer sees it: a link, or a section's landing page.
   *
   * @param prefixes the paths whose pages this entry is current for
   */
  public record Entry(String path, String labelKey, List<String> prefixes) {}

  /** The navigation of this officer, in order. */
  public static List<Entry> entries(Officer officer) {
    List<Entry> entries = new java.util.ArrayList<>();
    for (Link l : EVERYDAY) {
      if (l.visibleTo(officer)) {
        entries.add(new Entry(l.path(), l.labelKey(), List.of(l.path())));
      }
    }
    for (Section s : SECTIONS) {
      List<Link> visible = s.visibleTo(officer);
      if (visible.size() == 1) {
        Link only = visible.get(0);
        entries.add(new Entry(only.path(), only.labelKey(), List.of(only.path())));
      } else if (visible.size() > 1) {
        List<String> prefixes = new java.util.ArrayList<>();
        prefixes.add(s.path());
        visible.forEach(l -> prefixes.add(l.path()));
        entries.add(new Entry(s.path(), s.labelKey(), List.copyOf(prefixes)));
      }
    }
    return entries;
  }
}
