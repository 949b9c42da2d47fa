package id.go.kecamatan.content;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of an office's public pages whose visits are counted ({@link PageViews}). */
public enum PageKind {
  OFFICE,
  SERVICE,
  CHECKLIST,
  GUIDE,
  APPLY,
  FAQ,
  ANNOUNCEMENTS,
  COMPLAINTS,
  STATISTICS,
  SURVEY,
  OTHER;

  private static final Pattern PATH =
      Pattern.compile("^/kecamatan/([a-z0-9-]{1,60})(/([a-z0-9-]+)(/[^/]+)?(/([a-z0-9.-]+))?)?/?$");

  /** A counted page: the office's address and the kind. */
  public record Visit(String slug, PageKind kind) {}

  /** The office and kind of a public page's path, or empty for a path that is no office page. */
  public static Optional<Visit> of(String path) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    String slug = m.group(1);
    String section = m.group(3);
    String rest = m.group(6);
    if (section == null) {
      return Optional.of(new Visit(slug, OFFICE));
    }
    PageKind kind =
        switch (section) {
          case "layanan" ->
              rest == null
                  ? SERVICE
                  : switch (rest) {
                    case "daftar-persyaratan" -> CHECKLIST;
                    case "panduan", "panduan.pdf" -> GUIDE;
                    case "ajukan" -> APPLY;
                    default -> OTHER;
                  };
          case "tanya-jawab" -> FAQ;
          // the display board's running text is read by a machine every few seconds
          case "pengumuman" ->
              m.group(4) != null && m.group(4).endsWith(".txt") ? null : ANNOUNCEMENTS;
          case "pengaduan" -> COMPLAINTS;
          case "statistik" -> STATISTICS;
          case "ikm", "survei" -> SURVEY;
          case "logo" -> null;
          default -> OTHER;
        };
    return kind == null ? Optional.empty() : Optional.of(new Visit(slug, kind));
  }
}
