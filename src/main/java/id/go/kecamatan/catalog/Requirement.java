package id.go.kecamatan.catalog;

import java.util.UUID;

/** A requirement (persyaratan) of a service: a document the resident brings or uploads. */
public record Requirement(
    UUID id, int position, String name, String description, boolean required) {}
