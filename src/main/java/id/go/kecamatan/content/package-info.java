/**
 * Content of the public site that is not a service (konten): the deployment's privacy notice
 * (pemberitahuan privasi, UU 27/2022) and accessibility statement (pernyataan aksesibilitas), with
 * shipped defaults in the message bundles, edited by a regency administrator as plain text and
 * linked from every page's footer. Depends on {@code audit} and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package id.go.kecamatan.content;
