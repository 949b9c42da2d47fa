package id.go.kecamatan.content;

/** The notices every page links to from its footer, with their public address. */
public enum NoticeKind {
  /** Pemberitahuan privasi: what personal data are kept, why, how long, who sees them. */
  PRIVACY("privasi"),
  /** Pernyataan aksesibilitas: the standard, the known limits, how to report a problem. */
  ACCESSIBILITY("aksesibilitas");

  private final String path;

  NoticeKind(String path) {
    this.path = path;
  }

  /** The last part of the public address, {@code /privasi}. */
  public String path() {
    return path;
  }

  public static java.util.Optional<NoticeKind> byPath(String path) {
    for (NoticeKind kind : values()) {
      if (kind.path.equals(path)) {
        return java.util.Optional.of(kind);
      }
    }
    return java.util.Optional.empty();
  }
}
