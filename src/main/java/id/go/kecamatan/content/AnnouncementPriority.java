package id.go.kecamatan.content;

/** How urgent an announcement is (prioritas); the more urgent come first and win the banner. */
public enum AnnouncementPriority {
  /** Biasa: news, a new service, changed hours next month. */
  NORMAL,
  /** Penting: something residents must act on (a closure, a deadline). */
  IMPORTANT,
  /** Darurat: service interrupted today (a power cut, a system outage). */
  URGENT
}
