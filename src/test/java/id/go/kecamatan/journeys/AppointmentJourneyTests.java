package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.TestPhones;
import id.go.kecamatan.documents.TestFiles;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident on a 360 px phone without JavaScript books an e-KTP recording for herself and her
 * brother, confirms it with the code sent to her phone and gets the booking code and its QR; on the
 * day she checks in at the kiosk and gets a queue ticket; the front office records both; their
 * cards move on as a list to "siap diambil", the pick-up message is in the office's message log,
 * her brother's card is handed to a proxy, and she follows her card on her phone. With JavaScript
 * on, every page of the journey passes the WCAG 2.2 AA scan.
 */
@IntegrationTest
class AppointmentJourneyTests extends BrowserJourney {

  @Autowired JdbcClient jdbc;

  static String nik(int day, int month, int yy) {
    return String.format(
        "351616%02d%02d%02d%04d", day, month, yy, 1 + (int) (System.nanoTime() % 9000));
  }

  @Test
  void aFamilyBooksTheRecordingChecksInAndTheCardsGoToAProxyPickUp() {
    String phone = TestPhones.unique("0856");
    String sister = nik(52, 4, 3);
    String brother = nik(14, 9, 1);
    String code;
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript();
        BrowserContext office = newPhoneContext();
        BrowserContext administrator = newPhoneContext()) {
      Page resident = noScript.newPage();
      resident.navigate("/kecamatan/jetis/janji");
      assertThat(heading(resident)).hasText("Buat janji temu");
      resident
          .getByRole(
              AriaRole.LINK, new Page.GetByRoleOptions().setName("Perekaman KTP-el").setExact(true))
          .click();
      assertThat(heading(resident)).hasText("Perekaman KTP-el");
      assertThat(resident.locator("main")).containsText("Kartu Keluarga asli");
      resident.locator("ul.inline-list a").first().click();
      Locator slot = resident.locator("input[name=start]:not([disabled])").nth(3);
      String time = slot.getAttribute("value");
      slot.check();
      resident.getByLabel("Nomor Kartu Keluarga (KK)").fill("3516160101150003");
      resident.locator("#nik0").fill(sister);
      resident.locator("#name0").fill("Ratna Sari");
      resident.locator("#nik1").fill(brother);
      resident.locator("#name1").fill("Bima Sakti");
      org.assertj.core.api.Assertions.assertThat(scrollWidth(resident))
          .isLessThanOrEqualTo(PHONE_WIDTH);
      button(resident, "Pesan dan kirim kode konfirmasi").click();
      // no contact yet: a clear message, nothing lost
      assertThat(resident.locator(".error-summary")).containsText("Isi nomor HP atau e-mail");
      assertThat(resident.locator("#name1")).hasValue("Bima Sakti");
      resident.getByLabel("Nomor HP (WhatsApp)").fill(phone);
      button(resident, "Pesan dan kirim kode konfirmasi").click();
      assertThat(heading(resident)).hasText("Masukkan kode konfirmasi");
      assertThat(resident.locator("main")).containsText(time);
      String otp = otpSentTo(phone);
      resident.getByLabel("Kode konfirmasi").fill("000000");
      button(resident, "Konfirmasi janji temu").click();
      assertThat(resident.locator(".error-summary")).containsText("Kode tidak cocok");
      resident.getByLabel("Kode konfirmasi").fill(otp);
      button(resident, "Konfirmasi janji temu").click();
      assertThat(heading(resident)).hasText("Janji temu terkonfirmasi");
      assertThat(resident.locator(".qr-box svg")).isVisible();
      Matcher m = Pattern.compile("(351616-[2-9A-Z]{8})").matcher(resident.content());
      org.assertj.core.api.Assertions.assertThat(m.find()).isTrue();
      code = m.group(1);
      Matcher link = Pattern.compile("(/janji/kelola/[2-9A-Z]{16})").matcher(resident.content());
      org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
      String manage = link.group(1);
      assertThat(resident.locator(".summary-list")).containsText("Ratna Sari");
      assertThat(resident.locator(".summary-list")).containsText("Bima Sakti");
      org.assertj.core.api.Assertions.assertThat(scrollWidth(resident))
          .isLessThanOrEqualTo(PHONE_WIDTH);

      // the day comes: the kiosk issues the ticket
      LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
      jdbc.sql("update appointment set day = ? where code = ?").params(today, code).update();
      Page kiosk = noScript.newPage();
      kiosk.navigate("/kecamatan/jetis/janji/check-in");
      kiosk.getByLabel("Kode janji temu").fill(code);
      button(kiosk, "Ambil nomor antrean").click();
      assertThat(heading(kiosk)).hasText("Selamat datang, Ratna Sari");
      assertThat(kiosk.locator("#nomor-antrean")).hasText(Pattern.compile("[A-Z]-\\d{3}"));

      // the front office records both members
      Page desk = office.newPage();
      signIn(desk, "loket.jetis");
      desk.navigate("/admin/janji");
      Locator booking =
          desk.locator("li.card").filter(new Locator.FilterOptions().setHasText(code));
      assertThat(booking).containsText("Sudah datang");
      booking
          .getByRole(
              AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rekam KTP-el Ratna Sari"))
          .click();
      assertThat(desk.getByRole(AriaRole.STATUS)).containsText("Perekaman dicatat");
      desk.locator("li.card")
          .filter(new Locator.FilterOptions().setHasText(code))
          .getByRole(
              AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rekam KTP-el Bima Sakti"))
          .click();
      axeScan(desk);

      // both cards move on together to "siap diambil"
      desk.navigate("/admin/ktp-el?status=RECORDED");
      for (String nik : List.of(sister, brother)) {
        desk.getByLabel(cardCode(nik)).check();
      }
      desk.getByLabel("Pindahkan ke langkah")
          .selectOption(
              new com.microsoft.playwright.options.SelectOption().setLabel("Siap diambil"));
      button(desk, "Pindahkan kartu yang dipilih").click();
      assertThat(desk.getByRole(AriaRole.STATUS)).containsText("2 kartu dipindahkan ke");
      axeScan(desk);

      // the resident follows her card on her phone
      Page follow = noScript.newPage();
      String cardCode = cardCode(sister);
      follow.navigate("/ktp-el?kode=" + cardCode);
      follow
          .getByLabel("4 angka terakhir nomor HP, atau NIK")
          .fill(phone.substring(phone.length() - 4));
      button(follow, "Lihat status").click();
      assertThat(heading(follow)).hasText("Status KTP-el Anda");
      assertThat(follow.locator(".summary-list")).containsText("Siap diambil");
      assertThat(follow.locator("main")).containsText("Yang dibawa saat mengambil");

      // the brother's card goes to a proxy with a letter of authority
      desk.navigate("/admin/ktp-el?status=READY_FOR_PICKUP&q=" + brother);
      desk.getByRole(
              AriaRole.LINK,
              new Page.GetByRoleOptions().setName(Pattern.compile("Buka kartu Bima Sakti")))
          .click();
      desk.getByLabel("Kuasa pemilik (dengan surat kuasa)").check();
      desk.getByLabel(Pattern.compile("^Identitas pengambil sudah saya periksa")).check();
      desk.getByLabel("Nama penerima kuasa").fill("Ratna Sari");
      desk.getByLabel("NIK penerima kuasa").fill(sister);
      button(desk, "Serahkan kartu").click();
      assertThat(desk.locator(".error-summary")).containsText("memerlukan surat kuasa");
      desk.getByLabel(Pattern.compile("^Surat kuasa bermeterai")).check();
      desk.getByLabel("Foto atau pindaian surat kuasa")
          .setInputFiles(
              new FilePayload("kuasa.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.photo(80, 60))));
      button(desk, "Serahkan kartu").click();
      assertThat(desk.getByRole(AriaRole.STATUS)).containsText("Kartu diserahkan");
      assertThat(desk.locator(".summary-list")).containsText("kuasa: Ratna Sari");
      assertThat(desk.locator(".timeline")).containsText("Diambil");

      // the pick-up message is in the office's message log
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql(
                              "select count(*) from notification where kind = 'ktp.ready' and text like ?")
                          .param("%" + cardCode + "%")
                          .query(Long.class)
                          .single()
                      == 1);
      Page admin = administrator.newPage();
      signIn(admin, "admin.jetis");
      admin.navigate("/admin/pesan");
      assertThat(admin.locator("main")).containsText("KTP-el siap diambil");

      // every public page of the journey passes the scan with JavaScript on
      Page scan = office.newPage();
      for (String path :
          List.of(
              "/kecamatan/jetis/janji",
              "/kecamatan/jetis/janji/check-in",
              "/ktp-el",
              "/kecamatan/jetis/janji/"
                  + jdbc.sql(
                          "select t.id from appointment a join appointment_type t on t.id = a.type_id where a.code = ?")
                      .param(code)
                      .query(String.class)
                      .single(),
              manage)) {
        scan.navigate(path);
        axeScan(scan);
      }
    }
  }

  String cardCode(String nik) {
    return jdbc.sql("select code from ktp_card where nik = ? and status <> 'PICKED_UP'")
        .param(nik)
        .query(String.class)
        .single();
  }

  String otpSentTo(String phone) {
    String recipient = "62" + phone.substring(1);
    String text =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    jdbc.sql(
                            "select text from notification where kind = 'otp' and recipient = ? order by created_at desc limit 1")
                        .param(recipient)
                        .query(String.class)
                        .optional()
                        .orElse(null),
                t -> t != null);
    Matcher otp = Pattern.compile(": (\\d{6})").matcher(text);
    org.assertj.core.api.Assertions.assertThat(otp.find()).isTrue();
    return otp.group(1);
  }

  private static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }
}
