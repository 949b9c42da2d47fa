package id.go.kecamatan.office;

import java.util.UUID;

/** A regency or city (kabupaten/kota): the deployment's level above offices. */
public record Regency(UUID id, String code, String name) {}
