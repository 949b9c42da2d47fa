/**
 * Staff accounts (akun petugas) and sign-in: roles, password hashing, lock-out after repeated
 * failures, password change, and the staff administration of an office.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package id.go.kecamatan.accounts;
