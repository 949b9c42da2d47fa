/**
 * The service catalogue (katalog layanan): each office's service types with their published service
 * standard (standar pelayanan, UU 25/2009 art. 21), requirements (persyaratan) and channels, and
 * the public site that shows them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package id.go.kecamatan.catalog;
