/**
 * Demo data: three real kecamatan with their villages, the demo catalogue of 14 services and an
 * account for every role, applications in every status and six months of survey responses (IKM).
 * Loaded only when {@code layanan.demo.enabled=true} (the README's run command), and only into an
 * empty database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package id.go.kecamatan.demo;
