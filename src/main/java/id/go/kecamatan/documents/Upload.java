package id.go.kecamatan.documents;

import java.io.InputStream;

/**
 * One file as it arrives from a form. Nothing in it is trusted: the name is only shown (after
 * {@link Documents} cleans it), the declared type is ignored for every decision, and the stream is
 * read only up to the size limit.
 *
 * @param originalName the file name the browser sent; may be null or blank ("no file selected")
 * @param declaredContentType the type the browser claimed; may be null
 * @param content the bytes; read but not closed by {@link Documents}
 */
public record Upload(String originalName, String declaredContentType, InputStream content) {}
