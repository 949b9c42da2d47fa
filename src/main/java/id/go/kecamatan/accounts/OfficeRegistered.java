package id.go.kecamatan.accounts;

import java.util.UUID;

/**
 * A regency administrator registered a new office with its first administrator (published inside
 * the registering transaction, so what listeners add for the office is made with it, or nothing).
 */
public record OfficeRegistered(UUID officeId) {}
