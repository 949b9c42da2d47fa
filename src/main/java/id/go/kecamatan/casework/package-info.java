/**
 * Casework (pemrosesan permohonan): the back office's worklist, the check of each requirement, the
 * decisions on an application (review, completion, approval, rejection) on the deadline clock,
 * assisted intake at the counter and in the villages, and the office dashboard. Works through the
 * API of {@code application}; depends on {@code catalog}, {@code office}, {@code documents}, {@code
 * accounts} (the verifiers an application may be assigned to), {@code surveys} (the walk-in form a
 * receipt points to), {@code audit} and {@code shared}. See ADR 0008.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package id.go.kecamatan.casework;
