package id.go.kecamatan.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kecamatan.documents.TestFiles;
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

  @Test
  void drawsTheImagesItNamesFromTheirBytesAndAnUnknownNameAsNothing() throws IOException {
    byte[] png = TestFiles.png(TestFiles.filled(40, 30, java.awt.Color.BLUE));
    String xhtml =
        "<html><body style=\"font-family: 'Liberation Serif'\"><p id=\"teks\">Logo</p>"
            + "<img src=\""
            + PdfA.image("biru")
            + "\" alt=\"\"/><img src=\""
            + PdfA.image("tidak-ada")
            + "\" alt=\"\"/><img src=\""
            + PdfA.dataUri("image/png", png)
            + "\" alt=\"\"/></body></html>";

    PdfA.Located located = PdfA.renderLocating(xhtml, java.util.Map.of("biru", png), "teks");

    try (PDDocument document = Loader.loadPDF(located.pdf())) {
      var resources = document.getPage(0).getResources();
      int drawn = 0;
      for (var name : resources.getXObjectNames()) {
        var image =
            (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) resources.getXObject(name);
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getImage().getRGB(20, 15) & 0xffffff).isEqualTo(0x0000ff);
        drawn++;
      }
      // the named image and the data: URI; nothing for the unknown name
      assertThat(drawn).isEqualTo(2);
      assertThat(new PDFTextStripper().getText(document)).contains("Logo");
    }
  }
}
