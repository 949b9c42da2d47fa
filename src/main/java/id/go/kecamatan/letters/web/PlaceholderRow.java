package id.go.kecamatan.letters.web;

/** A placeholder as the template editor lists it: its name and what it stands for. */
public record PlaceholderRow(String name, String meaning) {}
