package id.go.kecamatan.portal.internal;

import java.util.List;
import java.util.Map;

/**
 * The readable part of the resident's archive ({@code ringkasan.txt}): the same data as {@code
 * data.json}, as indented lines with Indonesian labels.
 */
final class MyDataSummary {

  private MyDataSummary() {}

  static String text(Map<String, Object> all) {
    StringBuilder text = new StringBuilder();
    text.append("DATA SAYA - LAYANAN KECAMATAN\n")
        .append("Salinan semua data yang disimpan tentang permohonan dengan kontak ")
        .append(all.get("kontak"))
        .append(", dibuat ")
        .append(all.get("dibuat"))
        .append(" (UTC).\n")
        .append("Berkas persyaratan ada di folder permohonan/ dan draf/, surat di folder surat/.\n")
        .append("Data yang sama untuk dibaca mesin: data.json.\n");
    section(text, "PERMOHONAN", all.get("permohonan"));
    section(text, "DRAF YANG BELUM DIAJUKAN", all.get("draf"));
    section(text, "SURAT", all.get("surat"));
    section(text, "PESAN YANG DIKIRIM KEPADA ANDA", all.get("pesan"));
    return text.toString();
  }

  private static void section(StringBuilder text, String title, Object items) {
    text.append("\n== ").append(title).append(" ==\n");
    List<?> list = (List<?>) items;
    if (list.isEmpty()) {
      text.append("(tidak ada)\n");
      return;
    }
    int n = 0;
    for (Object item : list) {
      text.append("\n").append(++n).append(".\n");
      write(text, item, "  ");
    }
  }

  private static void write(StringBuilder text, Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object v = entry.getValue();
        if (v == null) {
          continue;
        }
        String label = String.valueOf(entry.getKey()).replace('_', ' ');
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
          text.append(indent).append(label).append(":\n");
          write(text, v, indent + "  ");
        } else {
          text.append(indent).append(label).append(": ").append(oneLine(v)).append('\n');
        }
      }
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        text.append(indent).append("(tidak ada)\n");
      }
      for (Object item : list) {
        if (item instanceof Map<?, ?>) {
          text.append(indent).append("-\n");
          write(text, item, indent + "  ");
        } else {
          text.append(indent).append("- ").append(oneLine(item)).append('\n');
        }
      }
    } else {
      text.append(indent).append(oneLine(value)).append('\n');
    }
  }

  private static String oneLine(Object value) {
    return String.valueOf(value).replace("\r", "").replace("\n", "\n    ");
  }
}
