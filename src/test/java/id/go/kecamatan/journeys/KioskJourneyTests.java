package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.documents.TestFiles;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office's self-service kiosk: the office administrator creates an enabling code, the tablet is
 * enabled with it and shows the office's start screen in large type; a resident applies there and
 * walks away; after the idle time the next person sees a clean start screen and cannot go back to
 * anything the first one typed (back button, history, autofill). "Selesai" clears at once, the
 * kiosk does not leave its office's pages, and without JavaScript the idle clear still happens. A
 * revoked kiosk is an ordinary browser again.
 */
@IntegrationTest
class KioskJourneyTests extends BrowserJourney {

  private static final Pattern CODE =
      Pattern.compile("id=\"kiosk-code\">([A-Z0-9]{4}-[A-Z0-9]{4})<");

  private static final Pattern START = Pattern.compile(".*/kios$");

  @Autowired JdbcClient jdbc;

  @Test
  void aResidentAppliesOnTheKioskWalksAwayAndTheNextPersonFindsNothing() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String label = "Tablet ruang tunggu " + System.nanoTime();
    String code = enablingCode(admin, label);

    try (BrowserContext kiosk = tablet(true)) {
      Page p = kiosk.newPage();
      p.navigate("/kios");
      assertThat(heading(p)).hasText("Aktifkan anjungan mandiri");
      p.getByLabel("Kode pengaktifan").fill(code.toLowerCase());
      button(p, "Aktifkan").click();
      assertThat(heading(p)).hasText("Anjungan mandiri Kecamatan Jetis");
      assertThat(link(p, "Cek status permohonan")).isVisible();
      assertThat(link(p, "Ambil nomor antrean"))
          .hasAttribute("href", "/kecamatan/jetis/antrean/ambil");
      assertThat(p.locator("footer")).containsText("Selesai: hapus semua isian");
      assertThat(p.locator("footer")).not().containsText("Masuk petugas");
      axeScan(p);

      // the first resident applies
      link(p, "Surat Keterangan Domisili").click();
      assertThat(heading(p)).hasText("Surat Keterangan Domisili");
      assertThat(p.locator("#share-whatsapp")).hasCount(0);
      assertThat(p.locator("a[href^='http'], a[href^='tel:'], a[href^='mailto:']")).hasCount(0);
      link(p, "Ajukan secara daring").click();
      button(p, "Mulai sekarang").click();
      assertThat(heading(p)).hasText("Data diri pemohon");
      assertThat(p.getByLabel("Nama lengkap")).hasAttribute("autocomplete", "off");
      assertThat(p.getByLabel("Nomor WhatsApp atau telepon")).hasAttribute("autocomplete", "off");
      p.getByLabel("NIK").fill("3516164101900001");
      p.getByLabel("Nama lengkap").fill("Ratna Kiosk Pertama");
      p.getByLabel("Tempat lahir").fill("Mojokerto");
      fillDate(p, "Tanggal lahir", "1", "1", "1990");
      p.getByLabel("Perempuan").check();
      p.getByLabel("Desa/kelurahan tempat tinggal").selectOption(new SelectOption().setIndex(1));
      p.getByLabel("Alamat", new Page.GetByLabelOptions().setExact(true)).fill("Dusun Krajan");
      p.getByLabel("Nomor WhatsApp atau telepon").fill("0812 3456 7890");
      button(p, "Simpan dan lanjutkan").click();
      assertThat(heading(p)).hasText("Keperluan permohonan");
      p.getByLabel("Keperluan pribadi").check();
      p.getByLabel("Keperluan surat").fill("Persyaratan bank kios");
      button(p, "Simpan dan lanjutkan").click();
      assertThat(heading(p)).hasText("Dokumen persyaratan");
      Locator slots = p.locator("section.slot");
      for (int i = 0; i < slots.count(); i++) {
        if (slots.nth(i).locator("h2 .optional").count() == 0) {
          slots
              .nth(i)
              .locator("input[type=file]")
              .setInputFiles(
                  new FilePayload("dok-" + i + ".pdf", "application/pdf", TestFiles.pdf(1)));
        }
      }
      button(p, "Simpan dan lanjutkan").click();
      assertThat(heading(p)).hasText("Periksa jawaban Anda sebelum mengirim");
      p.getByLabel("Saya menyatakan data yang saya isi benar").check();
      button(p, "Kirim permohonan").click();
      assertThat(heading(p)).hasText("Permohonan terkirim");
      String trackingCode = p.locator("#tracking-code").textContent().strip();
      assertThat(p.locator("a[href^='http'], a[href^='tel:'], a[href^='mailto:']")).hasCount(0);
      // the receipt prints from the kiosk
      assertThat(button(p, "Cetak halaman ini")).isVisible();
      Response again = p.reload();
      assertThat(again.headers().get("cache-control")).contains("no-store");

      // she walks away: after the idle time the kiosk starts over by itself
      idle(label, 2);
      p.reload();
      p.waitForURL(START, new Page.WaitForURLOptions().setTimeout(30_000));
      assertThat(heading(p)).hasText("Anjungan mandiri Kecamatan Jetis");

      // the next person sees a clean start screen, and going back shows nothing of hers
      idle(label, 180);
      p.navigate("/kios");
      assertThat(heading(p)).hasText("Anjungan mandiri Kecamatan Jetis");
      for (int back = 0; back < 8; back++) {
        Response previous;
        try {
          previous = p.goBack();
        } catch (PlaywrightException e) {
          // a page that was the answer to a form: Chrome does not send the form again
          assertThat(e.getMessage()).contains("ERR_CACHE_MISS");
          continue;
        }
        if (previous == null) {
          break;
        }
        String seen = p.content();
        assertThat(seen)
            .as("after going back %d pages: %s", back + 1, p.url())
            .doesNotContain("Ratna Kiosk Pertama")
            .doesNotContain("3516164101900001")
            .doesNotContain("Persyaratan bank kios")
            .doesNotContain(trackingCode);
        for (Locator field : p.locator("input[type=text], input[type=tel], textarea").all()) {
          assertThat(field.inputValue()).as(p.url()).isEmpty();
        }
      }
    }
    revokeAll(admin);
  }

  @Test
  void selesaiClearsAtOnceAndTheKioskStaysOnItsOfficesPages() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String code = enablingCode(admin, "Komputer lobi " + System.nanoTime());
    try (BrowserContext kiosk = tablet(true)) {
      Page p = kiosk.newPage();
      enable(p, code);
      link(p, "Surat Keterangan Tidak Mampu (SKTM)").click();
      link(p, "Ajukan secara daring").click();
      button(p, "Mulai sekarang").click();
      assertThat(heading(p)).hasText("Data diri pemohon");
      p.getByLabel("Nama lengkap").fill("Budi Kiosk Kedua");
      p.getByLabel("NIK").fill("3516160101900002");
      link(p, "Selesai").click();
      assertThat(heading(p)).hasText("Anjungan mandiri Kecamatan Jetis");
      p.goBack();
      assertThat(p.locator("body")).not().containsText("Budi Kiosk Kedua");
      for (Locator field : p.locator("input[type=text], textarea").all()) {
        assertThat(field.inputValue()).isEmpty();
      }

      // no way out: other offices, the staff pages and the regency pages open the start screen
      for (String away : new String[] {"/", "/masuk", "/admin", "/kecamatan/purwokerto-utara"}) {
        p.navigate(away);
        assertThat(heading(p)).hasText("Anjungan mandiri Kecamatan Jetis");
      }
      p.navigate("/kecamatan/jetis/layanan/SKW/panduan");
      assertThat(heading(p)).hasText("Panduan: Surat Keterangan Waris");

      // revoked: an ordinary browser again
      revokeAll(admin);
      p.navigate("/kios");
      assertThat(heading(p)).hasText("Aktifkan anjungan mandiri");
      p.navigate("/");
      assertThat(p.locator("footer")).containsText("Masuk petugas");
    }
  }

  @Test
  void withoutJavaScriptTheIdleKioskStillStartsOver() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String label = "Tablet tanpa skrip " + System.nanoTime();
    String code = enablingCode(admin, label);
    try (BrowserContext kiosk = tablet(false)) {
      Page p = kiosk.newPage();
      enable(p, code);
      link(p, "Surat Keterangan Tidak Mampu (SKTM)").click();
      link(p, "Ajukan secara daring").click();
      button(p, "Mulai sekarang").click();
      assertThat(heading(p)).hasText("Data diri pemohon");
      idle(label, 3);
      p.reload();
      assertThat(heading(p)).hasText("Data diri pemohon");
      p.getByLabel("Nama lengkap").fill("Citra Tanpa Skrip");
      // nobody touches it: the meta refresh brings the start screen
      p.waitForURL(START, new Page.WaitForURLOptions().setTimeout(30_000));
      assertThat(heading(p)).hasText("Anjungan mandiri Kecamatan Jetis");
      idle(label, 180);
      p.navigate("/kios");
      p.goBack();
      p.goBack();
      assertThat(p.locator("body")).not().containsText("Citra Tanpa Skrip");
      for (Locator field : p.locator("input[type=text], textarea").all()) {
        assertThat(field.inputValue()).isEmpty();
      }
    }
    revokeAll(admin);
  }

  private void idle(String label, int seconds) {
    jdbc.sql("update kiosk_device set idle_seconds = ? where label = ?")
        .params(seconds, label)
        .update();
  }

  /** A tablet on the office's counter: portrait, touch, with or without JavaScript. */
  private BrowserContext tablet(boolean javaScript) {
    return newContext(
        new Browser.NewContextOptions()
            .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
            .setJavaScriptEnabled(javaScript)
            .setLocale("id-ID"));
  }

  private static void enable(Page p, String code) {
    p.navigate("/kios");
    p.getByLabel("Kode pengaktifan").fill(code);
    button(p, "Aktifkan").click();
    assertThat(heading(p)).hasText("Anjungan mandiri Kecamatan Jetis");
  }

  private static String enablingCode(WebClient admin, String label) {
    admin.get("/admin/sosialisasi/kios");
    String page = admin.post("/admin/sosialisasi/kios", "label", label, "idleMinutes", "3").body();
    Matcher m = CODE.matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }

  private void revokeAll(WebClient admin) {
    admin.get("/admin/sosialisasi/kios");
    for (String id :
        jdbc.sql(
                "select d.id::text from kiosk_device d join office o on o.id = d.office_id"
                    + " where o.slug = 'jetis' and d.revoked_at is null")
            .query(String.class)
            .list()) {
      assertThat(admin.post("/admin/sosialisasi/kios/" + id + "/cabut").statusCode())
          .isEqualTo(302);
    }
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
