package id.go.kecamatan.counter;

import java.util.UUID;

/**
 * A service group (kelompok layanan) of an office with the letter of its tickets, e.g. {@code A}
 * "Umum", {@code B} "Kependudukan".
 */
public record ServiceGroup(UUID id, String prefix, String name) {}
