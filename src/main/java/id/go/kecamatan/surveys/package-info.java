/**
 * Surveys (survei kepuasan masyarakat, SKM): the IKM questionnaire of Permenpan RB 14/2017 (nine
 * elements, each answered 1-4, a respondent profile of optional bands, saran/kritik), its scoring
 * rule ({@link id.go.kecamatan.surveys.Ikm}), the minimum sample of Krejcie and Morgan ({@link
 * id.go.kecamatan.surveys.SampleSize}); invitations after a letter is issued (a single-use link
 * through the outbox, one response per application), the walk-in form reached by QR, the counter
 * tablet and paper forms keyed in by staff; reports per office, service and regency, and the public
 * IKM pages. A response is never linked to the application or the resident it came from. Depends on
 * {@code application}, {@code letters} (their events), {@code catalog}, {@code office} and {@code
 * shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package id.go.kecamatan.surveys;
