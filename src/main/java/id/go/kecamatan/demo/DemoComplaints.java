package id.go.kecamatan.demo;

import id.go.kecamatan.complaints.Category;
import id.go.kecamatan.complaints.Channel;
import id.go.kecamatan.complaints.ComplaintCategories;
import id.go.kecamatan.complaints.ComplaintHandling;
import id.go.kecamatan.complaints.ComplaintRegister;
import id.go.kecamatan.complaints.Complaints;
import id.go.kecamatan.complaints.Filed;
import id.go.kecamatan.complaints.FilingForm;
import id.go.kecamatan.complaints.StandardTexts;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo complaint categories (a two-level tree with the tiers 2 / 5 / 14 working days) and a handful
 * of complaints of an office in different states, made through the module's API so they carry their
 * history, thread, audit records and events like real ones. One is moved into the past (its dates
 * only) so the worklist shows an overdue complaint.
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
class DemoComplaints {

  /** parent name (blank for a top category), name, tier, what the reporter can expect. */
  private record Row(String parent, String name, int tier, String expectation) {}

  private static final List<Row> CATEGORIES =
      List.of(
          new Row("", "Pelayanan administrasi", 5, ""),
          new Row(
              "Pelayanan administrasi",
              "Lama pelayanan",
              5,
              "Kami memeriksa permohonan Anda dan menjawab paling lama 5 hari kerja setelah verifikasi."),
          new Row(
              "Pelayanan administrasi",
              "Sikap petugas",
              5,
              "Camat atau Sekcam menindaklanjuti dan menjawab paling lama 5 hari kerja."),
          new Row(
              "Pelayanan administrasi",
              "Biaya atau pungutan",
              14,
              "Layanan kecamatan gratis. Laporan pungutan diperiksa dan dijawab paling lama 14 hari kerja."),
          new Row("", "Infrastruktur dan lingkungan", 14, ""),
          new Row(
              "Infrastruktur dan lingkungan",
              "Jalan dan jembatan",
              14,
              "Kami meneruskan ke dinas terkait bila perlu dan menjawab paling lama 14 hari kerja."),
          new Row(
              "Infrastruktur dan lingkungan",
              "Kebersihan dan sampah",
              5,
              "Petugas memeriksa lokasi dan menjawab paling lama 5 hari kerja."),
          new Row("", "Sosial dan ketertiban", 14, ""),
          new Row(
              "Sosial dan ketertiban",
              "Bantuan sosial",
              14,
              "Kami memeriksa data penerima bersama desa dan menjawab paling lama 14 hari kerja."),
          new Row(
              "Sosial dan ketertiban",
              "Ketertiban umum",
              2,
              "Untuk keadaan darurat hubungi 112. Laporan lain dijawab paling lama 2 hari kerja."),
          new Row("", "Informasi dan saran", 2, ""),
          new Row(
              "Informasi dan saran",
              "Permintaan informasi",
              2,
              "Informasi yang Anda minta kami kirim paling lama 2 hari kerja."),
          new Row(
              "Informasi dan saran",
              "Saran perbaikan layanan",
              5,
              "Setiap saran dibaca Camat dan dijawab paling lama 5 hari kerja."));

  private final ComplaintCategories categories;
  private final Complaints complaints;
  private final ComplaintHandling handling;
  private final ComplaintRegister register;
  private final StandardTexts texts;
  private final Offices offices;
  private final JdbcClient jdbc;

  DemoComplaints(
      ComplaintCategories categories,
      Complaints complaints,
      ComplaintHandling handling,
      ComplaintRegister register,
      StandardTexts texts,
      Offices offices,
      JdbcClient jdbc) {
    this.categories = categories;
    this.complaints = complaints;
    this.handling = handling;
    this.register = register;
    this.texts = texts;
    this.offices = offices;
    this.jdbc = jdbc;
  }

