package id.go.kecamatan.complaints.web;

/** The complaints worklist's query as typed, given back to its form. */
public record WorklistQuery(
    String q, String status, String category, String village, String assignee, String due) {}
