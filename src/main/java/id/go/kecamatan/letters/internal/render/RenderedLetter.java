package id.go.kecamatan.letters.internal.render;

/**
 * A letter rendered to PDF/A-3, not yet signed.
 *
 * @param pdf the PDF bytes
 * @param signatureBox where the signature block lies, for the visible signature
 */
public record RenderedLetter(byte[] pdf, SignatureBox signatureBox) {}
