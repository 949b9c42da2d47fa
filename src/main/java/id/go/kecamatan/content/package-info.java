/**
 * Content of the public site that is not a service (konten): the deployment's privacy notice
 * (pemberitahuan privasi, UU 27/2022) and accessibility statement (pernyataan aksesibilitas), with
 * shipped defaults in the message bundles, edited by a regency administrator as plain text and
 * linked from every page's footer; and outreach (sosialisasi, ADR 0027): short codes for posters
 * and messages whose scans, started and submitted applications are counted per day without knowing
 * who, their A4/A5 posters, and announcements (pengumuman) of an office or a regency that expire by
 * themselves; guides (panduan) generated from each service's standard, as a page and an A4 PDF/A,
 * and the online guide with screenshots of the site; questions and answers (tanya jawab) of an
 * office and of its regency, which an office may hide or adapt; visits of the public pages counted
 * per day without cookies; and the office's self-service kiosk (anjungan mandiri, ADR 0024).
 * Depends on {@code audit}, {@code office}, {@code catalog}, {@code application} (the draft events)
 * and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package id.go.kecamatan.content;
