package id.go.kecamatan.notifications.web;

/** A placeholder as the message template editor lists it: its name and what it stands for. */
public record PlaceholderRow(String name, String meaning) {}
