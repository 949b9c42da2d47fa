package id.go.kecamatan.letters.internal.render;

/**
 * Where the signature block lies on a rendered letter, for the visible signature: PDF user space
 * (points, origin at the bottom left of the page).
 *
 * @param page the 0-based page index
 */
public record SignatureBox(int page, float x, float y, float width, float height) {}
