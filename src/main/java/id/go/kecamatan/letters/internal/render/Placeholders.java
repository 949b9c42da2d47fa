package id.go.kecamatan.letters.internal.render;

import id.go.kecamatan.catalog.FormDefinition;
import java.util.List;
import java.util.function.Predicate;

/**
 * The placeholders a letter template may use. Each standard one has a description in the {@code
 * letter-templates} bundle ({@code letterTemplates.ph.<name>}); the form answers are {@code
 * jawaban.<question key>} for the questions of the service's own form.
 */
public final class Placeholders {

  /** Prefix of the answers to the service's form. */
  public static final String ANSWER = "jawaban.";

  /** The standard placeholders, in the order the editor lists them. */
  public static final List<String> STANDARD =
      List.of(
          "pemohon.nama",
          "pemohon.nik",
          "pemohon.tempat_lahir",
          "pemohon.tanggal_lahir",
          "pemohon.tempat_tanggal_lahir",
          "pemohon.jenis_kelamin",
          "pemohon.alamat",
          "pemohon.desa",
          "kantor.nama",
          "kantor.alamat",
          "kecamatan.nama",
          "kabupaten.nama",
          "layanan.nama",
          "surat.nomor",
          "surat.tanggal",
          "permohonan.kode",
          "pejabat.nama",
          "pejabat.jabatan");

  private Placeholders() {}

  /** Which placeholder names exist for a service with this form. */
  public static Predicate<String> known(FormDefinition form) {
    return name ->
        STANDARD.contains(name)
            || name.startsWith(ANSWER) && form.field(name.substring(ANSWER.length())).isPresent();
  }
}
