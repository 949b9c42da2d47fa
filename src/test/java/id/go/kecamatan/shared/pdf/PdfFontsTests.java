package id.go.kecamatan.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import id.go.kecamatan.letters.PdfChecks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/**
 * The shipped faces as documents embed them: subsets whose widths are those of their glyphs; the
 * documents they are registered with saved without object streams.
 */
class PdfFontsTests {

  @Test
  void everyFaceIsEmbeddedAsASubsetWithTheWidthsOfTheGlyphsItDraws() throws IOException {
    String text = "Surat Keterangan Domisili 0123456789 ÀÉÑ";
    StringBuilder xhtml = new StringBuilder("<html><body>");
    for (String family : List.of(PdfFonts.SERIF, PdfFonts.SANS)) {
      for (String style :
          List.of(
              "",
              "font-weight: bold",
              "font-style: italic",
              "font-weight: bold; font-style: italic")) {
        xhtml
            .append("<p style=\"font-family: '")
            .append(family)
            .append("'; ")
            .append(style)
            .append("\">")
            .append(text)
            .append("</p>");
      }
    }
    byte[] pdf = PdfA.render(xhtml.append("</body></html>").toString());

    List<String> fonts = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(0).getResources();
      for (COSName name : resources.getFontNames()) {
        PDType0Font font = (PDType0Font) resources.getFont(name);
        fonts.add(font.getName().substring(7));
        assertThat(font.isEmbedded()).isTrue();
        assertThat(font.getName()).matches("[A-Z]{6}\\+.*"); // a subset
        COSArray widths = font.getDescendantFont().getCOSObject().getCOSArray(COSName.W);
        assertThat(widths).as(font.getName()).isNotNull();
        for (int c : text.codePoints().toArray()) {
          String glyph = Character.toString(c);
          byte[] code = font.encode(glyph); // two bytes: the glyph's CID (Identity-H)
          float fromProgram = font.getWidthFromFont((code[0] & 0xff) << 8 | code[1] & 0xff);
          assertThat(font.getStringWidth(glyph))
              .as("%s %c", font.getName(), c)
              .isCloseTo(fromProgram, offset(1f));
        }
      }
    }
    assertThat(fonts)
        .containsExactlyInAnyOrder(
            "LiberationSerif",
            "LiberationSerif-Bold",
            "LiberationSerif-Italic",
            "LiberationSerif-BoldItalic",
            "LiberationSans",
            "LiberationSans-Bold",
            "LiberationSans-Italic",
            "LiberationSans-BoldItalic");
    assertThat(PdfChecks.pdfA3bFailures(pdf)).isEmpty();
  }

  @Test
  void theDocumentIsSavedWithoutObjectStreamsItsPageStillCompressed() throws IOException {
    byte[] pdf = PdfA.render("<html><body><p>Surat Keterangan Domisili</p></body></html>");

    String raw = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("/ObjStm").doesNotContain("/XRef").contains("\nxref\n");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getPage(0).getContentStreams().next().getCOSObject().getFilters())
          .isEqualTo(COSName.FLATE_DECODE);
      assertThat(document.getDocumentCatalog().getMetadata()).isNotNull();
    }
    assertThat(PdfChecks.pdfA3bFailures(pdf)).isEmpty();
  }
}
