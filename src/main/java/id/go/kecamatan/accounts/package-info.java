/**
 * Staff accounts (akun petugas) and sign-in: roles, an optional e-mail address for the officer's
 * daily messages, password hashing, lock-out after repeated failures, the officer's account page
 * (own e-mail address, password change), and the staff administration of an office.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package id.go.kecamatan.accounts;
