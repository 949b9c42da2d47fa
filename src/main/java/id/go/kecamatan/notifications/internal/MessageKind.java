package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of message this module writes, each with the placeholders its templates may use and the
 * channels it goes out on. Residents get their messages by e-mail, WhatsApp or SMS; the messages to
 * staff (the daily digest, the signers' letters awaiting signature) go by e-mail only.
 */
public enum MessageKind {
  APPLICATION_SUBMITTED("application.submitted", Placeholder.APPLICATION),
  DRAFT_STARTED(
      "draft.started",
      List.of(
          Placeholder.NAME,
          Placeholder.RESUME_CODE,
          Placeholder.SERVICE,
          Placeholder.OFFICE,
          Placeholder.RESUME_LINK,
          Placeholder.DRAFT_EXPIRES)),
  COMPLETION_REQUESTED("application.completion", Placeholder.withApplication(Placeholder.MISSING)),
  APPROVED("application.approved", Placeholder.APPLICATION),
  REJECTED("application.rejected", Placeholder.withApplication(Placeholder.REASON)),
  WITHDRAWN("application.withdrawn", Placeholder.withApplication(Placeholder.REASON)),
  LETTER_ISSUED(
      "letter.issued",
      Placeholder.withApplication(Placeholder.LETTER_NUMBER, Placeholder.DOWNLOAD_LINK)),
  SURVEY_INVITATION(
      "survey.invitation",
      Placeholder.withApplication(Placeholder.SURVEY_LINK, Placeholder.SURVEY_EXPIRES)),
  STAFF_DIGEST(
      "staff.digest",
      List.of(
          Placeholder.OFFICE,
          Placeholder.DAY,
          Placeholder.NEW,
          Placeholder.DUE_SOON,
          Placeholder.OVERDUE,
          Placeholder.AWAITING_SIGNATURE,
          Placeholder.ADMIN_LINK)),
  SIGNING_AWAITING(
      "signing.awaiting",
      List.of(
          Placeholder.SIGNER,
          Placeholder.OFFICE,
          Placeholder.DAY,
          Placeholder.AWAITING_SIGNATURE,
          Placeholder.EARLIEST_DEADLINE,
          Placeholder.LETTERS,
          Placeholder.SIGNING_LINK)),
  COMPLAINT_RECEIVED("complaint.received", Placeholder.COMPLAINT),
  COMPLAINTS_OVERDUE(
      "complaints.overdue",
      List.of(
          Placeholder.SIGNER,
          Placeholder.OFFICE,
          Placeholder.DAY,
          Placeholder.OVERDUE,
          Placeholder.COMPLAINTS,
          Placeholder.COMPLAINTS_LINK)),
  COMPLAINT_UPDATED(
      "complaint.updated",
      Placeholder.withComplaint(Placeholder.COMPLAINT_STATUS, Placeholder.COMPLAINT_NOTE)),
  ANNOUNCEMENT_REVIEW(
      "announcement.review",
      List.of(
          Placeholder.AUTHOR,
          Placeholder.OFFICE,
          Placeholder.ANNOUNCEMENT_TITLE,
          Placeholder.DAY,
          Placeholder.ANNOUNCEMENT_ENDS,
          Placeholder.ANNOUNCEMENT_LINK)),
  QUEUE_NEAR_TURN(
      "queue.turn",
      List.of(
          Placeholder.OFFICE,
          Placeholder.QUEUE_NUMBER,
          Placeholder.QUEUE_POSITION,
          Placeholder.QUEUE_LINK)),
  KTP_RECORDED("ktp.recorded", Placeholder.KTP),
  KTP_READY("ktp.ready", Placeholder.KTP),
  APPOINTMENT_BOOKED(
      "appointment.booked", Placeholder.withAppointment(Placeholder.APPOINTMENT_LINK)),
  APPOINTMENT_REMINDER("appointment.reminder", Placeholder.APPOINTMENT),
  APPOINTMENT_OFF_HOURS(
      "appointment.offhours", Placeholder.withAppointment(Placeholder.APPOINTMENT_LINK));

  private final String code;
  private final List<String> placeholders;

  MessageKind(String code, List<String> placeholders) {
    this.code = code;
    this.placeholders = List.copyOf(placeholders);
  }

  /** The kind as {@link id.go.kecamatan.notifications.OutgoingMessage#kind()} names it. */
  public String code() {
    return code;
  }

  /** The placeholders a template of this kind may use, in the order the editor lists them. */
  public List<String> placeholders() {
    return placeholders;
  }

  /** The channels this kind goes out on, each with a template. */
  public List<Channel> channels() {
    return forStaff() ? List.of(Channel.EMAIL) : List.of(Channel.values());
  }

  /** A message to officers, at the e-mail address of their account (or of the office). */
  public boolean forStaff() {
    return this == STAFF_DIGEST
        || this == SIGNING_AWAITING
        || this == COMPLAINTS_OVERDUE
        || this == ANNOUNCEMENT_REVIEW;
  }

  public boolean hasChannel(Channel channel) {
    return channels().contains(channel);
  }

  public static Optional<MessageKind> byCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  /** The names of the placeholders, as typed between double braces. */
  public static final class Placeholder {
    public static final String NAME = "pemohon.nama";
    public static final String TRACKING_CODE = "permohonan.kode";
    public static final String SERVICE = "layanan.nama";
    public static final String OFFICE = "kantor.nama";
    public static final String DEADLINE = "tenggat";
    public static final String STATUS_LINK = "tautan.status";
    public static final String DOWNLOAD_LINK = "tautan.unduh";
    public static final String REASON = "alasan";
    public static final String MISSING = "kekurangan";
    public static final String RESUME_CODE = "kode.lanjut";
    public static final String RESUME_LINK = "tautan.lanjut";
    public static final String DRAFT_EXPIRES = "draf.berlaku";
    public static final String LETTER_NUMBER = "nomor.surat";
    public static final String DAY = "tanggal";
    public static final String NEW = "jumlah.baru";
    public static final String DUE_SOON = "jumlah.segera";
    public static final String OVERDUE = "jumlah.terlambat";
    public static final String AWAITING_SIGNATURE = "jumlah.tandatangan";
    public static final String ADMIN_LINK = "tautan.admin";
    public static final String SIGNER = "penandatangan.nama";
    public static final String EARLIEST_DEADLINE = "tenggat.terdekat";
    public static final String LETTERS = "daftar.surat";
    public static final String SIGNING_LINK = "tautan.tandatangan";
    public static final String REPORTER = "pelapor.nama";
    public static final String COMPLAINT_CODE = "pengaduan.kode";
    public static final String COMPLAINT_STATUS = "pengaduan.status";
    public static final String COMPLAINT_NOTE = "pengaduan.keterangan";
    public static final String COMPLAINT_LINK = "tautan.pengaduan";
    public static final String COMPLAINTS = "daftar.pengaduan";
    public static final String COMPLAINTS_LINK = "tautan.daftar.pengaduan";
    public static final String AUTHOR = "penulis.nama";
    public static final String ANNOUNCEMENT_TITLE = "pengumuman.judul";
    public static final String ANNOUNCEMENT_ENDS = "pengumuman.berakhir";
    public static final String ANNOUNCEMENT_LINK = "tautan.pengumuman";
    public static final String QUEUE_NUMBER = "antrean.nomor";
    public static final String QUEUE_POSITION = "antrean.urutan";
    public static final String QUEUE_LINK = "tautan.antrean";

    /** Every message about a complaint knows these. */
    static final List<String> COMPLAINT =
        List.of(REPORTER, COMPLAINT_CODE, OFFICE, DEADLINE, COMPLAINT_LINK);

    static List<String> withComplaint(String... more) {
      List<String> all = new ArrayList<>(COMPLAINT);
      all.addAll(List.of(more));
      return all;
    }

    public static final String KTP_CODE = "ktp.kode";
    public static final String KTP_LINK = "tautan.ktp";

    /** Every message about an e-KTP card knows these. */
    static final List<String> KTP = List.of(NAME, KTP_CODE, OFFICE, KTP_LINK);

    public static final String APPOINTMENT_CODE = "janji.kode";
    public static final String APPOINTMENT_TYPE = "janji.layanan";
    public static final String APPOINTMENT_TIME = "janji.waktu";
    public static final String APPOINTMENT_BRING = "janji.bawa";
    public static final String APPOINTMENT_LINK = "tautan.janji";

    /** Every message about a booking knows these. */
    static final List<String> APPOINTMENT =
        List.of(
            NAME, APPOINTMENT_CODE, APPOINTMENT_TYPE, APPOINTMENT_TIME, OFFICE, APPOINTMENT_BRING);

    static List<String> withAppointment(String... more) {
      List<String> all = new ArrayList<>(APPOINTMENT);
      all.addAll(List.of(more));
      return all;
    }

    public static final String SURVEY_LINK = "tautan.survei";
    public static final String SURVEY_EXPIRES = "survei.berlaku";

    /** Every message about an application knows these. */
    static final List<String> APPLICATION =
        List.of(NAME, TRACKING_CODE, SERVICE, OFFICE, DEADLINE, STATUS_LINK);

    private Placeholder() {}

    static List<String> withApplication(String... more) {
      List<String> all = new ArrayList<>(APPLICATION);
      all.addAll(List.of(more));
      return all;
    }
  }
}
