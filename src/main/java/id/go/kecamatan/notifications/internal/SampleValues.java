package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.application.TrackingCode;
import id.go.kecamatan.complaints.ComplaintWorklist;
import id.go.kecamatan.notifications.internal.MessageKind.Placeholder;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.Zone;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The values the template preview writes a message with: the office's own name and links, and a
 * made-up resident, application and letter of realistic length (the SMS length check uses them),
 * and a made-up signer with three letters awaiting signature.
 */
@Component
public class SampleValues {

  static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final Links links;
  private final Clock clock;

  SampleValues(Links links, Clock clock) {
    this.links = links;
    this.clock = clock;
  }

  /** Every placeholder's sample value for the office (a kind uses its own of them). */
  public Map<String, String> of(Office office) {
    return of(office, links, LocalDate.now(clock), Zone.of(clock));
  }

  static Map<String, String> of(Office office, Links links, LocalDate today, Zone zone) {
    String code = TrackingCode.prefixOf(office.code()) + "-K7M2Q9XW";
    Map<String, String> values = new LinkedHashMap<>();
    values.put(Placeholder.NAME, "Siti Aminah");
    values.put(Placeholder.TRACKING_CODE, code);
    values.put(Placeholder.SERVICE, "Surat Keterangan Domisili");
    values.put(Placeholder.OFFICE, office.displayName());
    values.put(Placeholder.DEADLINE, Formats.longDate(today.plusDays(7), INDONESIAN));
    values.put(Placeholder.STATUS_LINK, links.status(code));
    values.put(Placeholder.DOWNLOAD_LINK, links.download(code));
    values.put(Placeholder.REASON, "NIK pada formulir tidak sama dengan KTP.");
    values.put(
        Placeholder.MISSING,
        "- Fotokopi KTP: foto buram, mohon unggah ulang.\n"
            + "- Surat pengantar RT/RW: belum ditandatangani.");
    values.put(Placeholder.RESUME_CODE, "ABCD-EFGH");
    values.put(Placeholder.RESUME_LINK, links.resume());
    values.put(Placeholder.DRAFT_EXPIRES, Formats.longDate(today.plusDays(30), INDONESIAN));
    values.put(Placeholder.LETTER_NUMBER, "474/012/416.305/2026");
    values.put(Placeholder.DAY, Formats.longDate(today, INDONESIAN));
    values.put(Placeholder.NEW, "4");
    values.put(Placeholder.DUE_SOON, "2");
    values.put(Placeholder.OVERDUE, "1");
    values.put(Placeholder.AWAITING_SIGNATURE, "3");
    values.put(Placeholder.ADMIN_LINK, links.worklist());
    values.put(Placeholder.SIGNER, "Hendra Gunawan, S.Sos., M.Si.");
    values.put(Placeholder.EARLIEST_DEADLINE, Formats.longDate(today.plusDays(2), INDONESIAN));
    String prefix = TrackingCode.prefixOf(office.code());
    values.put(
        Placeholder.LETTERS,
        SignerNotices.list(
            List.of(
                new SignerNotices.Waiting(code, "Surat Keterangan Domisili", today.plusDays(2)),
                new SignerNotices.Waiting(
                    prefix + "-R4TN8HAD", "Surat Keterangan Tidak Mampu", today.plusDays(3)),
                new SignerNotices.Waiting(
                    prefix + "-W3PC6JFX", "Surat Pengantar SKCK", today.plusDays(5))),
            3));
    values.put(Placeholder.SIGNING_LINK, links.signingQueue());
    String complaint = prefix + "-P6D9WQ3M";
    values.put(Placeholder.AUTHOR, "Rina Wulandari");
    values.put(Placeholder.ANNOUNCEMENT_TITLE, "Pelayanan tutup sementara Jumat pagi");
    values.put(Placeholder.ANNOUNCEMENT_ENDS, Formats.longDate(today.plusDays(10), INDONESIAN));
    values.put(Placeholder.ANNOUNCEMENT_LINK, links.announcements());
    values.put(Placeholder.QUEUE_NUMBER, "B-014");
    values.put(Placeholder.QUEUE_POSITION, "3");
    values.put(
        Placeholder.QUEUE_LINK,
        links.site("/kecamatan/" + office.slug() + "/antrean/tiket/Xk4TqP9wLm2RvB7sNd3H"));
    values.put(Placeholder.REPORTER, "Siti Aminah");
    values.put(Placeholder.COMPLAINT_CODE, complaint);
    values.put(Placeholder.COMPLAINT_LINK, links.complaint(complaint));
    values.put(Placeholder.COMPLAINT_STATUS, "Menunggu tanggapan pelapor");
    values.put(
        Placeholder.COMPLAINT_NOTE,
        MessageTemplate.render(
            DefaultTemplates.fragment(MessageKind.COMPLAINT_UPDATED, "note.AWAITING_REPORTER"),
            values));
    values.put(
        Placeholder.COMPLAINTS,
        ComplaintEscalations.list(
            List.of(
                new ComplaintWorklist.Overdue(complaint, "Lama pelayanan", today.minusDays(2)),
                new ComplaintWorklist.Overdue(
                    prefix + "-H8KD3MRT", "Jalan dan jembatan", today.minusDays(1))),
            2));
    values.put(Placeholder.COMPLAINTS_LINK, links.overdueComplaints());
    values.put(Placeholder.KTP_CODE, prefix + "-M5QT9VKC");
    values.put(Placeholder.KTP_LINK, links.ktp(prefix + "-M5QT9VKC"));
    values.put(Placeholder.APPOINTMENT_CODE, prefix + "-J7KT3MWP");
    values.put(Placeholder.APPOINTMENT_TYPE, "Perekaman KTP-el");
    values.put(
        Placeholder.APPOINTMENT_TIME,
        Formats.longDate(today.plusDays(3), INDONESIAN) + " pukul 09.20 " + zone.label());
    values.put(
        Placeholder.APPOINTMENT_BRING,
        DefaultTemplates.fragment(MessageKind.APPOINTMENT_BOOKED, "bring.KTP"));
    values.put(Placeholder.APPOINTMENT_LINK, links.appointment("/janji/kelola/CONTOH7KT3MWPQ2H"));
    values.put(Placeholder.SURVEY_LINK, links.survey("/survei/contoh"));
    values.put(Placeholder.SURVEY_EXPIRES, Formats.longDate(today.plusDays(14), INDONESIAN));
    return values;
  }
}
