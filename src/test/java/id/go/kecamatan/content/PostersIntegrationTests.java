package id.go.kecamatan.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.office.Offices;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The A4 and A5 posters of a short code: one page of the right size, PDF/A-3b by veraPDF, the
 * service's title, its first requirements, the office's hours and address, the short address in
 * type, and a QR code that reads at 150 dpi as that short address; an office poster lists services.
 */
@IntegrationTest
class PostersIntegrationTests {

  @LocalServerPort int port;
  @Autowired Offices offices;

  @Test
  void aServicePosterIsPdfAWithAQrCodeThatReadsAt150Dpi() throws Exception {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String code = create(admin, "SKW");
    for (String paper : new String[] {"a4", "a5"}) {
      HttpResponse<byte[]> poster =
          admin.getBytes("/admin/sosialisasi/kode/" + code + "/poster-" + paper + ".pdf");
      assertThat(poster.statusCode()).isEqualTo(200);
      assertThat(poster.headers().firstValue("Content-Type")).hasValue("application/pdf");
      assertThat(poster.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("attachment")
          .contains("poster-" + code + "-" + paper + ".pdf");
      byte[] pdf = poster.body();
      assertThat(PdfChecks.pdfA3bFailures(pdf)).as(paper).isEmpty();
      try (PDDocument document = Loader.loadPDF(pdf)) {
        assertThat(document.getNumberOfPages()).as(paper).isEqualTo(1);
        PDRectangle size = document.getPage(0).getMediaBox();
        float expected = paper.equals("a4") ? PDRectangle.A4.getWidth() : PDRectangle.A5.getWidth();
        assertThat(size.getWidth()).isCloseTo(expected, org.assertj.core.data.Offset.offset(2f));
      }
      String text = PdfChecks.text(pdf).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Surat Keterangan Waris")
          .contains("Yang perlu disiapkan")
          .contains("Gratis, Rp0")
          .contains("Jam layanan")
          .contains("Jl. Raya Jetis No. 58")
          .contains("localhost:" + port + "/q/" + code);
      assertThat(qrAt150Dpi(pdf)).as(paper).isEqualTo("http://localhost:" + port + "/q/" + code);
    }
  }

  @Test
  void anOfficePosterListsTheServices() throws Exception {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String code = create(admin, "");
    byte[] pdf = admin.getBytes("/admin/sosialisasi/kode/" + code + "/poster-a4.pdf").body();
    assertThat(PdfChecks.pdfA3bFailures(pdf)).isEmpty();
    assertThat(PdfChecks.text(pdf).replaceAll("\\s+", " "))
        .contains("Urus surat Kecamatan Jetis dari rumah")
        .contains("Layanan yang bisa diajukan");
    assertThat(qrAt150Dpi(pdf)).endsWith("/q/" + code);
    assertThat(admin.getBytes("/admin/sosialisasi/kode/" + code + "/poster-a3.pdf").statusCode())
        .isEqualTo(404);
  }

  /** The QR code of the first page rendered at 150 dpi, as a cheap printer and a phone see it. */
  /**
   * The QR code of the first page rendered at 150 dpi, as a cheap printer and a phone see it; read
   * with the local binarizer, then the global one, as a phone's reader tries both.
   */
  static String qrAt150Dpi(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
      BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
      Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
      try {
        return new QRCodeReader()
            .decode(new BinaryBitmap(new HybridBinarizer(source)), hints)
            .getText();
      } catch (com.google.zxing.ReaderException e) {
        return new QRCodeReader()
            .decode(
                new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(source)),
                hints)
            .getText();
      }
    }
  }

  static String create(WebClient admin, String service) {
    admin.get("/admin/sosialisasi/kode/baru");
    HttpResponse<String> created =
        admin.post(
            "/admin/sosialisasi/kode",
            "label",
            "Stiker loket",
            "source",
            "COUNTER_STICKER",
            "village",
            "",
            "service",
            service);
    String location = WebClient.location(created);
    assertThat(location).matches(".*/admin/sosialisasi/kode/[A-Z2-9]{6}");
    return location.substring(location.length() - 6);
  }
}
