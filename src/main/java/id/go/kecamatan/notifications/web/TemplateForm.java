package id.go.kecamatan.notifications.web;

/** A message template as typed in the editor; the subject is for e-mail only. */
public record TemplateForm(String subject, String text, Integer version) {}
