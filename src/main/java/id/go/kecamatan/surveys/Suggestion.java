package id.go.kecamatan.surveys;

import java.time.LocalDate;

/** A respondent's saran/kritik as given, with the day of the response (nothing else of it). */
public record Suggestion(LocalDate day, String text) {}
