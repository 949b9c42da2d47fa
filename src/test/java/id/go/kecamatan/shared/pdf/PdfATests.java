package id.go.kecamatan.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XHTML parsed here as openhtmltopdf parsed it: what renders, and what is refused. */
class PdfATests {

  @Test
  void rendersXhtmlWithOrWithoutADoctype() throws IOException {
    String body =
        "<html><head><title>Uji</title></head><body style=\"font-family: 'Liberation Serif'\">"
            + "<p>Surat &amp; lampiran</p></body>";
    assertThat(text(PdfA.render(body + "</html>"))).contains("Surat & lampiran");
    assertThat(text(PdfA.render("<!DOCTYPE html>" + body + "</html>")))
        .contains("Surat & lampiran");
  }

  @Test
  void refusesXhtmlThatIsNotWellFormed() {
    assertThatThrownBy(() -> PdfA.render("<html><body><p>tanpa penutup</body></html>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not well-formed");
  }

  @Test
  void readsNoFileNamedByAnExternalEntity(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("rahasia.txt"), "RAHASIA-123");
    String hostile =
        "<!DOCTYPE html [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><html><body style=\"font-family: 'Liberation Serif'\"><p>awal &x; akhir</p>"
            + "</body></html>";
    String shown;
    try {
      shown = text(PdfA.render(hostile));
    } catch (IllegalArgumentException refused) {
      shown = "";
    }
    assertThat(shown).doesNotContain("RAHASIA-123");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
