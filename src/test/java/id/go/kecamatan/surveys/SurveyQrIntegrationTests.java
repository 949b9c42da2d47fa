package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.letters.LetterFixtures;
import id.go.kecamatan.shared.web.PublicAddress;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The QR code for walk-ins: served as an image that decodes to the office's survey form, and shown
 * on the letter's verification page.
 */
@IntegrationTest
class SurveyQrIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired PublicAddress site;

  @Test
  void theQrImageDecodesToTheOfficesWalkInForm() throws Exception {
    HttpResponse<String> svg = new WebClient(port).get("/kecamatan/jetis/survei/qr.svg");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    String url = decode(svg.body());
    assertThat(url).isEqualTo(site.base() + "/kecamatan/jetis/survei");
    // the address it decodes to is the walk-in form
    String path = url.substring(site.base().length());
    assertThat(new WebClient(port).get(path).body()).contains("Bagaimana pendapat Saudara");

    assertThat(new WebClient(port).get("/kecamatan/tidak-ada/survei/qr.svg").statusCode())
        .isEqualTo(404);
    assertThat(new WebClient(port).get("/kecamatan/%3Cscript%3E/survei/qr.svg").statusCode())
        .isIn(400, 404);
  }

  @Test
  void theLettersVerificationPageShowsTheSurveysQr() {
    LetterFixtures.Issued letter =
        new LetterFixtures(applications, decisions, jdbc).issue(CaseworkFixtures.unique("Sari"));
    String page = new WebClient(port).get("/v/" + letter.code()).body();
    assertThat(page)
        .contains("Bagaimana pelayanan kami?")
        .contains("src=\"/kecamatan/jetis/survei/qr.svg\"")
        .contains("href=\"/kecamatan/jetis/survei\"");
  }

  /** Draws the SVG's modules (one path of unit squares) and reads the QR code from the image. */
  static String decode(String svg) throws Exception {
    Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    assertThat(box.find()).isTrue();
    int size = Integer.parseInt(box.group(1));
    int scale = 8;
    BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size * scale; y++) {
      for (int x = 0; x < size * scale; x++) {
        image.setRGB(x, y, 0xFFFFFF);
      }
    }
    // a rectangle one module high for each run of dark modules of a row
    Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(svg);
    int modules = 0;
    while (run.find()) {
      int mx = Integer.parseInt(run.group(1));
      int my = Integer.parseInt(run.group(2));
      int width = Integer.parseInt(run.group(3));
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < width * scale; dx++) {
          image.setRGB(mx * scale + dx, my * scale + dy, 0);
        }
      }
      modules += width;
    }
    assertThat(modules).isGreaterThan(100);
    return new QRCodeReader()
        .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
        .getText();
  }
}
