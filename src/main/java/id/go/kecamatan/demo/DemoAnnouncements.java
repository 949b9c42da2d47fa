package id.go.kecamatan.demo;

import id.go.kecamatan.accounts.StaffAccounts;
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
 * Demo announcements: per office an important one shown as the banner of its home page (with a
 * running text for the display board) and an ordinary one, and per regency one for all its offices;
 * dated around the day the demo starts, written by the office's (or the regency's) administrator,
 * straight into the table like the other demo loaders.
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
class DemoAnnouncements {

  private final JdbcClient jdbc;
  private final StaffAccounts accounts;
  private final Clock clock;

  DemoAnnouncements(JdbcClient jdbc, StaffAccounts accounts, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The office's demo announcements, and its regency's once, unless there are some already. */
  void load(Office office, String key, String regencyAdmin) {
    LocalDate today = LocalDate.now(clock);
    if (count("office_id = ?", office.id()) == 0) {
      accounts
          .byUsername("admin." + key)
          .ifPresent(
              admin -> {
                insert(
                    office.regencyId(),
                    office.id(),
                    "Loket tutup saat cuti bersama akhir tahun",
                    "Loket "
                        + office.displayName()
                        + " tutup pada hari cuti bersama akhir tahun."
                        + "\n\n## Yang tetap bisa dilakukan\n- Ajukan permohonan secara daring;"
                        + " permohonan diperiksa pada hari kerja berikutnya.\n- Lihat status"
                        + " permohonan di /status.\n\nTerima kasih atas pengertian Bapak/Ibu.",
                    "Loket tutup saat cuti bersama; pengajuan daring tetap buka",
                    "IMPORTANT",
                    true,
                    today.minusDays(2),
                    today.plusDays(21),
                    today.plusDays(7),
                    admin.id());
                insert(
                    office.regencyId(),
                    office.id(),
                    "Perekaman KTP-el keliling ke balai desa",
                    "Petugas perekaman KTP elektronik berkeliling ke balai desa setiap Selasa dan"
                        + " Kamis pukul 09.00-12.00.\n\nBawa Kartu Keluarga. Warga yang berusia 17"
                        + " tahun atau sudah menikah dapat merekam.",
                    "Perekaman KTP-el keliling: Selasa dan Kamis 09.00-12.00 di balai desa",
                    "NORMAL",
                    false,
                    today.minusDays(5),
                    today.plusDays(30),
                    today.plusDays(14),
                    admin.id());
              });
    }
    if (count("regency_id = ? and office_id is null", office.regencyId()) == 0) {
      accounts
          .byUsername(regencyAdmin)
          .ifPresent(
              admin ->
                  insert(
                      office.regencyId(),
                      null,
                      "Layanan kecamatan kini bisa diajukan dari rumah",
                      "Semua kecamatan di kabupaten ini menerima permohonan surat secara daring,"
                          + " tanpa biaya. Siapkan foto KTP dan Kartu Keluarga, lalu pilih layanan"
                          + " di halaman kecamatan Anda.",
                      null,
                      "NORMAL",
                      false,
                      today.minusDays(10),
                      today.plusDays(60),
                      today.plusDays(30),
                      admin.id()));
    }
  }

  private long count(String where, UUID id) {
    return jdbc.sql("select count(*) from announcement where " + where)
        .param(id)
        .query(Long.class)
        .single();
  }

  private void insert(
      UUID regencyId,
      UUID officeId,
      String title,
      String body,
      String ticker,
      String priority,
      boolean banner,
      LocalDate starts,
      LocalDate ends,
      LocalDate review,
      UUID author) {
    Timestamp created = Timestamp.from(starts.atTime(8, 0).atZone(clock.getZone()).toInstant());
    jdbc.sql(
            """
            insert into announcement (id, regency_id, office_id, title, body, ticker, priority,
              banner, starts_on, ends_on, review_on, author_id, created_at, updated_at, updated_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            regencyId,
            officeId,
            title,
            body,
            ticker,
            priority,
            banner,
            Date.valueOf(starts),
            Date.valueOf(ends),
            Date.valueOf(review),
            author,
            created,
            created,
            "Admin (demo)")
        .update();
  }
}
