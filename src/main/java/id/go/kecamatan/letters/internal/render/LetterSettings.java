package id.go.kecamatan.letters.internal.render;

/** How an office prints its letters; A4 in Liberation Serif until the admin changes it. */
public record LetterSettings(PaperSize paper, LetterFont font, int version) {

  public static final LetterSettings DEFAULT =
      new LetterSettings(PaperSize.A4, LetterFont.SERIF, 0);
}
