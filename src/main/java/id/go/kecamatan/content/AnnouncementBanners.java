package id.go.kecamatan.content;

import id.go.kecamatan.catalog.OfficeAnnouncements;
import id.go.kecamatan.office.Office;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The office home page's banner: the most urgent current announcement marked for it. */
@Component
class AnnouncementBanners implements OfficeAnnouncements {

  private final Announcements announcements;

  AnnouncementBanners(Announcements announcements) {
    this.announcements = announcements;
  }

  @Override
  public Optional<Banner> banner(Office office) {
    return announcements
        .banner(office.regencyId(), office.id())
        .map(
            a ->
                new Banner(
                    a.title(),
                    "/kecamatan/" + office.slug() + "/pengumuman/" + a.id(),
                    a.priority().name()));
  }
}
