package id.go.kecamatan.complaints.internal;

import id.go.kecamatan.accounts.OfficeRegistered;
import id.go.kecamatan.complaints.ComplaintCategories;
import id.go.kecamatan.shared.security.Role;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A newly registered office takes complaints from its first day: a complaint needs a category, and
 * an office without any offered none, so its public form could not be sent. It starts with a small
 * tree its administrator changes at {@code /admin/pengaduan/kategori}; made in the registering
 * transaction.
 */
@Component
class StarterCategories {

  private record Row(String parent, String name, int tier, String expectation, String role) {}

  static final List<Row> ROWS =
      List.of(
          new Row("", "Pelayanan administrasi", 5, "", ""),
          new Row(
              "Pelayanan administrasi",
              "Lama pelayanan",
              5,
              "Kami memeriksa permohonan Anda dan menjawab paling lama 5 hari kerja setelah"
                  + " verifikasi.",
              ""),
          new Row(
              "Pelayanan administrasi",
              "Sikap petugas",
              5,
              "Camat atau Sekcam menindaklanjuti dan menjawab paling lama 5 hari kerja.",
              ""),
          new Row(
              "Pelayanan administrasi",
              "Biaya atau pungutan",
              14,
              "Layanan kecamatan gratis. Laporan pungutan diperiksa dan dijawab paling lama 14 hari"
                  + " kerja.",
              Role.OFFICE_ADMIN.name()),
          new Row("", "Informasi dan saran", 2, "", ""),
          new Row(
              "Informasi dan saran",
              "Permintaan informasi",
              2,
              "Informasi yang Anda minta kami kirim paling lama 2 hari kerja.",
              ""),
          new Row(
              "Informasi dan saran",
              "Saran perbaikan layanan",
              5,
              "Setiap saran dibaca Camat dan dijawab paling lama 5 hari kerja.",
              ""),
          new Row(
              "",
              "Lainnya",
              14,
              "Kami memeriksa laporan Anda dan menjawab paling lama 14 hari kerja.",
              ""));

  private final ComplaintCategories categories;

  StarterCategories(ComplaintCategories categories) {
    this.categories = categories;
  }

  @EventListener
  void on(OfficeRegistered registered) {
    UUID office = registered.officeId();
    for (Row row : ROWS) {
      String parent =
          row.parent().isEmpty()
              ? ""
              : categories.all(office).stream()
                  .filter(c -> c.top() && c.name().equals(row.parent()))
                  .findFirst()
                  .orElseThrow()
                  .id()
                  .toString();
      var created =
          categories.create(
              office,
              new ComplaintCategories.Form(
                  parent,
                  row.name(),
                  row.expectation(),
                  row.role(),
                  "",
                  String.valueOf(row.tier()),
                  true,
                  "0"));
      if (!created.ok()) {
        throw new IllegalStateException(
            "Starter complaint category " + row.name() + ": " + created.errors().all());
      }
    }
  }
}
