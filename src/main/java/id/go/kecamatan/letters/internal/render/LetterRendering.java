package id.go.kecamatan.letters.internal.render;

/** Renders a letter from its service's template to PDF/A-3. */
public interface LetterRendering {

  /**
   * Renders the letter of this request with the office's letterhead, the service's template (the
   * office's own, or the shipped default) and paper size. Every inserted value is escaped.
   */
  RenderedLetter render(LetterRequest request);
}
