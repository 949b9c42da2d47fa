package id.go.kecamatan.journeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the pages of a printed PDF without a PDF library: poppler's pdfinfo, else the page
 * objects.
 */
final class Pdfs {

  private static final Path PDFINFO = Path.of("/usr/bin/pdfinfo");
  private static final Pattern PAGES = Pattern.compile("(?m)^Pages:\\s+(\\d+)");
  // A page object, not the /Pages tree node.
  private static final Pattern PAGE_OBJECT = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

  private Pdfs() {}

  static int pageCount(byte[] pdf) {
    if (Files.isExecutable(PDFINFO)) {
      try {
        return pdfinfo(pdf);
      } catch (IOException e) {
        // fall through to counting the page objects
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Matcher pages = PAGE_OBJECT.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    int count = 0;
    while (pages.find()) {
      count++;
    }
    return count;
  }

  private static int pdfinfo(byte[] pdf) throws IOException, InterruptedException {
    Path file = Files.createTempFile("checklist", ".pdf");
    try {
      Files.write(file, pdf);
      Process process =
          new ProcessBuilder(PDFINFO.toString(), file.toString()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IOException("pdfinfo failed: " + output);
      }
      Matcher pages = PAGES.matcher(output);
      if (!pages.find()) {
        throw new IOException("pdfinfo gave no page count: " + output);
      }
      return Integer.parseInt(pages.group(1));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
