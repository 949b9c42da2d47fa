package id.go.kecamatan.demo;

import id.go.kecamatan.office.Office;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo questions and answers and visit figures: per regency four items for all its offices (two
 * general, two about services), per office three of its own and one adapted copy of a regency item
 * (so the administrator's page shows every state); and per office 30 days of page visits, more on
 * weekdays, so the figures page and the transparency page to come show something. Straight into the
 * tables like the other demo loaders.
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
class DemoFaqs {

  private final JdbcClient jdbc;
  private final Clock clock;

  DemoFaqs(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The office's demo items and visits, and its regency's items once, unless there are some. */
  void load(Office office, String key, String regencyAdmin) {
    if (count("regency_id = ? and office_id is null", office.regencyId()) == 0) {
      String by = "Admin kabupaten (" + regencyAdmin + ")";
      insert(
          office.regencyId(),
          null,
          null,
          "Apakah mengurus surat di kecamatan dipungut biaya?",
          "Tidak. Semua layanan kecamatan gratis (Rp0). Bila ada yang meminta uang, laporkan lewat"
              + " pengaduan di halaman kecamatan Anda.",
          null,
          by);
      insert(
          office.regencyId(),
          null,
          null,
          "Apakah surat bertanda tangan elektronik sah tanpa cap basah?",
          "Sah. Surat ditandatangani secara elektronik oleh Camat. Siapa pun dapat memeriksa"
              + " keasliannya dengan memindai kode QR pada surat atau membuka /v.",
          null,
          by);
      insert(
          office.regencyId(),
          null,
          "SKW",
          "Siapa saja yang harus menandatangani surat pernyataan ahli waris?",
          "Semua ahli waris dan dua orang saksi.\n\n- Saksi sudah dewasa dan tidak termasuk ahli"
              + " waris\n- Sertakan KTP setiap ahli waris",
          null,
          by);
      insert(
          office.regencyId(),
          null,
          "SKTM",
          "Untuk apa saja Surat Keterangan Tidak Mampu dapat dipakai?",
          "Untuk keringanan biaya sekolah, berobat atau bantuan sosial, sesuai keperluan yang Anda"
              + " tulis di permohonan.",
          null,
          by);
    }
    if (count("office_id = ?", office.id()) == 0) {
      String by = "Admin " + office.displayName() + " (admin." + key + ")";
      insert(
          office.regencyId(),
          office.id(),
          null,
          "Apakah loket " + office.displayName() + " buka hari Sabtu?",
          "Tidak. Loket buka pada hari kerja sesuai jam layanan. Permohonan daring dapat dikirim"
              + " kapan saja dan diperiksa pada hari kerja berikutnya.",
          null,
          by);
      insert(
          office.regencyId(),
          office.id(),
          "DOMISILI",
          "Apakah saya perlu datang untuk Surat Keterangan Domisili?",
          "Tidak, bila semua dokumen diunggah dan terbaca. Surat dapat diunduh dari halaman status"
              + " setelah ditandatangani.",
          null,
          by);
      insert(
          office.regencyId(),
          office.id(),
          "PINDAH-KELUAR",
          "Berapa lama surat pindah keluar selesai?",
          "Biasanya satu hari kerja sejak permohonan lengkap. Lihat statusnya dengan kode"
              + " pelacakan.",
          null,
          by);
      UUID regencyItem =
          jdbc.sql(
                  "select id from faq_item where regency_id = ? and office_id is null"
                      + " and service_code is null order by created_at limit 1")
              .param(office.regencyId())
              .query(UUID.class)
              .single();
      insert(
          office.regencyId(),
          office.id(),
          null,
          "Apakah mengurus surat di " + office.displayName() + " dipungut biaya?",
          "Tidak. Semua layanan gratis (Rp0). Petugas kami tidak menerima imbalan; bila ada yang"
              + " meminta uang, laporkan lewat pengaduan atau langsung kepada Camat.",
          regencyItem,
          by);
    }
    loadVisits(office);
  }

  /** Thirty days of visits, more on weekdays and on the service pages. */
  private void loadVisits(Office office) {
    Long existing =
        jdbc.sql("select count(*) from page_view_day where office_id = ?")
            .param(office.id())
            .query(Long.class)
            .single();
    if (existing > 0) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    String[] kinds = {"OFFICE", "SERVICE", "CHECKLIST", "GUIDE", "APPLY", "FAQ", "ANNOUNCEMENTS"};
    int[] base = {40, 90, 12, 15, 20, 10, 8};
    for (int d = 1; d <= 30; d++) {
      LocalDate day = today.minusDays(d);
      boolean weekend = day.getDayOfWeek().getValue() >= 6;
      for (int k = 0; k < kinds.length; k++) {
        // a steady pattern with some variation by day, the same on every start
        int views = (base[k] * (weekend ? 4 : 10) + (d * 7 + k * 13) % 17 * base[k] / 10) / 10;
        jdbc.sql("insert into page_view_day (office_id, page_kind, day, views) values (?, ?, ?, ?)")
            .params(office.id(), kinds[k], Date.valueOf(day), views)
            .update();
      }
    }
  }

  private long count(String where, UUID id) {
    return jdbc.sql("select count(*) from faq_item where " + where)
        .param(id)
        .query(Long.class)
        .single();
  }

  private void insert(
      UUID regencyId,
      UUID officeId,
      String serviceCode,
      String question,
      String answer,
      UUID adapts,
      String by) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into faq_item (id, regency_id, office_id, service_code, question, answer,
              adapts_id, created_at, updated_at, updated_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            regencyId,
            officeId,
            serviceCode,
            question,
            answer,
            adapts,
            now,
            now,
            by)
        .update();
  }
}
