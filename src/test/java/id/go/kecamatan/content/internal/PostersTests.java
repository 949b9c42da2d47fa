package id.go.kecamatan.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.catalog.ServiceType.Category;
import id.go.kecamatan.office.Office;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A poster's QR code reads at 150 dpi, as a cheap printer and a phone camera see it, on both paper
 * sizes and for addresses of every length a deployment has; hostile text on a service stays text.
 */
class PostersTests {

  private static final Office OFFICE =
      new Office(
          UUID.randomUUID(),
          UUID.randomUUID(),
          "35.16.16",
          "jetis",
          "Jetis",
          "Jl. Raya Jetis No. 58, Jetis, Kabupaten Mojokerto 61352",
          "(0321) 361234",
          "kecamatan.jetis@mojokertokab.go.id",
          "0812-3456-7801",
          "Penutupan kantor diumumkan di halaman pengumuman",
          "416.305",
          "",
          false,
          true,
          1);

  /** The office's opening hours as {@code office.OpeningHours#lines} writes them. */
  private static final List<String> HOURS =
      List.of(
          "Senin–Kamis 08.00–15.00, istirahat 12.00–13.00",
          "Jumat 08.00–15.00, istirahat 11.30–13.00",
          "Sabtu, Minggu dan hari libur tutup");

  private final Posters posters = new Posters(messages());

  @Test
  void theQrCodeReadsAt150DpiOnA4AndA5ForShortAndLongAddresses() throws Exception {
    String[] bases = {
      "http://localhost:8080",
      "http://localhost:41234",
      "https://layanan.mojokertokab.go.id",
      "https://pelayanan-kecamatan.kabupatenbanyumas.go.id"
    };
    java.util.Random random = new java.util.Random(17);
    // every code has the same length: three random ones vary the QR's modules enough
    String[] codes = new String[3];
    for (int i = 0; i < codes.length; i++) {
      StringBuilder c = new StringBuilder();
      for (int j = 0; j < 6; j++) {
        c.append(
            id.go.kecamatan.shared.web.CampaignTag.ALPHABET.charAt(
                random.nextInt(id.go.kecamatan.shared.web.CampaignTag.ALPHABET.length())));
      }
      codes[i] = c.toString();
    }
    for (String base : bases) {
      for (String code : codes) {
        for (Posters.Paper paper : Posters.Paper.values()) {
          String url = base + "/q/" + code;
          byte[] pdf =
              posters.render(
                  new Posters.Content(
                      OFFICE, service("Surat Keterangan Domisili"), List.of(), url, code, HOURS),
                  paper);
          assertThat(qrAt150Dpi(pdf)).as(url + " " + paper).isEqualTo(url);
        }
      }
    }
  }

  /**
   * Addresses whose code with the mask of least penalty (ISO 18004's, ZXing's choice) did not read
   * at 150 dpi on A4 or A5: ZXing's reader took a pattern among the data for a finder pattern. The
   * poster gives them a mask that reads.
   */
  @Test
  void theQrCodeReadsAt150DpiWhereTheMaskOfLeastPenaltyDidNot() throws Exception {
    for (String url :
        new String[] {
          "http://localhost:41758/q/YEWNH5",
          "http://localhost:2557/q/PDCHW3",
          "http://localhost:10379/q/2QKJ2R",
          "http://localhost:43534/q/9KRS8U",
          "http://localhost:23960/q/EDXYVE",
          "http://localhost:62338/q/VMUFKJ",
          "http://localhost:43042/q/XFAGJ6"
        }) {
      for (Posters.Paper paper : Posters.Paper.values()) {
        byte[] pdf =
            posters.render(
                new Posters.Content(
                    OFFICE,
                    service("Surat Keterangan Domisili"),
                    List.of(),
                    url,
                    url.substring(url.length() - 6),
                    HOURS),
                paper);
        assertThat(qrAt150Dpi(pdf)).as(url + " " + paper).isEqualTo(url);
      }
    }
  }

  @Test
  void markupInAServiceStaysText() {
    String html =
        posters.html(
            new Posters.Content(
                OFFICE,
                service("<script>alert(1)</script>"),
                List.of(),
                "http://x/q/K7M3QP",
                "K7M3QP",
                HOURS),
            Posters.Paper.A4);
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
  }

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

  private static ServiceType service(String name) {
    return new ServiceType(
        UUID.randomUUID(),
        OFFICE.id(),
        "DOMISILI",
        name,
        Category.NON_PERIZINAN,
        "",
        List.of(),
        1,
        0,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "470",
        true,
        true,
        true,
        null,
        true,
        1,
        1,
        List.of(
            new Requirement(UUID.randomUUID(), 1, "Surat pengantar desa", null, true),
            new Requirement(UUID.randomUUID(), 2, "KTP elektronik", null, true),
            new Requirement(UUID.randomUUID(), 3, "Kartu Keluarga", null, true)));
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages/content");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
