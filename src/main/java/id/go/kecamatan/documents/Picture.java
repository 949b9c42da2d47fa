package id.go.kecamatan.documents;

/**
 * A picture redrawn from an upload (an office logo): a PNG made from its pixels only, so nothing of
 * the uploaded file survives (no metadata, no appended archive, no second format).
 *
 * @param png the PNG bytes
 * @param width the width in pixels
 * @param height the height in pixels
 */
public record Picture(byte[] png, int width, int height) {

  public String contentType() {
    return "image/png";
  }
}
