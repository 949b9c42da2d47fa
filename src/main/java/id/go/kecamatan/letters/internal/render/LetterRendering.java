package id.go.kecamatan.letters.internal.render;

/** Renders a letter from its service's template to PDF/A-3. */
public interface LetterRendering {

  /**
   * Renders the letter of this request with the office's letterhead, the service's template (the
   * office's own, or the shipped default) and paper size. Every inserted value is escaped.
   */
  default RenderedLetter render(LetterRequest request) {
    return prepare(request).render(request.number());
  }

  /**
   * Reads and fills in everything of the letter but its number (office, template, form, the
   * values), so that signing does this before it takes the number and holds the number's lock only
   * for the layout and the PDF.
   */
  Prepared prepare(LetterRequest request);

  /**
   * A rendering for the letters of one signing batch: what letters of the same office and service
   * share (the service, its template and form, the office, its letterhead, villages, paper and
   * font) is read once, when the first of them needs it, instead of for every letter. A change an
   * administrator saves meanwhile shows from the next batch on. Safe for several threads.
   */
  default LetterRendering batch() {
    return this;
  }

  /** The first page of a rendered PDF as a PNG image, for previews in a page. */
  static byte[] firstPagePng(byte[] pdf) {
    return LetterPdf.firstPagePng(pdf);
  }

  /** A letter ready to be laid out once its number is known. */
  @FunctionalInterface
  interface Prepared {

    /** The letter with this number; {@code null} renders the draft. */
    RenderedLetter render(String number);
  }
}