  void load(Office office, String key) {
    for (Row row : CATEGORIES) {
      String parent =
          row.parent().isEmpty()
              ? ""
              : categories.all(office.id()).stream()
                  .filter(c -> c.top() && c.name().equals(row.parent()))
                  .findFirst()
                  .orElseThrow()
                  .id()
                  .toString();
      var created =
          categories.create(
              office.id(),
              new ComplaintCategories.Form(
                  parent,
                  row.name(),
                  row.expectation(),
                  row.name().equals("Biaya atau pungutan") ? Role.OFFICE_ADMIN.name() : "",
                  "",
                  String.valueOf(row.tier()),
                  true,
                  "0"));
      if (!created.ok()) {
        throw new IllegalStateException(
            "Demo category " + row.name() + ": " + created.errors().all());
      }
    }
    for (String[] t :
        List.of(
            new String[] {
              "Lama pelayanan",
              "ANSWERED",
              "Permohonan sudah selesai",
              "Yth. {{pelapor}}, terima kasih atas pengaduan {{kode}}. Permohonan Anda sudah selesai dan suratnya dapat diunduh di halaman status permohonan. Mohon maaf atas keterlambatannya.\n{{kantor}}"
            },
            new String[] {
              "Lama pelayanan",
              "AWAITING_REPORTER",
              "Minta kode permohonan",
              "Yth. {{pelapor}}, agar dapat kami periksa, mohon sebutkan kode permohonan Anda (misalnya 351616-K7M3QPX9)."
            },
            new String[] {
              "Kebersihan dan sampah",
              "ANSWERED",
              "Sudah diangkut",
              "Yth. {{pelapor}}, sampah di lokasi yang Anda laporkan ({{kode}}) sudah diangkut petugas kebersihan. Terima kasih telah melapor.\n{{kantor}}"
            })) {
      var added = texts.add(office.id(), category(office, t[0]).id(), t[1], t[2], t[3]);
      if (added.any()) {
        throw new IllegalStateException("Demo standard text: " + added.all());
      }
    }
    Officer verifier = officer(office, "verifikator." + key, Role.VERIFIER);
    UUID village = offices.villages(office.id()).get(0).id();

    // Diterima, received long ago: overdue for verification
    Filed overdue =
        file(
            office,
            "Lama pelayanan",
            village,
            "Sudah dua minggu surat keterangan domisili saya belum jadi, padahal katanya 3 hari.",
            "RAHASIA",
            "Rahmat Hidayat",
            "081234560101");
    backdate(overdue.id(), 14);
    // Diterima, new
    file(
        office,
        "Kebersihan dan sampah",
        village,
        "Sampah di depan pasar desa tidak diangkut sejak seminggu dan berbau.",
        "PUBLIK",
        "Wahyuni",
        "");
    // Diverifikasi
    Filed verified =
        file(
            office,
            "Jalan dan jembatan",
            village,
            "Jalan desa di RT 02 berlubang besar, sudah dua motor jatuh.",
            "ANONIM",
            "",
            "081234560103");
    verify(verifier, verified, "Jalan dan jembatan");
    // Menunggu tanggapan pelapor
    Filed asked =
        file(
            office,
            "Bantuan sosial",
            village,
            "Nama ibu saya hilang dari daftar penerima bantuan tahun ini.",
            "RAHASIA",
            "Dewi Sartika",
            "081234560104");
    verify(verifier, asked, "Bantuan sosial");
    handling.ask(
        verifier,
        asked.id(),
        version(asked.id()),
        "Mohon sebutkan NIK ibu Anda dan nama desa tempat beliau terdaftar.");
    // Dijawab
    Filed answered =
        file(
            office,
            "Sikap petugas",
            village,
            "Petugas loket kemarin siang tidak ada di tempat selama satu jam.",
            "ANONIM",
            "Bayu",
            "081234560105");
    verify(verifier, answered, "Sikap petugas");
    handling.answer(
        verifier,
        answered.id(),
        version(answered.id()),
        "Terima kasih atas laporan Anda. Mulai minggu ini loket dijaga bergantian saat jam istirahat, sehingga selalu ada petugas.");
    // Selesai
    Filed closed =
        file(
            office,
            "Permintaan informasi",
            village,
            "Apa saja syarat membuat surat keterangan tidak mampu?",
            "PUBLIK",
            "Agus",
            "");
    verify(verifier, closed, "Permintaan informasi");
    handling.answer(
        verifier,
        closed.id(),
        version(closed.id()),
        "Syaratnya: KTP, KK dan surat pengantar RT/RW. Daftar lengkap ada di halaman layanan SKTM.");
    complaints.feedback(closed.trackingCode(), "ya", "Jelas, terima kasih.");
    // the public register: the verified, the answered and the closed ones, approved by the
    // verifier (the answered one with the time of day taken out)
    publish(verifier, verified, "Jalan desa di RT 02 berlubang besar, sudah dua motor jatuh.");
    publish(
        verifier, answered, "Petugas loket tidak ada di tempat selama satu jam saat jam kerja.");
    publish(verifier, closed, "Apa saja syarat membuat surat keterangan tidak mampu?");
    // recorded at the front desk for a resident without a phone (assisted)
    Officer counter = officer(office, "loket." + key, Role.FRONT_OFFICE);
    file(
        office,
        "Lama pelayanan",
        village,
        "Warga lanjut usia datang ke loket: antrean legalisir terlalu lama tanpa kursi tunggu.",
        "RAHASIA",
        "Mbah Karto",
        "",
        new Complaints.Intake(Channel.COUNTER, counter.fullName()));
    // Ditolak
    Filed rejected =
        file(office, "Saran perbaikan layanan", village, "Tes tes tes.", "RAHASIA", "", "");
    handling.reject(
        verifier,
        rejected.id(),
        version(rejected.id()),
        "Isi laporan tidak dapat ditindaklanjuti karena tidak menyebut apa yang terjadi.");
  }

