package id.go.kecamatan.letters.internal.render;

/**
 * A letter could not be laid out or drawn: the layout engine failed on the template (for instance
 * one nested too deeply for its recursion). Thrown instead of the engine's own failure, so pages
 * can show a message and letters can fall back to the shipped template.
 */
public class LetterRenderingFailed extends RuntimeException {

  LetterRenderingFailed(Throwable cause) {
    super("The letter could not be rendered: " + cause.getClass().getSimpleName(), cause);
  }
}
