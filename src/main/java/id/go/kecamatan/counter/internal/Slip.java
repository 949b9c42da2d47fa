package id.go.kecamatan.counter.internal;

import java.util.List;

/**
 * What a printed ticket says, in the visitor's language already.
 *
 * @param office "Kecamatan Jetis"
 * @param heading "NOMOR ANTREAN"
 * @param number "A-007"
 * @param group "Umum"
 * @param issued "4 Desember 2026 08.15"
 * @param notes further lines (waiting ahead, "tunggu di luar", the QR's caption)
 * @param url the resident's page, drawn as a QR code
 */
public record Slip(
    String office,
    String heading,
    String number,
    String group,
    String issued,
    List<String> notes,
    String url) {}
