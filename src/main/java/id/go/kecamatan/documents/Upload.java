package id.go.kecamatan.documents;

import java.io.InputStream;
import java.util.List;

/**
 * One file as it arrives from a form. Nothing in it is trusted: the name is only shown (after
 * {@link Documents} cleans it), the declared type is ignored for every decision, and the stream is
 * read only up to the size limit.
 *
 * @param originalName the file name the browser sent; may be null or blank ("no file selected")
 * @param declaredContentType the type the browser claimed; may be null
 * @param content the bytes; read but not closed by {@link Documents}
 */
public record Upload(String originalName, String declaredContentType, InputStream content) {

  /** Whether a file was chosen: a form sends a part without a name for a file input left empty. */
  public boolean chosen() {
    return originalName != null && !originalName.isBlank();
  }

  /** Whether any of these is a chosen file; {@code null} holds none. */
  public static boolean anyChosen(List<Upload> uploads) {
    return uploads != null && uploads.stream().anyMatch(u -> u != null && u.chosen());
  }
}