  private void publish(Officer officer, Filed filed, String text) {
    var published = register.publish(officer, filed.id(), version(filed.id()), text);
    if (published.isEmpty() || published.get().any()) {
      throw new IllegalStateException("Demo publication: " + published);
    }
  }

  private Filed file(
      Office office,
      String category,
      UUID village,
      String text,
      String privacy,
      String name,
      String phone) {
    return file(office, category, village, text, privacy, name, phone, Complaints.Intake.ONLINE);
  }

  private Filed file(
      Office office,
      String category,
      UUID village,
      String text,
      String privacy,
      String name,
      String phone,
      Complaints.Intake intake) {
    var filed =
        complaints.file(
            office,
            new FilingForm(
                "COMPLAINT",
                category(office, category).id().toString(),
                text,
                village.toString(),
                "",
                "",
                privacy,
                name,
                phone,
                "",
                "",
                "",
                true),
            List.of(),
            intake);
    if (!filed.ok()) {
      throw new IllegalStateException("Demo complaint: " + filed.errors().all());
    }
    return filed.value();
  }

  private void verify(Officer verifier, Filed filed, String category) {
    handling.verify(
        verifier,
        filed.id(),
        version(filed.id()),
        category(offices.get(verifier.officeId()), category).id().toString());
  }

  private Category category(Office office, String name) {
    return categories.all(office.id()).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Moves a complaint {@code days} into the past, its history (status changes, thread) with it, so
   * its header and its Riwayat tell the same day; the statistics count it from these rows.
   */
  private void backdate(UUID complaint, int days) {
    jdbc.sql(
            """
            update complaint set received_at = received_at - make_interval(days => :days),
                   received_on = received_on - cast(:days as integer),
                   verify_due = verify_due - cast(:days as integer),
                   due = due - cast(:days as integer)
            where id = :id
            """)
        .param("days", days)
        .param("id", complaint)
        .update();
    jdbc.sql(
            "update complaint_status_change set at = at - make_interval(days => ?) where complaint_id = ?")
        .params(days, complaint)
        .update();
    jdbc.sql("update complaint_entry set at = at - make_interval(days => ?) where complaint_id = ?")
        .params(days, complaint)
        .update();
  }

  private int version(UUID id) {
    return jdbc.sql("select version from complaint where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  private Officer officer(Office office, String username, Role role) {
    record Account(UUID id, String name) {}
    Account account =
        jdbc.sql("select id, full_name from staff where username = ?")
            .param(username)
            .query((rs, i) -> new Account(rs.getObject(1, UUID.class), rs.getString(2)))
            .single();
    return new Officer(
        account.id(),
        username,
        account.name(),
        office.regencyId(),
        office.id(),
        null,
        Set.of(role));
  }
}
