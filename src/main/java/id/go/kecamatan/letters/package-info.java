/**
 * Letters (surat): the letter of an approved application rendered from the service's template to
 * PDF/A-3, numbered at signing, signed electronically (PAdES) by the Camat or a delegate, issued to
 * the resident, and verifiable by anyone through the QR code's page; revocation. Depends on {@code
 * application}, {@code casework} (the worklist of approved applications, returning one), {@code
 * accounts} (signer accounts), {@code catalog}, {@code office}, {@code audit} and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Letters")
package id.go.kecamatan.letters;
