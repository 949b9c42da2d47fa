package id.go.kecamatan.letters.web;

/** A letter template as typed in the editor (a {@code null} title: the default title). */
public record TemplateForm(String title, String body, Integer version) {}
