package id.go.kecamatan.catalog;

import id.go.kecamatan.office.Office;
import java.util.Optional;

/**
 * What the office's home page shows of its announcements (pengumuman): the banner, when one is
 * current and marked for it. Implemented by the {@code content} module, which owns announcements;
 * the public site works without it.
 */
public interface OfficeAnnouncements {

  /**
   * The banner's announcement.
   *
   * @param path the announcement's page on the site
   * @param priority {@code NORMAL}, {@code IMPORTANT} or {@code URGENT}
   */
  record Banner(String title, String path, String priority) {}

  /** The banner of the office's home page today, if any. */
  Optional<Banner> banner(Office office);
}
