package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.documents.TestFiles;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The guide "Cara mengajukan secara daring" shows this site's own pages: this journey applies as a
 * resident on a 360 px phone, step by step as the guide tells it, and checks that every step still
 * shows what the guide says (its heading, the button the guide names). With {@code
 * -Dguide.screenshots.update=true}, or when an image is missing, it takes the screenshots the guide
 * shows ({@code src/main/resources/static/img/panduan/<step>.png}, 360 px wide, 480 px high, at 1x,
 * reduced to a palette of 16 colours), so a changed page is one run away from a current guide.
 */
@IntegrationTest
class GuideScreenshotsJourneyTests extends BrowserJourney {

  static final Path IMAGES = Path.of("src/main/resources/static/img/panduan");

  /** The height of a screenshot: the top of the page, where each step's point is. */
  static final int SHOT_HEIGHT = 480;

  static final boolean UPDATE = Boolean.getBoolean("guide.screenshots.update");

  @Test
  void theOnlineGuidesStepsAreThePagesAResidentSees() throws Exception {
    try (BrowserContext phone =
        newContext(
            new Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, 640)
                .setDeviceScaleFactor(1)
                .setIsMobile(true)
                .setLocale("id-ID"))) {
      Page p = phone.newPage();
      p.navigate("/kecamatan/jetis");
      assertThat(heading(p)).hasText("Kecamatan Jetis");
      assertThat(p.getByLabel("Cari layanan")).isVisible();
      shot(p, "kantor");

      link(p, "Surat Keterangan Domisili").first().click();
      assertThat(heading(p)).hasText("Surat Keterangan Domisili");
      assertThat(link(p, "Ajukan secara daring")).isVisible();
      assertThat(p.locator("#persyaratan")).isVisible();
      shot(p, "layanan");

      link(p, "Ajukan secara daring").click();
      button(p, "Mulai sekarang").click();
      assertThat(heading(p)).hasText("Data diri pemohon");
      p.getByLabel("NIK").fill("3516164101900001");
      p.getByLabel("Nama lengkap").fill("Siti Aminah");
      p.getByLabel("Tempat lahir").fill("Mojokerto");
      fillDate(p, "Tanggal lahir", "1", "1", "1990");
      p.getByLabel("Perempuan").check();
      p.getByLabel("Desa/kelurahan tempat tinggal").selectOption(new SelectOption().setIndex(1));
      p.getByLabel("Alamat", new Page.GetByLabelOptions().setExact(true))
          .fill("Dusun Krajan RT 01 RW 02");
      p.getByLabel("Nomor WhatsApp atau telepon").fill("0812 3456 7890");
      p.evaluate("() => window.scrollTo(0, 0)");
      shot(p, "identitas");
      button(p, "Simpan dan lanjutkan").click();

      assertThat(heading(p)).hasText("Keperluan permohonan");
      p.getByLabel("Keperluan pribadi").check();
      p.getByLabel("Keperluan surat").fill("Persyaratan bank");
      shot(p, "pertanyaan");
      button(p, "Simpan dan lanjutkan").click();

      assertThat(heading(p)).hasText("Dokumen persyaratan");
      Locator slots = p.locator("section.slot");
      for (int i = 0; i < slots.count(); i++) {
        Locator slot = slots.nth(i);
        if (slot.locator("h2 .optional").count() == 0) {
          slot.locator("input[type=file]")
              .setInputFiles(
                  new FilePayload(
                      "dokumen-" + (i + 1) + ".pdf", "application/pdf", TestFiles.pdf(1)));
        }
      }
      shot(p, "berkas");
      button(p, "Simpan dan lanjutkan").click();

      assertThat(heading(p)).hasText("Periksa jawaban Anda sebelum mengirim");
      assertThat(button(p, "Kirim permohonan")).isVisible();
      shot(p, "periksa");
      p.getByLabel("Saya menyatakan data yang saya isi benar").check();
      button(p, "Kirim permohonan").click();

      assertThat(heading(p)).hasText("Permohonan terkirim");
      assertThat(p.locator("#tracking-code")).hasText(Pattern.compile("351616-[A-Z0-9]{8}"));
      shot(p, "selesai");

      // the guide shows exactly these steps, in this order, each with its picture
      p.navigate("/panduan/cara-mengajukan");
      assertThat(heading(p)).hasText("Cara mengajukan secara daring");
      List<String> shown =
          p.locator(".guide-steps img").all().stream()
              .map(i -> i.getAttribute("src").replaceAll(".*/|\\.png$", ""))
              .toList();
      assertThat(shown)
          .containsExactly(
              "kantor", "layanan", "identitas", "pertanyaan", "berkas", "periksa", "selesai");
      for (String step : shown) {
        assertThat(Files.size(IMAGES.resolve(step + ".png"))).as(step).isLessThan(20 * 1024);
      }
      axeScan(p);
    }
  }

  /** Takes the step's screenshot when asked to, or when there is none yet. */
  private void shot(Page p, String step) throws IOException {
    Path file = IMAGES.resolve(step + ".png");
    if (!UPDATE && Files.exists(file)) {
      return;
    }
    Files.createDirectories(IMAGES);
    p.screenshot(
        new Page.ScreenshotOptions().setPath(file).setClip(0, 0, PHONE_WIDTH, SHOT_HEIGHT));
    shrink(file);
  }

  /**
   * Rewrites a screenshot as a PNG of at most {@value #COLOURS} colours (the most frequent ones,
   * each pixel mapped to the nearest): a page of text has few colours besides the anti-aliasing of
   * its letters, and the file gets three times smaller.
   */
  static void shrink(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    Map<Integer, Integer> counts = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
      }
    }
    int[] palette =
        counts.entrySet().stream()
            .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed())
            .limit(COLOURS)
            .mapToInt(Map.Entry::getKey)
            .toArray();
    byte[] r = new byte[palette.length];
    byte[] g = new byte[palette.length];
    byte[] b = new byte[palette.length];
    for (int i = 0; i < palette.length; i++) {
      r[i] = (byte) (palette[i] >> 16);
      g[i] = (byte) (palette[i] >> 8);
      b[i] = (byte) palette[i];
    }
    BufferedImage indexed =
        new BufferedImage(
            image.getWidth(),
            image.getHeight(),
            BufferedImage.TYPE_BYTE_INDEXED,
            new IndexColorModel(8, palette.length, r, g, b));
    Map<Integer, Integer> nearest = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        int index = nearest.computeIfAbsent(rgb, c -> closest(c, palette));
        indexed.getRaster().setSample(x, y, 0, index);
      }
    }
    ImageIO.write(indexed, "png", file.toFile());
  }

  private static final int COLOURS = 16;

  private static int closest(int rgb, int[] palette) {
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int i = 0; i < palette.length; i++) {
      long dr = ((rgb >> 16) & 0xFF) - ((palette[i] >> 16) & 0xFF);
      long dg = ((rgb >> 8) & 0xFF) - ((palette[i] >> 8) & 0xFF);
      long db = (rgb & 0xFF) - (palette[i] & 0xFF);
      long distance = dr * dr + dg * dg + db * db;
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
