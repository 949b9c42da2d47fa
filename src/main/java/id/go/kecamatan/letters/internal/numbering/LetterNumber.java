package id.go.kecamatan.letters.internal.numbering;

/**
 * A letter number taken from a sequence.
 *
 * @param text the number as printed, e.g. {@code 474/007/416.305/2026}
 * @param scope the sequence it was taken from: {@code OFFICE}, {@code K:<klasifikasi>} or {@code
 *     S:<service id>}
 * @param year the sequence's year
 * @param sequence the running number in that sequence and year
 */
public record LetterNumber(String text, String scope, int year, int sequence) {}
