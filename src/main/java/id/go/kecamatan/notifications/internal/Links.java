package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.shared.web.PublicAddress;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The links messages carry, on the site's public address ({@link PublicAddress}). The letter's
 * download is reached through the status page: the resident opens the application there with the
 * tracking code and the phone digits, and downloads the letter from it.
 */
@Component
public class Links {

  private final Supplier<String> base;

  @Autowired
  Links(PublicAddress address) {
    this(address::base);
  }

  /** Links on the address {@code base} gives (for tests). */
  Links(Supplier<String> base) {
    this.base = base;
  }

  /** The status page of an application. */
  public String status(String trackingCode) {
    return base.get() + "/status/" + trackingCode;
  }

  /** Where a reporter opens a complaint: the look-up with the code filled in. */
  public String complaint(String trackingCode) {
    return base.get() + "/pengaduan/status?kode=" + trackingCode;
  }

  /** A booking's cancel/reschedule page, at its path ({@code /janji/kelola/<secret>}). */
  public String appointment(String path) {
    return base.get() + path;
  }

  /** Where a resident follows an e-KTP card: the look-up with the code filled in. */
  public String ktp(String code) {
    return base.get() + "/ktp-el?kode=" + code;
  }

  /** Where the resident downloads the letter: the status page, which has the download link. */
  public String download(String trackingCode) {
    return status(trackingCode);
  }

  /** Where a resident types the resume code of a draft. */
  public String resume() {
    return base.get() + "/lanjutkan";
  }

  /** A survey invitation's form, at its path ({@code /survei/<token>}). */
  public String survey(String path) {
    return base.get() + path;
  }

  /** The staff's list of applications. */
  /** The complaints worklist filtered to the overdue ones. */
  public String overdueComplaints() {
    return base.get() + "/admin/pengaduan?tenggat=lewat";
  }

  public String worklist() {
    return base.get() + "/admin/permohonan";
  }

  /** The office administrator's announcements. */
  /** A queue ticket's page for its holder ({@code path} as the counter module gives it). */
  public String site(String path) {
    return base.get() + path;
  }

  public String announcements() {
    return base.get() + "/admin/sosialisasi/pengumuman";
  }

  /** The regency administrator's announcements. */
  public String regencyAnnouncements() {
    return base.get() + "/admin/kabupaten/pengumuman";
  }

  /** The signers' queue of letters awaiting signature. */
  public String signingQueue() {
    return base.get() + "/admin/surat/tanda-tangan";
  }
}
