package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.letters.LetterFixtures;
import id.go.kecamatan.surveys.SurveyFixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The survey as residents and officers meet it (product.md journey 7), at 360 px without
 * JavaScript, every page scanned by axe-core: the invitation followed from the message log after a
 * letter was issued (answered once, not twice), the counter tablet taking three respondents in a
 * row, and a walk-in answering through the QR code of the office's IKM page.
 */
@IntegrationTest
class SurveyJourneyTests extends BrowserJourney {

  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  @Test
  void aResidentWhoseLetterWasIssuedFollowsTheInvitationAndCannotAnswerTwice() {
    Application application =
        new LetterFixtures(applications, decisions, jdbc).issuedApplication("Endang Lestari");
    new SurveyFixtures(jdbc, events, transactions).invitationAfterLetter(application);

    // the office administrator reads the message in the log (the demo sends none for real)
    signIn(page, "admin.jetis");
    page.navigate("/admin/pesan");
    Locator message =
        page.locator("article")
            .filter(new Locator.FilterOptions().setHasText(application.trackingCode().value()))
            .filter(new Locator.FilterOptions().setHasText("Undangan survei kepuasan"))
            .first();
    assertThat(message).isVisible();
    Matcher link =
        Pattern.compile("https?://\\S+/survei/[A-Za-z0-9_-]{43}")
            .matcher(message.locator(".message-text").textContent());
    assertThat(link.find()).isTrue();
    String path = URI.create(link.group()).getPath();

    try (BrowserContext phone = newPhoneContextWithoutJavaScript()) {
      Page resident = phone.newPage();
      resident.navigate(path);
      assertThat(resident.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Survei kepuasan masyarakat Kecamatan Jetis");
      axeScanOf(resident);
      assertThat(scrollWidth(resident)).isLessThanOrEqualTo(PHONE_WIDTH);

      // sent without answers: every question is named, nothing is stored
      button(resident, "Kirim jawaban").click();
      assertThat(resident.locator(".error-summary")).containsText("Pertanyaan 1 (persyaratan)");
      assertThat(resident.locator(".error-summary")).containsText("Pertanyaan 9 (sarana)");
      button(page, "Kirim jawaban").click(); // the same refusal, scanned where axe can run
      assertThat(page.locator(".error-summary")).isVisible();
      axeScan(page);

      answer(
          resident,
          "Sangat sesuai",
          "Mudah",
          "Cepat",
          "Gratis",
          "Sesuai",
          "Kompeten",
          "Sopan dan ramah",
          "Dikelola dengan baik",
          "Baik");
      resident.getByLabel("Saran dan kritik").fill("Terima kasih, suratnya cepat selesai.");
      button(resident, "Kirim jawaban").click();
      assertThat(resident.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Terima kasih");
      assertThat(resident.locator("main")).not().containsText("Ingin menyampaikan pengaduan?");
      axeScanOf(resident);

      resident.navigate(path);
      assertThat(resident.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Survei ini sudah diisi");
      assertThat(resident.locator("form")).hasCount(0);
      axeScanOf(resident);
    }
  }

  @Test
  void theCounterTabletTakesThreeRespondentsInARowAndShowsNothingOfTheOneBefore() {
    signIn(page, "loket.jetis");
    try (BrowserContext tablet = newPhoneContextWithoutJavaScript()) {
      Page counter = tablet.newPage();
      signIn(counter, "loket.jetis");
      counter.navigate("/admin/survei/loket");
      axeScanOf(counter);
      List<String> suggestions =
          List.of("Responden satu: antre lama.", "Responden dua: ramah.", "Responden tiga: oke.");
      List<String> complaints =
          List.of("Tidak ada", "Dikelola dengan baik", "Berfungsi kurang maksimal");
      for (int i = 0; i < 3; i++) {
        assertThat(counter.locator("input[type=radio]:checked")).hasCount(0);
        assertThat(counter.getByLabel("Saran dan kritik")).hasValue("");
        for (String earlier : suggestions) {
          assertThat(counter.locator("main")).not().containsText(earlier);
        }
        answer(
            counter,
            "Sesuai",
            "Mudah",
            "Cepat",
            "Gratis",
            "Sesuai",
            "Kompeten",
            "Sopan dan ramah",
            complaints.get(i),
            "Baik");
        counter.getByLabel("Saran dan kritik").fill(suggestions.get(i));
        button(counter, "Kirim jawaban").click();
        assertThat(counter.locator("[role=status]"))
            .containsText("Layar siap untuk responden berikutnya");
        // the first gave pengaduan 1: the screen offers how to complain, and nothing else of them
        if (i == 0) {
          assertThat(counter.locator("main")).containsText("Ingin menyampaikan pengaduan?");
        } else {
          assertThat(counter.locator("main")).not().containsText("Ingin menyampaikan pengaduan?");
        }
        axeScanOf(counter);
      }
      assertThat(counter.locator("main")).not().containsText("Responden tiga: oke.");
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from survey_response where channel = 'COUNTER'"
                        + " and suggestion like 'Responden %'")
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void aWalkInAnswersThroughTheQrCodeOfTheOfficesIkmPage() throws Exception {
    page.navigate("/kecamatan/jetis");
    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Indeks Kepuasan Masyarakat dan survei"))
        .click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Indeks Kepuasan Masyarakat Kecamatan Jetis");
    assertThat(page.locator("strong.ikm")).isVisible();
    axeScan(page);
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);

    byte[] shot = page.locator(".qr-box svg").screenshot();
    String url =
        new QRCodeReader()
            .decode(
                new BinaryBitmap(
                    new HybridBinarizer(
                        new BufferedImageLuminanceSource(
                            ImageIO.read(new ByteArrayInputStream(shot))))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
            .getText();
    assertThat(url).endsWith("/kecamatan/jetis/survei");

    try (BrowserContext phone = newPhoneContextWithoutJavaScript()) {
      Page walkIn = phone.newPage();
      walkIn.navigate(URI.create(url).getPath());
      axeScanOf(walkIn);
      walkIn
          .getByLabel("Layanan yang Anda terima")
          .selectOption(
              new com.microsoft.playwright.options.SelectOption()
                  .setLabel("Surat Keterangan Waris"));
      answer(
          walkIn,
          "Kurang sesuai",
          "Kurang mudah",
          "Cepat",
          "Gratis",
          "Sesuai",
          "Kompeten",
          "Sopan dan ramah",
          "Ada tetapi tidak berfungsi",
          "Cukup");
      walkIn
          .getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Usia (tidak wajib)"))
          .getByLabel("30-39 tahun")
          .check();
      button(walkIn, "Kirim jawaban").click();
      assertThat(walkIn.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Terima kasih");
      assertThat(walkIn.locator("main")).containsText("Ingin menyampaikan pengaduan?");
      assertThat(walkIn.locator("main")).containsText("(0321) 361234");
      axeScanOf(walkIn);
    }
  }

  @Test
  void theOfficeAdministratorPublishesASaranAndPlansTheFollowUpWhichAResidentThenReads() {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    id.go.kecamatan.surveys.Period month =
        id.go.kecamatan.surveys.Period.of(id.go.kecamatan.surveys.Period.Kind.MONTH, today);
    String saran = "Mohon disediakan air minum di ruang tunggu, jurnal " + System.nanoTime();
    jdbc.sql(
            """
            insert into survey_response (id, office_id, instrument, channel, answered_on,
              persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana,
              suggestion)
            select gen_random_uuid(), id, '2017.1', 'WALK_IN', ?, 3, 3, 3, 4, 3, 3, 3, 2, 2, ?
            from office where slug = 'jetis'
            """)
        .params(today, saran)
        .update();

    signIn(page, "admin.jetis");
    page.navigate("/admin/survei?" + month.query());
    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Moderasi saran dan kritik (terbitkan atau tidak)"))
        .click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Moderasi saran dan kritik");
    Locator item = page.locator("li").filter(new Locator.FilterOptions().setHasText(saran)).first();
    assertThat(item).containsText("Belum ditinjau");
    axeScan(page);
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
    item.getByRole(
            AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Terbitkan").setExact(true))
        .click();
    assertThat(page.locator("li").filter(new Locator.FilterOptions().setHasText(saran)).first())
        .containsText("Diterbitkan");

    page.navigate("/admin/survei/tindak-lanjut?" + month.query());
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Rencana tindak lanjut");
    Locator first = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Butir 1"));
    assertThat(first.getByLabel("Unsur")).not().hasValue("");
    first.getByLabel("Program atau kegiatan").fill("Dispenser air minum di ruang tunggu");
    first.getByLabel("Waktu", new Locator.GetByLabelOptions().setExact(true)).fill("Bulan depan");
    first.getByLabel("Penanggung jawab").fill("Kasubbag Umum");
    axeScan(page);
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
    button(page, "Simpan rencana tindak lanjut").click();
    assertThat(page.locator(".notice")).containsText("Rencana tindak lanjut tersimpan.");

    // a resident on a phone without JavaScript reads both on the public IKM page
    try (BrowserContext phone = newPhoneContextWithoutJavaScript()) {
      Page resident = phone.newPage();
      resident.navigate("/kecamatan/jetis/ikm?" + month.query());
      assertThat(resident.locator("main")).containsText(saran);
      assertThat(resident.locator("main")).containsText("Dispenser air minum di ruang tunggu");
      assertThat(resident.locator("main")).containsText("Kasubbag Umum");
      assertThat(scrollWidth(resident)).isLessThanOrEqualTo(PHONE_WIDTH);
      axeScanOf(resident);
    }
  }

  /**
   * Scans the page a phone without JavaScript shows: axe-core needs JavaScript, so the phone page
   * that has it opens the same address (signed in as the same person where it matters).
   */
  private void axeScanOf(Page noScript) {
    page.navigate(noScript.url());
    axeScan(page);
  }

  /** Answers the nine questions in the form's order, by each answer's label in its question. */
  private static void answer(Page page, String... labels) {
    Locator questions =
        page.locator("fieldset")
            .filter(new Locator.FilterOptions().setHasText("Bagaimana pendapat Saudara"));
    assertThat(questions).hasCount(9);
    for (int i = 0; i < labels.length; i++) {
      questions
          .nth(i)
          .getByLabel(labels[i], new Locator.GetByLabelOptions().setExact(true))
          .check();
    }
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }
}
