/**
 * Documents (berkas) a resident or an officer uploads: streamed with a size cap, hashed, typed by
 * their first bytes, photos re-encoded without their metadata, PDFs checked and kept as they came,
 * stored under generated names in a {@link id.go.kecamatan.documents.BlobStore}, described by a row
 * per office. Depends on {@code shared} only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package id.go.kecamatan.documents;
