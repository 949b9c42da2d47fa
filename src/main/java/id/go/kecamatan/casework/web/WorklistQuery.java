package id.go.kecamatan.casework.web;

/** The worklist filter as typed, for the filter form and its links (public for the template). */
public record WorklistQuery(
    String status,
    String service,
    String village,
    String channel,
    String assignee,
    String due,
    String q) {}
