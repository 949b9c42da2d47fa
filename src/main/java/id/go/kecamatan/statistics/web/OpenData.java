package id.go.kecamatan.statistics.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The open data files of an office's month (CSV and XLSX): a row of headings, a row of their
 * definitions, then one row per service and the office's total, counts suppressed as on the page.
 * Both are written as they go (fastexcel streams), never held whole in memory.
 */
final class OpenData {

  /** The columns before the figures. */
  record Sheet(
      List<String> headings, List<String> definitions, List<List<String>> rows, String title) {}

  private OpenData() {}

  static void csv(Sheet sheet, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF'); // so that spreadsheet programs read UTF-8
    line(w, sheet.headings());
    line(w, sheet.definitions());
    for (List<String> row : sheet.rows()) {
      line(w, row);
    }
    w.flush();
  }

  private static void line(Writer w, List<String> cells) throws IOException {
    List<String> quoted = new ArrayList<>();
    for (String c : cells) {
      quoted.add(quote(c));
    }
    w.write(String.join(",", quoted));
    w.write("\r\n");
  }

  /** RFC 4180 quoting, and a leading quote mark against formula injection in spreadsheets. */
  static String quote(String cell) {
    String c = cell == null ? "" : cell;
    if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+")) {
      c = "'" + c;
    }
    if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
      return "\"" + c.replace("\"", "\"\"") + "\"";
    }
    return c;
  }

  static void xlsx(Sheet sheet, OutputStream out) throws IOException {
    Workbook wb = new Workbook(out, "Layanan Kecamatan", "1.0");
    Worksheet ws = wb.newWorksheet(sheet.title());
    int r = 0;
    write(ws, r++, sheet.headings(), true);
    write(ws, r++, sheet.definitions(), false);
    for (List<String> row : sheet.rows()) {
      write(ws, r++, row, false);
    }
    wb.finish();
  }

  private static void write(Worksheet ws, int r, List<String> cells, boolean bold) {
    for (int c = 0; c < cells.size(); c++) {
      String v = cells.get(c);
      if (v != null && v.matches("-?\\d{1,15}")) {
        ws.value(r, c, Long.parseLong(v));
      } else if (v != null && v.matches("\\d{1,3}\\.\\d{1,2}")) {
        ws.value(r, c, new java.math.BigDecimal(v)); // the IKM
      } else {
        ws.value(r, c, v);
      }
      if (bold) {
        ws.style(r, c).bold().set();
      }
    }
  }
}
