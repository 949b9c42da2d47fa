package id.go.kecamatan.letters.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.web.QrCode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The letter page rendered to PDF without the database: PDF/A-3b according to veraPDF, fonts
 * embedded, paper sizes, the signature block's position, the draft's marks; and how long a letter
 * takes once warm (printed, not asserted).
 */
class LetterPdfTests {

  static final BiFunction<String, Object[], String> T = texts();

  static BiFunction<String, Object[], String> texts() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages/letter-templates");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return (key, args) -> source.getMessage(key, args, Locale.forLanguageTag("id"));
  }

  static final SignatureLine SEKCAM =
      new SignatureLine(
          "a.n.",
          "CAMAT JETIS",
          "Sekretaris Kecamatan",
          "Drs. BUDI SANTOSO, M.Si.",
          "Penata Tingkat I (III/d)",
          "197805122005011003");

  static LetterLayout.Letter letter(String number, PaperSize paper, LetterFont font) {
    return letter(
        number,
        paper,
        font,
        null,
        number == null ? null : LetterLayout.Qr.of("https://layanan.example.id/v/Q7k2mZp9xW4t"));
  }

  /** The demo letter with this logo address and QR code. */
  static LetterLayout.Letter letter(
      String number, PaperSize paper, LetterFont font, String logoUri, LetterLayout.Qr qr) {
    LetterTemplate template =
        LetterTemplate.compile(LetterTemplates.read("DOMISILI").orElseThrow(), name -> true)
            .template();
    Map<String, String> values = new HashMap<>();
    values.put("pemohon.nama", "SITI AMINAH");
    values.put("pemohon.nik", "3516164101900001");
    values.put("pemohon.tempat_tanggal_lahir", "Mojokerto, 1 Januari 1990");
    values.put("pemohon.jenis_kelamin", "Perempuan");
    values.put("pemohon.alamat", "Jl. Raya Jetis No. 12");
    values.put("pemohon.desa", "Jetis");
    values.put("kecamatan.nama", "Jetis");
    values.put("kabupaten.nama", "Kabupaten Mojokerto");
    values.put("jawaban.keperluan", "Usaha");
    values.put("jawaban.nama_usaha", "Warung Makan Bu Siti");
    return new LetterLayout.Letter(
        List.of(
            "PEMERINTAH KABUPATEN MOJOKERTO",
            "KECAMATAN JETIS",
            "Jl. Raya Jetis No. 1, Jetis, Mojokerto 61352"),
        logoUri,
        "SURAT KETERANGAN DOMISILI",
        number,
        template.fill(values),
        "Jetis",
        LocalDate.of(2026, 11, 22),
        SEKCAM,
        qr,
        paper,
        font);
  }

  static RenderedLetter render(LetterLayout.Letter letter) {
    return LetterPdf.render(
        LetterLayout.xhtml(letter, T),
        letter.qr() == null ? Map.of() : Map.of(LetterLayout.QR, letter.qr().png()));
  }

  @Test
  void theLogoAndTheQrCodeAreDrawnFromTheBytesTheRendererIsGiven() throws Exception {
    LetterLayout.Letter letter =
        letter(
            "474/007/416.305/2026",
            PaperSize.A4,
            LetterFont.SERIF,
            PdfA.image(LetterLayout.LOGO),
            LetterLayout.Qr.of("https://layanan.example.id/v/Q7k2mZp9xW4t"));
    byte[] logo = TestFiles.png(TestFiles.filled(120, 90, java.awt.Color.RED));
    String xhtml = LetterLayout.xhtml(letter, T);
    // the page names its images; their bytes are not in it
    assertThat(xhtml).contains("src=\"pdf-image:logo\"", "src=\"pdf-image:qr\"");
    assertThat(xhtml).doesNotContain("base64");

    RenderedLetter rendered =
        LetterPdf.render(
            xhtml, Map.of(LetterLayout.LOGO, logo, LetterLayout.QR, letter.qr().png()));

    assertThat(PdfChecks.qrOnFirstPage(rendered.pdf()))
        .isEqualTo("https://layanan.example.id/v/Q7k2mZp9xW4t");
    try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
      List<String> sizes = new java.util.ArrayList<>();
      for (var name : document.getPage(0).getResources().getXObjectNames()) {
        var image =
            (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject)
                document.getPage(0).getResources().getXObject(name);
        sizes.add(image.getWidth() + "x" + image.getHeight());
        if (image.getWidth() == 120) {
          assertThat(image.getImage().getRGB(60, 45) & 0xffffff).isEqualTo(0xff0000);
        }
      }
      assertThat(sizes).hasSize(2).contains("120x90");
    }
    assertThat(PdfChecks.pdfA3bFailures(rendered.pdf())).isEmpty();
  }

  /**
   * A verification link whose code with the mask of least penalty (ZXing's own) ZXing's reader
   * reads at no scale: a pattern among the data passes for a finder pattern. The letter's QR code
   * is {@link QrCode#matrix}'s, with another mask, and reads from the PDF.
   */
  @Test
  void theQrCodeReadsWhereTheCodeWithTheMaskOfLeastPenaltyWouldNot() throws Exception {
    String url = "https://kecamatan.example.go.id/v/QTHGKGJHQ8MFMCNUBM9JP4MFAS";
    LetterLayout.Qr qr = LetterLayout.Qr.of(url);
    BitMatrix matrix = QrCode.matrix(url);
    java.awt.image.BufferedImage png =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(qr.png()));
    assertThat(png.getWidth()).isEqualTo(matrix.getWidth() * 4);
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        assertThat(png.getRGB(4 * x + 2, 4 * y + 2) & 0xffffff)
            .as("module %d,%d", x, y)
            .isEqualTo(matrix.get(x, y) ? 0 : 0xffffff);
      }
    }
    LetterLayout.Letter letter =
        letter("474/008/416.305/2026", PaperSize.A4, LetterFont.SERIF, null, qr);
    assertThat(PdfChecks.qrOnFirstPage(render(letter).pdf())).isEqualTo(url);
  }

  @Test
  void theSignatureTextIsInsetFromTheFrameOfItsBox() throws Exception {
    RenderedLetter rendered =
        render(letter("474/007/416.305/2026", PaperSize.A4, LetterFont.SERIF));
    SignatureBox box = rendered.signatureBox();
    try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
      float height = document.getPage(0).getMediaBox().getHeight();
      // the box in the stripper's space (origin top left)
      float left = box.x();
      float right = box.x() + box.width();
      float top = height - box.y() - box.height();
      float bottom = height - box.y();
      List<org.apache.pdfbox.text.TextPosition> inBox = new java.util.ArrayList<>();
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(
                String text, List<org.apache.pdfbox.text.TextPosition> positions) {
              for (var p : positions) {
                float x = p.getXDirAdj();
                float y = p.getYDirAdj();
                if (x >= left - 1 && x <= right + 1 && y >= top - 1 && y <= bottom + 1) {
                  inBox.add(p);
                }
              }
            }
          };
      stripper.getText(document);
      assertThat(inBox).as("the signer's words are in the box").isNotEmpty();
      float inset = 2 * 72 / 25.4f; // 2 mm: clear of the 0.5 pt frame
      for (var p : inBox) {
        assertThat(p.getXDirAdj()).as(p.getUnicode()).isGreaterThan(left + inset);
        assertThat(p.getXDirAdj() + p.getWidthDirAdj())
            .as(p.getUnicode())
            .isLessThan(right - inset);
        assertThat(p.getYDirAdj() - p.getHeightDir()).as(p.getUnicode()).isGreaterThan(top + inset);
        assertThat(p.getYDirAdj()).as(p.getUnicode()).isLessThan(bottom - inset);
      }
    }
  }

  @Test
  void aSignedLetterIsPdfA3bWithEmbeddedFontsAndTheSignatureBlockOnThePage() throws Exception {
    RenderedLetter rendered =
        render(letter("474/007/416.305/2026", PaperSize.A4, LetterFont.SERIF));
    assertThat(PdfChecks.pdfA3bFailures(rendered.pdf())).isEmpty();
    try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
      PDPage page = document.getPage(0);
      assertThat(page.getMediaBox().getWidth())
          .isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
      assertThat(page.getMediaBox().getHeight())
          .isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
      for (var name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(font.getName()).contains("Liberation");
      }
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(
              "PEMERINTAH KABUPATEN MOJOKERTO",
              "SURAT KETERANGAN DOMISILI",
              "Nomor: 474/007/416.305/2026",
              "SITI AMINAH",
              "Warung Makan Bu Siti",
              "Jetis, 22 November 2026",
              "a.n. CAMAT JETIS",
              "Sekretaris Kecamatan",
              "Drs. BUDI SANTOSO, M.Si.",
              "NIP. 197805122005011003")
          .doesNotContain("DRAF", "{{");
      assertThat(text.replaceAll("\\s+", "")).contains("https://layanan.example.id/v/Q7k2mZp9xW4t");
      // rows of questions not answered are left out
      assertThat(text).doesNotContain("Jenis usaha", "Keperluan :");

      SignatureBox box = rendered.signatureBox();
      System.out.println("Signature box (A4): " + box);
      assertThat(box.page()).isZero();
      assertThat(box.x()).isBetween(200f, 400f);
      assertThat(box.width()).isBetween(150f, 260f);
      assertThat(box.y()).isGreaterThan(0f);
      assertThat(box.y() + box.height()).isLessThan(page.getMediaBox().getHeight());
      // the box holds the signer's name and NIP: PDF user space (origin bottom left) to the
      // stripper's (origin top left)
      PDFTextStripperByArea area = new PDFTextStripperByArea();
      area.addRegion(
          "ttd",
          new java.awt.geom.Rectangle2D.Float(
              box.x(),
              page.getMediaBox().getHeight() - box.y() - box.height(),
              box.width(),
              box.height()));
      area.extractRegions(page);
      assertThat(area.getTextForRegion("ttd"))
          .contains("a.n. CAMAT JETIS", "BUDI SANTOSO", "NIP. 197805122005011003")
          .doesNotContain("SITI AMINAH");
    }
  }

  @Test
  void aDraftIsMarkedHasNoNumberAndNoQrCode() throws Exception {
    RenderedLetter rendered = render(letter(null, PaperSize.A4, LetterFont.SERIF));
    try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("DRAF", "Nomor: (diberikan saat ditandatangani)");
      assertThat(text).doesNotContain("Ditandatangani secara elektronik");
      assertThat(document.getPage(0).getResources().getXObjectNames()).isEmpty();
    }
    assertThat(PdfChecks.pdfA3bFailures(rendered.pdf())).isEmpty();
  }

  @Test
  void f4IsFolioAndSansIsLiberationSans() throws Exception {
    RenderedLetter rendered = render(letter("1/2026", PaperSize.F4, LetterFont.SANS));
    try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
      PDPage page = document.getPage(0);
      float mm = 72f / 25.4f;
      assertThat(page.getMediaBox().getWidth())
          .isCloseTo(215 * mm, org.assertj.core.data.Offset.offset(0.5f));
      assertThat(page.getMediaBox().getHeight())
          .isCloseTo(330 * mm, org.assertj.core.data.Offset.offset(0.5f));
      List<String> fonts = new java.util.ArrayList<>();
      for (var name : page.getResources().getFontNames()) {
        fonts.add(page.getResources().getFont(name).getName());
      }
      assertThat(fonts).allMatch(f -> f.contains("LiberationSans"));
    }
  }

  @Test
  void renderingTimeOnceWarm() {
    LetterLayout.Letter letter = letter("474/007/416.305/2026", PaperSize.A4, LetterFont.SERIF);
    for (int i = 0; i < 30; i++) {
      render(letter);
    }
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    int n = 100;
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      bytes += render(letter).pdf().length;
    }
    System.out.printf(
        "Letter rendering (layout, QR, PDF/A-3b, fonts embedded), one thread: %.1f ms CPU,"
            + " %.1f ms wall per letter, %d bytes%n",
        (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / n,
        (System.nanoTime() - wall) / 1e6 / n,
        bytes / n);
    assertThat(bytes / n).isBetween(10_000L, 200_000L);
  }
}
