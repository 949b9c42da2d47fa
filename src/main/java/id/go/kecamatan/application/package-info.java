/**
 * Applications (permohonan): the applicant's identity, the answers to the service's form, the
 * attachments, the tracking code, the status history and the deadline clock. The status machine
 * lives on {@link id.go.kecamatan.application.Application}. Depends on {@code catalog}, {@code
 * office}, {@code documents}, {@code audit} and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package id.go.kecamatan.application;
