package id.go.kecamatan.counter.internal;

import java.util.List;

/**
 * What a printed ticket says, in the visitor's language already.
 *
 * @param office <i>Kecamatan Jetis</i>
 * @param heading <i>NOMOR ANTREAN</i>
 * @param number <i>A-007</i>
 * @param group <i>Umum</i>
 * @param issued <i>4 Desember 2026 08.15</i>
 * @param notes further lines (waiting ahead, <i>tunggu di luar</i>, the QR's caption)
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
