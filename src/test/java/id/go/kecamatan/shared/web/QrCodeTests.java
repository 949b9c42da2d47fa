package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

class QrCodeTests {

  static final String URL = "https://layanan.example.go.id/v/ABCDEFGHJKMNPQRSTUVWXYZ234";

  @Test
  void thePngShowsEveryModuleAsASquareOfBlackOrWhitePixels() throws Exception {
    BitMatrix matrix = QrCode.matrix(URL);
    for (int scale : new int[] {1, 3, 4}) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.png(URL, scale)));
      assertThat(image.getWidth()).isEqualTo(matrix.getWidth() * scale);
      assertThat(image.getHeight()).isEqualTo(matrix.getHeight() * scale);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int expected = matrix.get(x / scale, y / scale) ? 0x000000 : 0xffffff;
          assertThat(image.getRGB(x, y) & 0xffffff)
              .as("pixel %d,%d at %d pixels a module", x, y, scale)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void aReaderReadsTheTextBackWithItsQuietZone() throws Exception {
    String text = "https://layanan.example.go.id/s/Jetis-ÄÖ?x=1&y=2";
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.png(text)));
    assertThat(
            new QRCodeReader()
                .decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText())
        .isEqualTo(text);
    // four modules of white round the code
    assertThat(image.getRGB(4 * 4 - 1, 4 * 4 - 1) & 0xffffff).isEqualTo(0xffffff);
    assertThat(image.getRGB(4 * 4, 4 * 4) & 0xffffff).isEqualTo(0);
  }

  /**
   * A page's SVG draws each row's run of dark modules as one rectangle, and exactly the code's dark
   * modules: every module of the matrix is covered by one run or by none, as it is dark or light.
   */
  @Test
  void aPagesCodeDrawsEachRowsRunOfDarkModulesOnceAndNothingElse() {
    String url = "https://layanan.example/kecamatan/jetis/survei";
    String svg = QrCode.svg(url, "QR");
    java.util.regex.Matcher d = java.util.regex.Pattern.compile(" d=\"([^\"]*)\"").matcher(svg);
    assertThat(d.find()).isTrue();
    assertThat(d.group(1)).matches("(M\\d+ \\d+h\\d+v1h-\\d+z)+");
    com.google.zxing.common.BitMatrix matrix = QrCode.matrix(url);
    boolean[][] drawn = new boolean[matrix.getHeight()][matrix.getWidth()];
    java.util.regex.Matcher run =
        java.util.regex.Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(d.group(1));
    int runs = 0;
    while (run.find()) {
      int x = Integer.parseInt(run.group(1));
      int y = Integer.parseInt(run.group(2));
      int width = Integer.parseInt(run.group(3));
      // a run is whole: the modules beside it are light
      assertThat(x == 0 || !matrix.get(x - 1, y)).as("run at %d %d starts a run", x, y).isTrue();
      assertThat(x + width == matrix.getWidth() || !matrix.get(x + width, y)).isTrue();
      for (int i = x; i < x + width; i++) {
        assertThat(drawn[y][i]).as("module %d %d drawn once", i, y).isFalse();
        drawn[y][i] = true;
      }
      runs++;
    }
    int dark = 0;
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        assertThat(drawn[y][x]).as("module %d %d", x, y).isEqualTo(matrix.get(x, y));
        dark += matrix.get(x, y) ? 1 : 0;
      }
    }
    assertThat(runs).isLessThan(dark);
  }

  /**
   * A page's code is drawn a whole number of pixels a module within 220 pixels, so a screen draws
   * every module alike and the reader reads it there: the addresses of the survey's page on 300
   * ports (a test server's address changes with its port; at 220 pixels for 37 modules one of them
   * did not read in a browser's screenshot).
   */
  @Test
  void aPagesCodeIsAWholeNumberOfPixelsAModuleAndReadsAtThatSize() {
    java.util.regex.Pattern sizes =
        java.util.regex.Pattern.compile(
            "viewBox=\"0 0 (\\d+) \\1\" width=\"(\\d+)\" height=\"\\2\"");
    for (int port = 32768; port < 32768 + 300; port++) {
      String url = "http://localhost:" + port + "/kecamatan/jetis/survei";
      java.util.regex.Matcher svg = sizes.matcher(QrCode.svg(url, "QR"));
      assertThat(svg.find()).as(url).isTrue();
      int modules = Integer.parseInt(svg.group(1));
      int side = Integer.parseInt(svg.group(2));
      assertThat(side % modules).as(url).isZero();
      assertThat(side).as(url).isLessThanOrEqualTo(220).isGreaterThan(220 - modules);
      assertThat(QrCode.readsBack(QrCode.matrix(url), url, new int[] {4 * side / modules}))
          .as(url)
          .isTrue();
    }
    String otpauth =
        "otpauth://totp/Layanan%20Kecamatan:operator.jetis?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Layanan%20Kecamatan";
    java.util.regex.Matcher otp = sizes.matcher(QrCode.svg(otpauth, "QR"));
    assertThat(otp.find()).isTrue();
    assertThat(Integer.parseInt(otp.group(2)) % Integer.parseInt(otp.group(1))).isZero();
  }

  /**
   * PDFBox embeds an 8-bit RGB PNG by copying its compressed data with a PNG predictor, without
   * decoding it (what keeps a letter's QR code cheap); a grey or palette PNG it would decode and
   * compress again.
   */
  @Test
  void aPdfTakesThePngsCompressedDataAsItIs() throws Exception {
    byte[] png = QrCode.png(URL);
    try (PDDocument document = new PDDocument()) {
      PDImageXObject image = PDImageXObject.createFromByteArray(document, png, "qr");
      assertThat(image.getCOSObject().getCOSName(COSName.FILTER)).isEqualTo(COSName.FLATE_DECODE);
      COSDictionary parameters = image.getCOSObject().getCOSDictionary(COSName.DECODE_PARMS);
      assertThat(parameters).isNotNull();
      assertThat(parameters.getInt(COSName.PREDICTOR)).isEqualTo(15);
      assertThat(parameters.getInt(COSName.COLORS)).isEqualTo(3);
      BufferedImage fromPdf = image.getImage();
      BufferedImage fromPng = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(fromPdf.getWidth()).isEqualTo(fromPng.getWidth());
      for (int y = 0; y < fromPng.getHeight(); y += 3) {
        for (int x = 0; x < fromPng.getWidth(); x += 3) {
          assertThat(fromPdf.getRGB(x, y)).isEqualTo(fromPng.getRGB(x, y));
        }
      }
    }
  }

  @Test
  void aModuleIsAtLeastOnePixel() {
    assertThatThrownBy(() -> QrCode.png(URL, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The code is ZXing's own, with the mask ZXing chooses, for every kind and length of text, except
   * exactly where ZXing's detector and decoder do not read that code back at 4 pixels a module:
   * there it is another mask's, which reads at every scale from 3 to 8.
   */
  @Test
  void theCodeIsZxingsOwnWithTheMaskZxingChoosesUnlessThatOneDoesNotReadBack() throws Exception {
    java.util.Random random = new java.util.Random(2026);
    String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ234567890abcdefghijk/:.-_?=&%é漢";
    java.util.Set<Integer> widths = new java.util.TreeSet<>();
    java.util.Set<Integer> masks = new java.util.TreeSet<>();
    int unread = 0;
    java.util.Map<com.google.zxing.EncodeHintType, Object> hints =
        java.util.Map.of(
            com.google.zxing.EncodeHintType.ERROR_CORRECTION,
            com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M,
            com.google.zxing.EncodeHintType.MARGIN,
            4,
            com.google.zxing.EncodeHintType.CHARACTER_SET,
            "UTF-8");
    for (int i = 0; i < 1500; i++) {
      int length = 1 + random.nextInt(i % 3 == 0 ? 400 : 90);
      StringBuilder text = new StringBuilder(i % 2 == 0 ? "https://layanan.example.go.id/v/" : "");
      for (int c = 0; c < length; c++) {
        text.append(
            i % 5 == 0
                ? (char) ('0' + random.nextInt(10))
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String value = text.toString();
      BitMatrix expected =
          new com.google.zxing.qrcode.QRCodeWriter()
              .encode(value, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, hints);
      BitMatrix matrix = QrCode.matrix(value);
      if (QrCode.readsBack(expected, value, QrCode.QUICK_SCALES)) {
        assertThat(matrix).as(value).isEqualTo(expected);
      } else {
        unread++;
        assertThat(matrix).as(value).isNotEqualTo(expected);
        assertThat(QrCode.readsBack(matrix, value)).as(value).isTrue();
      }
      widths.add(expected.getWidth() - 8);
      masks.add(
          com.google.zxing.qrcode.encoder.Encoder.encode(
                  value, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M, hints)
              .getMaskPattern());
    }
    // versions 1 to 11 (21 to 61 modules) are chosen here, wider ones by ZXing: both were met
    assertThat(widths).contains(21, 25, 29, 33, 37, 41, 45, 49, 53, 57, 61).anyMatch(w -> w > 64);
    assertThat(masks).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    // ZXing's own code reads back nearly always (16 of these 1,500 texts did not)
    assertThat(unread).isBetween(1, 30);
  }

  /**
   * The mask of least penalty leaves, in some codes, a pattern among the data that ZXing's reader
   * takes for a finder pattern at every scale or at some: a printed code gets the next mask that
   * reads at every scale from 3 to 12 pixels a module (wider than the check's 3 to 8), and keeps
   * the mask of least penalty when that one reads.
   */
  @Test
  void aPrintedCodeHasAMaskThatReadsAtEveryScale() throws Exception {
    String[] unread = {
      "http://localhost:41758/q/YEWNH5",
      "http://localhost:2557/q/PDCHW3",
      "http://localhost:10379/q/2QKJ2R",
      "http://localhost:43534/q/9KRS8U",
      "http://localhost:4503/q/SE5S4D",
      "http://localhost:43042/q/XFAGJ6"
    };
    for (String text : unread) {
      assertThat(QrCode.readsBack(zxingsOwn(text), text)).as(text).isFalse();
      BitMatrix readable = QrCode.readableMatrix(text);
      assertThat(readable).as(text).isNotEqualTo(zxingsOwn(text));
      assertThat(readsAtEveryScale(readable, text, 48)).as(text).isTrue();
    }
    java.util.Random random = new java.util.Random(150);
    int kept = 0;
    for (int i = 0; i < 150; i++) {
      StringBuilder text =
          new StringBuilder("http://localhost:").append(1024 + random.nextInt(64511));
      text.append("/q/");
      for (int c = 0; c < 6; c++) {
        text.append(CampaignTag.ALPHABET.charAt(random.nextInt(CampaignTag.ALPHABET.length())));
      }
      String value = text.toString();
      BitMatrix readable = QrCode.readableMatrix(value);
      assertThat(readsAtEveryScale(readable, value, 48)).as(value).isTrue();
      if (readable.equals(QrCode.matrix(value))) {
        kept++;
      }
    }
    assertThat(kept).isGreaterThan(140);
  }

  /**
   * Addresses whose code with the mask of least penalty (ZXing's own) ZXing's reader does not read
   * at any scale from 3 to 8 pixels a module: letters' verification links and short links.
   */
  static final String[] NEVER_READ = {
    "https://kecamatan.example.go.id/v/QTHGKGJHQ8MFMCNUBM9JP4MFAS",
    "https://kecamatan.example.go.id/v/SMWR2K2GUBGRSCGVPNB8XEE9TN",
    "https://layanan.example.go.id/v/GPSWN9P4A69FCBRDHCUDR9FXJF",
    "http://localhost:64638/v/WN6HH9FDF7UU2SD446E5PRGYH5",
    "http://localhost:5595/q/GCR9KH",
    "http://localhost:16121/q/SMJQHT"
  };

  /**
   * Addresses whose code with the mask of least penalty reads at 3 or 4 pixels a module but at none
   * from 5 (or 7) up to 12, as a phone camera sees a printed code: a check at 4 pixels would keep
   * them.
   */
  static final String[] READ_ONLY_SMALL = {
    "https://kecamatan.example.go.id/v/6WW6PYJ8BNHCX8EV5CDZH6DH8B",
    "http://localhost:13803/v/NUW53K3YYRH5FW6AQVF8G4DUQN",
    "https://layanan.example.go.id/v/BGSD2JTFJZMR9CY7CPRC6JADB5"
  };

  /**
   * Every code of the system reads, letters' included: where ZXing's own code is read at no scale,
   * {@link QrCode#matrix} (which the PNG, the SVG and so letters, receipts and tickets draw) is
   * another mask's that reads at every scale from 3 to 8 pixels a module, and a reader reads its
   * PNG.
   */
  @Test
  void aCodeZxingsReaderReadsAtNoScaleGetsAMaskThatReadsAtEveryScale() throws Exception {
    for (String text : NEVER_READ) {
      BitMatrix own = zxingsOwn(text);
      for (int quarters = 12; quarters <= 32; quarters += 4) {
        assertThat(QrCode.readsBack(own, text, new int[] {quarters})).as(text).isFalse();
      }
      BitMatrix matrix = QrCode.matrix(text);
      assertThat(matrix).as(text).isNotEqualTo(own).isEqualTo(QrCode.readableMatrix(text));
      assertThat(readsAtEveryScale(matrix, text, 32)).as(text).isTrue();
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.png(text)));
      assertThat(
              new QRCodeReader()
                  .decode(
                      new BinaryBitmap(
                          new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                  .getText())
          .as(text)
          .isEqualTo(text);
    }
    for (String text : READ_ONLY_SMALL) {
      BitMatrix own = zxingsOwn(text);
      assertThat(QrCode.readsBack(own, text, new int[] {12})).as(text).isTrue();
      for (int quarters = 28; quarters <= 48; quarters += 4) {
        assertThat(QrCode.readsBack(own, text, new int[] {quarters})).as(text).isFalse();
      }
      BitMatrix matrix = QrCode.matrix(text);
      assertThat(matrix).as(text).isNotEqualTo(own).isEqualTo(QrCode.readableMatrix(text));
      assertThat(readsAtEveryScale(matrix, text, 48)).as(text).isTrue();
    }
  }

  /** ZXing's own code of the text: the mask of least penalty, chosen by ZXing. */
  static BitMatrix zxingsOwn(String text) throws Exception {
    return new com.google.zxing.qrcode.QRCodeWriter()
        .encode(
            text,
            com.google.zxing.BarcodeFormat.QR_CODE,
            0,
            0,
            java.util.Map.of(
                com.google.zxing.EncodeHintType.ERROR_CORRECTION,
                com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M,
                com.google.zxing.EncodeHintType.MARGIN,
                4,
                com.google.zxing.EncodeHintType.CHARACTER_SET,
                "UTF-8"));
  }

  /** Whether ZXing's detector and decoder read it at every scale from 3 pixels a module. */
  static boolean readsAtEveryScale(BitMatrix matrix, String text, int toQuarters) throws Exception {
    java.util.Map<com.google.zxing.DecodeHintType, Object> hints =
        java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE);
    for (int quarters = 12; quarters <= toQuarters; quarters++) {
      try {
        BitMatrix image = QrCode.scaled(matrix, quarters / 4.0);
        String read =
            new com.google.zxing.qrcode.decoder.Decoder()
                .decode(
                    new com.google.zxing.qrcode.detector.Detector(image).detect(hints).getBits())
                .getText();
        if (!text.equals(read)) {
          return false;
        }
      } catch (com.google.zxing.ReaderException e) {
        return false;
      }
    }
    return true;
  }
}
