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

  @Test
  void theCodeIsZxingsOwnWithTheMaskZxingChoosesForEveryKindAndLengthOfText() throws Exception {
    java.util.Random random = new java.util.Random(2026);
    String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ234567890abcdefghijk/:.-_?=&%é漢";
    java.util.Set<Integer> widths = new java.util.TreeSet<>();
    java.util.Set<Integer> masks = new java.util.TreeSet<>();
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
      assertThat(QrCode.matrix(value)).as(value).isEqualTo(expected);
      widths.add(expected.getWidth() - 8);
      masks.add(
          com.google.zxing.qrcode.encoder.Encoder.encode(
                  value, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M, hints)
              .getMaskPattern());
    }
    // versions 1 to 11 (21 to 61 modules) are chosen here, wider ones by ZXing: both were met
    assertThat(widths).contains(21, 25, 29, 33, 37, 41, 45, 49, 53, 57, 61).anyMatch(w -> w > 64);
    assertThat(masks).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
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
      assertThat(QrCode.readsBack(QrCode.matrix(text), text)).as(text).isFalse();
      BitMatrix readable = QrCode.readableMatrix(text);
      assertThat(readable).as(text).isNotEqualTo(QrCode.matrix(text));
      assertThat(readsAtEveryScale(readable, text)).as(text).isTrue();
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
      assertThat(readsAtEveryScale(readable, value)).as(value).isTrue();
      if (readable.equals(QrCode.matrix(value))) {
        kept++;
      }
    }
    assertThat(kept).isGreaterThan(140);
  }

  private static boolean readsAtEveryScale(BitMatrix matrix, String text) throws Exception {
    java.util.Map<com.google.zxing.DecodeHintType, Object> hints =
        java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE);
    for (int quarters = 12; quarters <= 48; quarters++) {
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
