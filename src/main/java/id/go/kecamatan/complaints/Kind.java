package id.go.kecamatan.complaints;

/** What a report is (jenis laporan), as SP4N-LAPOR! tells them apart. */
public enum Kind {
  /** Pengaduan. */
  COMPLAINT,
  /** Aspirasi / saran. */
  ASPIRATION,
  /** Permintaan informasi. */
  INFORMATION
}
