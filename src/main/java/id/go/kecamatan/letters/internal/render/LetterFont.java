package id.go.kecamatan.letters.internal.render;

import id.go.kecamatan.shared.pdf.PdfFonts;

/** The body font of an office's letters, both shipped and embedded. */
public enum LetterFont {
  /** Liberation Serif (the metrics of Times New Roman). */
  SERIF(PdfFonts.SERIF),
  /** Liberation Sans (the metrics of Arial). */
  SANS(PdfFonts.SANS);

  private final String family;

  LetterFont(String family) {
    this.family = family;
  }

  /** The CSS font family. */
  public String family() {
    return family;
  }
}
