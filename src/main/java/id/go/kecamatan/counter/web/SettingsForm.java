package id.go.kecamatan.counter.web;

/** The queue rules as typed on the set-up page. */
public record SettingsForm(
    String maxInside,
    String recallSeconds,
    String priorityStreak,
    String lansiaAge,
    String notifyAhead) {}
