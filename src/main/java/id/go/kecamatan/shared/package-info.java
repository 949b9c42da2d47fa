/**
 * Shared infrastructure used by every module: the web layout and page model, message bundles, form
 * errors, the signed-in officer, and the embedded PostgreSQL. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Shared",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package id.go.kecamatan.shared;
