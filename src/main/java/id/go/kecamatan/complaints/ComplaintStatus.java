package id.go.kecamatan.complaints;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The status of a complaint (status pengaduan) and the transitions each allows. Diterima ->
 * Diverifikasi | Ditolak | Bukan wewenang | Duplikat; Diverifikasi -> Diproses <-> Menunggu
 * tanggapan pelapor -> Dijawab -> Selesai, or Permintaan dibuka kembali -> Dibuka kembali (then as
 * Diverifikasi) or Selesai.
 */
public enum ComplaintStatus {
  /** Diterima: filed, waiting for verification (the verification clock runs). */
  RECEIVED,
  /** Diverifikasi: accepted as the office's to handle (the answer clock runs). */
  VERIFIED,
  /** Ditolak: not a complaint the office takes (with a reason). */
  REJECTED,
  /** Bukan wewenang: closed with the outside channel named (forwarding keeps it Diterima). */
  NOT_OUR_AUTHORITY,
  /** Duplikat: merged into another complaint of the office. */
  DUPLICATE,
  /** Diproses: an officer works on it. */
  IN_PROGRESS,
  /** Menunggu tanggapan pelapor: the office asked the reporter; the answer clock is paused. */
  AWAITING_REPORTER,
  /** Dijawab: the public answer is given; the reporter may react within 10 working days. */
  ANSWERED,
  /** Permintaan dibuka kembali: the reporter was not satisfied; an officer decides. */
  REOPEN_REQUESTED,
  /** Dibuka kembali: reopened; handled again like a verified complaint. */
  REOPENED,
  /** Selesai. */
  CLOSED;

  private static final Map<ComplaintStatus, Set<ComplaintStatus>> NEXT =
      Map.ofEntries(
          Map.entry(RECEIVED, EnumSet.of(VERIFIED, REJECTED, NOT_OUR_AUTHORITY, DUPLICATE)),
          Map.entry(VERIFIED, EnumSet.of(IN_PROGRESS, AWAITING_REPORTER, ANSWERED, DUPLICATE)),
          Map.entry(IN_PROGRESS, EnumSet.of(AWAITING_REPORTER, ANSWERED, DUPLICATE)),
          Map.entry(AWAITING_REPORTER, EnumSet.of(IN_PROGRESS)),
          Map.entry(ANSWERED, EnumSet.of(CLOSED, REOPEN_REQUESTED)),
          Map.entry(REOPEN_REQUESTED, EnumSet.of(REOPENED, CLOSED)),
          Map.entry(REOPENED, EnumSet.of(IN_PROGRESS, AWAITING_REPORTER, ANSWERED)),
          Map.entry(REJECTED, EnumSet.noneOf(ComplaintStatus.class)),
          Map.entry(NOT_OUR_AUTHORITY, EnumSet.noneOf(ComplaintStatus.class)),
          Map.entry(DUPLICATE, EnumSet.noneOf(ComplaintStatus.class)),
          Map.entry(CLOSED, EnumSet.noneOf(ComplaintStatus.class)));

  public boolean canBecome(ComplaintStatus next) {
    return NEXT.get(this).contains(next);
  }

  /** No transition leaves it. */
  public boolean isFinal() {
    return NEXT.get(this).isEmpty();
  }

  /** The office may work on it: ask, answer, note, assign. */
  public boolean inHand() {
    return this == VERIFIED || this == IN_PROGRESS || this == REOPENED;
  }

  /** The statuses of the worklist when no status is chosen: everything not finished. */
  public static Set<ComplaintStatus> open() {
    return EnumSet.of(
        RECEIVED, VERIFIED, IN_PROGRESS, AWAITING_REPORTER, ANSWERED, REOPEN_REQUESTED, REOPENED);
  }
}
