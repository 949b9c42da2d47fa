package id.go.kecamatan.letters.internal.render;

/**
 * The signature block of a letter, as printed.
 *
 * @param capacity {@code null} when the Camat signs, {@code "a.n."} or {@code "Plh."} for a
 *     delegate
 * @param officeTitle the position signed for, e.g. {@code CAMAT JETIS}
 * @param signerTitle the delegate's own position under an a.n. line, e.g. {@code Sekretaris
 *     Kecamatan}; otherwise {@code null}
 * @param rank pangkat/golongan, may be {@code null}
 * @param nip may be {@code null}
 */
public record SignatureLine(
    String capacity,
    String officeTitle,
    String signerTitle,
    String name,
    String rank,
    String nip) {}
