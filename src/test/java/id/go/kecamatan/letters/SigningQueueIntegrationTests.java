package id.go.kecamatan.letters;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signing queue as the signer uses it: each letter's first page shown in the page (an image of
 * the draft, with the demo office's logo in its kop surat), and "sign all on this page" without
 * JavaScript, whatever was ticked.
 */
@IntegrationTest
class SigningQueueIntegrationTests {

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired JdbcClient jdbc;
  @Autowired id.go.kecamatan.letters.internal.LetterRepository letterRepository;

  LetterFixtures fixtures;
  UUID jetis;

  @BeforeEach
  void setUp() {
    fixtures = new LetterFixtures(applications, decisions, jdbc, letterRepository);
    jetis = fixtures.office("35.16.16");
  }

  @Test
  void theQueueShowsEachLettersFirstPageInThePage() throws Exception {
    Application approved = fixtures.approved(jetis, "Rina Pratiwi");
    WebClient camat = WebClient.signedIn(port, "camat.jetis");
    String png = "/admin/surat/tanda-tangan/" + approved.id().value() + "/pratinjau.png";
    String queue = camat.get("/admin/surat/tanda-tangan").body();
    assertThat(queue)
        .contains("<img src=\"" + png + "\"")
        .contains("Pratinjau halaman pertama Surat Keterangan")
        .contains("Lihat pratinjau surat");
    HttpResponse<byte[]> image = camat.getBytes(png);
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage page = ImageIO.read(new ByteArrayInputStream(image.body()));
    assertThat(page.getWidth()).isBetween(800, 900);
    assertThat(page.getHeight()).isGreaterThan(page.getWidth());
    // the demo office's logo in the kop surat: left of the letterhead lines, under the top margin
    // (25 mm and 12 mm at 100 dpi), in colour where the lines are black
    int dpmm = 100 * 100 / 2540;
    int coloured = 0;
    for (int x = 26 * dpmm; x < 46 * dpmm; x++) {
      for (int y = 12 * dpmm; y < 40 * dpmm; y++) {
        int rgb = page.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          coloured++;
        }
      }
    }
    assertThat(coloured).as("coloured pixels of the logo").isGreaterThan(500);

    // nobody else's letter, nobody but a signer
    Application elsewhere = fixtures.approved(fixtures.office("33.02.27"), "Bayu Aji");
    assertThat(
            camat
                .getBytes("/admin/surat/tanda-tangan/" + elsewhere.id().value() + "/pratinjau.png")
                .statusCode())
        .isEqualTo(404);
    assertThat(WebClient.signedIn(port, "verifikator.jetis").getBytes(png).statusCode())
        .isEqualTo(403);
  }

  @Test
  void signAllOnThisPageSignsEveryListedLetterWhateverWasTicked() {
    Application first = fixtures.approved(jetis, "Agus Salim");
    Application second = fixtures.approved(jetis, "Dewi Lestari");
    WebClient camat = WebClient.signedIn(port, "camat.jetis");
    String queue = camat.get("/admin/surat/tanda-tangan").body();
    for (Application a : new Application[] {first, second}) {
      assertThat(queue)
          .contains("<input type=\"hidden\" name=\"halaman\" value=\"" + a.id().value() + "\">");
    }
    assertThat(queue).containsPattern("Tandatangani semua di halaman ini \\(\\d+ surat\\)");

    // a wrong passphrase: nothing signed
    HttpResponse<String> wrong =
        camat.post(
            "/admin/surat/tanda-tangan",
            "halaman",
            first.id().value().toString(),
            "halaman",
            second.id().value().toString(),
            "semua",
            "1",
            "passphrase",
            "salah-sekali");
    assertThat(wrong.body()).contains("Passphrase salah");
    assertThat(applications.get(jetis, second.id()).status()).isEqualTo(ApplicationStatus.APPROVED);

    // only the first ticked, but "all on this page": both are signed
    HttpResponse<String> signed =
        camat.post(
            "/admin/surat/tanda-tangan",
            "permohonan",
            first.id().value().toString(),
            "halaman",
            first.id().value().toString(),
            "halaman",
            second.id().value().toString(),
            "semua",
            "1",
            "passphrase",
            LetterFixtures.PASSPHRASE);
    assertThat(signed.statusCode()).isEqualTo(302);
    assertThat(camat.get("/admin/surat/tanda-tangan").body())
        .contains(fixtures.letterOf(first.id()).number())
        .contains(fixtures.letterOf(second.id()).number());

    // without "semua" only the ticked letters count, as before
    Application third = fixtures.approved(jetis, "Eko Prasetyo");
    Application fourth = fixtures.approved(jetis, "Fajar Nugroho");
    camat.get("/admin/surat/tanda-tangan");
    assertThat(
            camat
                .post(
                    "/admin/surat/tanda-tangan",
                    "permohonan",
                    third.id().value().toString(),
                    "halaman",
                    third.id().value().toString(),
                    "halaman",
                    fourth.id().value().toString(),
                    "passphrase",
                    LetterFixtures.PASSPHRASE)
                .statusCode())
        .isEqualTo(302);
    assertThat(applications.get(jetis, fourth.id()).status()).isEqualTo(ApplicationStatus.APPROVED);
  }
}
