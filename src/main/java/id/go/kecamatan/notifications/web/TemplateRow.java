package id.go.kecamatan.notifications.web;

/**
 * One template in the list: the kind and channel as named to the admin, the editor's address, and
 * whether the office uses its own.
 */
public record TemplateRow(String kind, String channel, String url, boolean own) {}
