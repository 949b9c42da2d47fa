package id.go.kecamatan.complaints;

/** Who may see a complaint (kerahasiaan). */
public enum Privacy {
  /** Rahasia (the default): never on any public page, feed, export or API. */
  RAHASIA,
  /** Anonim: may be published after approval, the reporter's identity never shown. */
  ANONIM,
  /** Publik: may be published after approval. */
  PUBLIK
}
