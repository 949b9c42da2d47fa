package id.go.kecamatan.letters.internal.render;

/** The paper an office prints its letters on. */
public enum PaperSize {
  /** 210 x 297 mm. */
  A4(210, 297),
  /** F4 or Folio, common in Indonesian offices: 215 x 330 mm. */
  F4(215, 330);

  private final int widthMm;
  private final int heightMm;

  PaperSize(int widthMm, int heightMm) {
    this.widthMm = widthMm;
    this.heightMm = heightMm;
  }

  public int widthMm() {
    return widthMm;
  }

  public int heightMm() {
    return heightMm;
  }
}
