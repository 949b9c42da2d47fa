package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.office.WorkingCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office administrator of Jetis keeps the service catalogue up to date from a phone, and the
 * regency administrator registers a new kecamatan; every change shows on the public site at once.
 */
@IntegrationTest
class AdminJourneyTests extends BrowserJourney {

  @Autowired JdbcClient jdbc;
  @Autowired WorkingCalendar calendar;

  @Test
  void anOfficeAdminAddsARequirementToAServiceAndThePublicPageShowsIt() {
    signIn(page, "admin.jetis");
    openFromNav(page, "Layanan", "Layanan");
    assertThat(heading(page)).hasText("Layanan");

    link(page, "Surat Keterangan Domisili").click();
    assertThat(heading(page)).containsText("Surat Keterangan Domisili");
    page.getByLabel("Nama persyaratan").fill("Surat keterangan RT/RW");
    page.getByLabel("Keterangan").fill("Dari ketua RT dan RW tempat tinggal, paling lama 1 bulan");
    page.getByLabel("Persyaratan ini wajib").check();
    button(page, "Tambah persyaratan").click();
    assertThat(notice(page)).hasText("Persyaratan sudah ditambahkan.");
    List<String> added = adminRequirements(page);
    assertThat(added).last().isEqualTo("Surat keterangan RT/RW");

    button(page, "Naikkan Surat keterangan RT/RW").click();
    List<String> moved = adminRequirements(page);
    assertThat(moved).hasSize(added.size());
    assertThat(moved.get(moved.size() - 2)).isEqualTo("Surat keterangan RT/RW");
    assertThat(moved.get(moved.size() - 1)).isEqualTo(added.get(added.size() - 2));

    try (BrowserContext resident = newPhoneContext()) {
      Page visitor = resident.newPage();
      visitor.navigate("/kecamatan/jetis/layanan/DOMISILI");
      assertThat(visitor.locator("ol.requirements > li > strong"))
          .hasText(moved.toArray(String[]::new));
      Locator item = visitor.locator("ol.requirements > li").nth(moved.size() - 2);
      assertThat(item).containsText("Dari ketua RT dan RW tempat tinggal, paling lama 1 bulan");
      assertThat(item).not().containsText("bila ada");
    }

    openFromNav(page, "Staf & keamanan", "Jejak audit");
    Locator row =
        page.locator("table.audit tbody tr")
            .filter(new Locator.FilterOptions().setHasText("Persyaratan ditambahkan"))
            .filter(new Locator.FilterOptions().setHasText("Surat keterangan RT/RW"));
    assertThat(row).hasCount(1);
    assertThat(row).containsText("Admin Kecamatan Jetis");
  }

  @Test
  void anOfficeAdminEditsTheStandardAndDeactivatesAServiceWhichDisappearsFromThePublicSite() {
    String code = uniqueCode();
    String name = "Surat Keterangan Uji " + code;
    signIn(page, "admin.jetis");
    openFromNav(page, "Layanan", "Layanan");
    link(page, "Tambah layanan").click();
    assertThat(heading(page)).hasText("Tambah layanan");
    fillService(page, code, name, "Surat keterangan untuk menguji katalog layanan.");
    page.getByLabel("Kategori").selectOption("PERIZINAN");
    page.getByLabel("Sarana dan prasarana").fill("Ruang tunggu dan loket");
    page.getByLabel("Kompetensi pelaksana").fill("Memahami administrasi kependudukan");
    page.getByLabel("Pengawasan internal").fill("Oleh Sekretaris Camat");
    page.getByLabel("Jumlah pelaksana").fill("2 orang");
    page.getByLabel("Jaminan pelayanan").fill("Selesai tepat waktu");
    page.getByLabel("Jaminan keamanan dan keselamatan").fill("Data pribadi dijaga");
    page.getByLabel("Evaluasi kinerja pelaksana").fill("Setiap tahun");
    page.getByLabel("Kode klasifikasi surat").fill("470");
    page.getByLabel("Kantor desa/kelurahan").uncheck();
    button(page, "Simpan").click();
    assertThat(notice(page)).hasText("Layanan sudah ditambahkan.");
    assertThat(heading(page)).containsText(name);

    page.getByLabel("Jangka waktu penyelesaian (hari kerja)").fill("3");
    page.getByLabel("Biaya (rupiah)").fill("10000");
    button(page, "Simpan").click();
    assertThat(notice(page)).hasText("Perubahan sudah disimpan.");
    assertThat(page.getByLabel("Biaya (rupiah)")).hasValue("10000");

    String publicUrl = "/kecamatan/jetis/layanan/" + code;
    try (BrowserContext resident = newPhoneContext()) {
      Page visitor = resident.newPage();
      visitor.navigate("/kecamatan/jetis");
      assertThat(link(visitor, name)).isVisible();
      link(visitor, name).click();
      assertThat(visitor).hasURL(Pattern.compile(publicUrl + "$"));
      assertThat(heading(visitor)).hasText(name);
      assertThat(visitor.locator(".facts")).containsText("3 hari kerja");
      assertThat(visitor.locator(".facts")).containsText("10.000");
    }

    openFromNav(page, "Layanan", "Layanan");
    button(page, "Nonaktifkan " + name).click();
    assertThat(notice(page)).hasText("Layanan sudah dinonaktifkan.");
    assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHasText(name)))
        .containsText("Nonaktif");

    try (BrowserContext resident = newPhoneContext()) {
      Page visitor = resident.newPage();
      Response gone = visitor.navigate(publicUrl);
      assertThat(gone.status()).isEqualTo(404);
      visitor.navigate("/kecamatan/jetis");
      assertThat(heading(visitor)).hasText("Kecamatan Jetis");
      assertThat(link(visitor, name)).hasCount(0);
      assertThat(visitor.locator("main")).not().containsText(name);
    }
  }

  @Test
  void anAdminOfJetisCannotSeeOrChangeAnythingOfPurwokertoUtara() {
    UUID jetis = officeId("35.16.16");
    UUID other = officeId("33.02.27");
    UUID service =
        jdbc.sql("select id from service_type where office_id = ? and code = 'SKTM'")
            .param(other)
            .query(UUID.class)
            .single();
    UUID requirement =
        jdbc.sql(
                "select id from requirement where service_type_id = ? order by position desc limit 1")
            .param(service)
            .query(UUID.class)
            .single();
    UUID staff =
        jdbc.sql("select id from staff where office_id = ? and username = 'loket.purwokertoutara'")
            .param(other)
            .query(UUID.class)
            .single();
    calendar.add(other, "2026-12-29", "LOCAL", "Bersih desa Purwokerto Utara");
    UUID holiday =
        jdbc.sql("select id from holiday where office_id = ? and day = date '2026-12-29'")
            .param(other)
            .query(UUID.class)
            .single();
    UUID ownService =
        jdbc.sql("select id from service_type where office_id = ? and code = 'SKCK'")
            .param(jetis)
            .query(UUID.class)
            .single();
    Map<String, String> before = snapshot(other, service, staff);

    signIn(page, "admin.jetis");
    for (String path :
        List.of(
            "/admin/layanan/" + service,
            "/admin/layanan/" + service + "/persyaratan/" + requirement,
            "/admin/layanan/" + ownService + "/persyaratan/" + requirement,
            "/admin/staf/" + staff)) {
      Response response = page.navigate(path);
      assertThat(response.status()).as("GET %s", path).isEqualTo(404);
      assertThat(page.locator("main")).not().containsText("Purwokerto");
    }

    page.navigate("/admin/layanan");
    String csrf = page.locator("main form input[name=_csrf]").first().inputValue();
    String s = "/admin/layanan/" + service;
    String r = s + "/persyaratan/" + requirement;
    List<Forgery> forgeries =
        List.of(
            new Forgery(s, serviceForm("SKTM", "Diubah oleh Jetis")),
            new Forgery(s + "/aktif", Map.of("active", "false")),
            new Forgery(
                s + "/persyaratan", Map.of("reqName", "Disisipkan Jetis", "reqRequired", "true")),
            new Forgery(
                r, Map.of("reqName", "Diubah Jetis", "reqDescription", "", "reqRequired", "false")),
            new Forgery(r + "/naik", Map.of()),
            new Forgery(r + "/turun", Map.of()),
            new Forgery(r + "/hapus", Map.of()),
            new Forgery(
                "/admin/layanan/" + ownService + "/persyaratan/" + requirement,
                Map.of("reqName", "Diubah Jetis", "reqRequired", "false")),
            new Forgery(
                "/admin/layanan/" + ownService + "/persyaratan/" + requirement + "/naik", Map.of()),
            new Forgery(
                "/admin/layanan/" + ownService + "/persyaratan/" + requirement + "/hapus",
                Map.of()),
            new Forgery(
                "/admin/staf/" + staff,
                Map.of(
                    "username",
                    "loket.purwokertoutara",
                    "fullName",
                    "Diubah Jetis",
                    "roles",
                    "OFFICE_ADMIN",
                    "password",
                    "")),
            new Forgery("/admin/staf/" + staff + "/aktif", Map.of("active", "false")),
            new Forgery("/admin/kalender/" + holiday + "/hapus", Map.of()));
    for (Forgery forgery : forgeries) {
      FormData form = FormData.create().set("_csrf", csrf);
      forgery.fields().forEach(form::set);
      APIResponse answer =
          page.request()
              .post(forgery.path(), RequestOptions.create().setForm(form).setMaxRedirects(0));
      assertThat(answer.status()).as("POST %s", forgery.path()).isIn(403, 404);
    }
    assertThat(snapshot(other, service, staff)).isEqualTo(before);
    assertThat(
            jdbc.sql("select count(*) from holiday where id = ?")
                .param(holiday)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    for (String path :
        List.of(
            "/admin",
            "/admin/layanan",
            "/admin/staf",
            "/admin/audit",
            "/admin/desa",
            "/admin/kalender?tahun=2026",
            "/admin/pejabat",
            "/admin/kantor")) {
      page.navigate(path);
      assertThat(heading(page)).isVisible();
      String html = page.content();
      assertThat(html)
          .as(path)
          .doesNotContain("purwokertoutara")
          .doesNotContain("Purwokerto")
          .doesNotContain("Agus Santoso")
          .doesNotContain("Bersih desa")
          .doesNotContain(service.toString())
          .doesNotContain(staff.toString());
    }
  }

  @Test
  void aFormWithMistakesShowsTheErrorsInIndonesianAndKeepsWhatWasTyped() {
    UUID jetis = officeId("35.16.16");
    long servicesBefore = servicesOf(jetis);
    List<String> dialogs = new ArrayList<>();
    page.onDialog(
        dialog -> {
          dialogs.add(dialog.message());
          dialog.dismiss();
        });
    signIn(page, "admin.jetis");
    page.navigate("/admin/layanan/baru");
    fillService(page, "SKTM", "", "<script>alert(1)</script>");
    page.getByLabel("Produk pelayanan").fill("Surat keterangan & \"kutipan\"");
    button(page, "Simpan").click();

    Locator summary = page.getByRole(AriaRole.ALERT);
    assertThat(summary).containsText("Ada masalah");
    assertThat(summary.locator("li")).hasCount(3);
    assertThat(summary.locator("li a").allTextContents())
        .containsExactlyInAnyOrder(
            "Nama layanan: Wajib diisi.",
            "Kode layanan: Kode ini sudah dipakai layanan lain di kecamatan ini.",
            "Penjelasan singkat: Tidak boleh berisi tag HTML atau skrip (tanda < diikuti huruf).");
    summary
        .getByRole(
            AriaRole.LINK, new Locator.GetByRoleOptions().setName("Nama layanan: Wajib diisi."))
        .click();
    assertThat(page.getByLabel("Nama layanan")).isFocused();
    summary
        .getByRole(
            AriaRole.LINK,
            new Locator.GetByRoleOptions()
                .setName("Kode layanan: Kode ini sudah dipakai layanan lain di kecamatan ini."))
        .click();
    assertThat(page.getByLabel("Kode layanan")).isFocused();
    summary.locator("a[href='#description']").click();
    assertThat(page.getByLabel("Penjelasan singkat")).isFocused();

    assertThat(page.getByLabel("Kode layanan")).hasValue("SKTM");
    assertThat(page.getByLabel("Penjelasan singkat")).hasValue("<script>alert(1)</script>");
    assertThat(page.getByLabel("Produk pelayanan")).hasValue("Surat keterangan & \"kutipan\"");
    assertThat(page.getByLabel("Nama layanan")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("script")).hasCount(0);
    assertThat(page.content()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(dialogs).as("dialogs opened by the page").isEmpty();
    assertThat(servicesOf(jetis)).isEqualTo(servicesBefore);
    assertThat(
            jdbc.sql(
                    "select count(*) from service_type where office_id = ? and lower(code) = 'sktm'")
                .param(jetis)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aNewOfficeIsCreatedByTheRegencyAdminFromARegionCode() throws IOException {
    List<String[]> regions = regions();
    String code =
        regions.stream()
            .map(row -> row[0])
            .filter(c -> c.matches("35\\.16\\.\\d\\d"))
            .filter(
                c ->
                    jdbc.sql("select count(*) from office where code = ?")
                            .param(c)
                            .query(Long.class)
                            .single()
                        == 0)
            .findFirst()
            .orElseThrow();
    String name = regions.stream().filter(row -> row[0].equals(code)).findFirst().orElseThrow()[1];
    long villages = regions.stream().filter(row -> row[0].startsWith(code + ".")).count();
    assertThat(villages).isPositive();

    signIn(page, "kab.3516");
    openFromNav(page, "Kabupaten", "Kecamatan");
    assertThat(heading(page)).hasText("Kecamatan di Kabupaten Mojokerto");
    page.getByLabel("Kode kecamatan").fill(code);
    String admin = "admin.k" + code.replace(".", "");
    page.getByLabel("Nama pengguna").fill(admin);
    page.getByLabel("Nama lengkap").fill("Admin Kecamatan " + name);
    page.getByLabel("Kata sandi awal").fill("Kecamatan-Baru-2026");
    button(page, "Daftarkan kecamatan").click();
    assertThat(page.getByRole(AriaRole.STATUS))
        .hasText(
            "Kecamatan "
                + name
                + " sudah didaftarkan bersama "
                + villages
                + " desa/kelurahan dan admin kecamatannya.");
    assertThat(link(page, "Kecamatan " + name)).isVisible();

    page.getByLabel("Kode kecamatan").fill(code);
    button(page, "Daftarkan kecamatan").click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("Kecamatan ini sudah terdaftar.");

    try (BrowserContext resident = newPhoneContext()) {
      Page visitor = resident.newPage();
      visitor.navigate("/kabupaten/35.16");
      // an office registered a minute ago, without services yet, is counted as registered, not
      // as one that serves online
      assertThat(visitor.locator(".lead")).containsText("Kantor kecamatan yang terdaftar: ");
      link(visitor, "Kecamatan " + name).click();
      assertThat(heading(visitor)).hasText("Kecamatan " + name);
    }
    try (BrowserContext newAdmin = newPhoneContext()) {
      Page office = newAdmin.newPage();
      signIn(office, admin, "Kecamatan-Baru-2026");
      openFromNav(office, "Kantor", "Profil kantor");
      assertThat(office.locator(".facts")).containsText(code);
    }
    // keep the public lists at the three demo offices for the other tests
    jdbc.sql("update office set active = false where code = ?").param(code).update();
  }

  @Test
  void withoutJavaScriptAnOfficeAdminStillAddsAndOrdersARequirement() {
    try (BrowserContext noScript = newPhoneContextWithoutJavaScript()) {
      Page plain = noScript.newPage();
      signIn(plain, "admin.jetis");
      openFromNav(plain, "Layanan", "Layanan");
      link(plain, "Legalisir Dokumen").click();

      button(plain, "Tambah persyaratan").click();
      assertThat(plain.getByRole(AriaRole.ALERT)).containsText("Wajib diisi.");

      plain.getByLabel("Nama persyaratan").fill("Fotokopi dokumen yang dilegalisir");
      plain.getByLabel("Keterangan").fill("Dua lembar");
      plain.getByLabel("Persyaratan ini wajib").uncheck();
      button(plain, "Tambah persyaratan").click();
      assertThat(notice(plain)).hasText("Persyaratan sudah ditambahkan.");
      List<String> added = adminRequirements(plain);
      assertThat(added).last().isEqualTo("Fotokopi dokumen yang dilegalisir");

      button(plain, "Naikkan Fotokopi dokumen yang dilegalisir").click();
      assertThat(adminRequirements(plain).get(added.size() - 2))
          .isEqualTo("Fotokopi dokumen yang dilegalisir");

      plain.navigate("/kecamatan/jetis/layanan/LEGALISIR");
      Locator item = plain.locator("ol.requirements > li").nth(added.size() - 2);
      assertThat(item.locator("strong")).hasText("Fotokopi dokumen yang dilegalisir");
      assertThat(item).containsText("Dua lembar");
    }
  }

  @Test
  void everyAdminPageHasNoAccessibilityViolations() {
    UUID jetis = officeId("35.16.16");
    UUID service =
        jdbc.sql("select id from service_type where office_id = ? and code = 'SKW'")
            .param(jetis)
            .query(UUID.class)
            .single();
    UUID requirement =
        jdbc.sql("select id from requirement where service_type_id = ? order by position limit 1")
            .param(service)
            .query(UUID.class)
            .single();
    UUID staff =
        jdbc.sql("select id from staff where office_id = ? and username = 'desa.jetis'")
            .param(jetis)
            .query(UUID.class)
            .single();
    UUID field =
        jdbc.sql("select id from form_field where service_type_id = ? order by position limit 1")
            .param(service)
            .query(UUID.class)
            .single();
    List<String> pages =
        List.of(
            "/admin",
            "/admin/kantor",
            "/admin/pejabat",
            "/admin/desa",
            "/admin/kalender",
            "/admin/layanan",
            "/admin/layanan/baru",
            "/admin/layanan/" + service,
            "/admin/layanan/" + service + "/persyaratan/" + requirement,
            "/admin/staf",
            "/admin/staf/" + staff,
            "/admin/audit",
            "/akun/kata-sandi",
            "/admin/layanan/" + service + "/formulir",
            "/admin/layanan/" + service + "/formulir/baru",
            "/admin/layanan/" + service + "/formulir/" + field,
            "/admin/layanan/" + service + "/formulir/pratinjau",
            "/admin/pesan",
            "/admin/pesan?status=FAILED",
            "/admin/pesan/templat",
            "/admin/pesan/templat/application.submitted/whatsapp",
            "/admin/pesan/templat/application.submitted/email");
    // at a computer's width one page of each layout (as BrowserJourney.DESKTOP_PAGES for the public
    // site): the pages share the administration's template, the width changes only its media
    // queries; the forms with errors below are scanned at both widths
    Set<String> wideLayouts =
        Set.of(
            "/admin",
            "/admin/layanan",
            "/admin/layanan/" + service,
            "/admin/staf",
            "/admin/audit",
            "/admin/layanan/" + service + "/formulir/pratinjau",
            "/admin/pesan?status=FAILED");
    // a failed message, so that the log shows its reason and the "Kirim ulang" button
    jdbc.sql(
            """
            insert into notification (id, office_id, kind, channel, recipient, text,
              idempotency_key, status, attempts, next_attempt_at, last_error, created_at)
            values (?, ?, 'application.submitted', 'WHATSAPP', '6281299990000', 'Uji',
              ?, 'FAILED', 6, now(), 'HTTP 400: {"status":false,"reason":"nomor tidak terdaftar"}',
              now())
            """)
        .params(UUID.randomUUID(), jetis, "a11y-" + UUID.randomUUID())
        .update();
    try (BrowserContext desktop = newDesktopContext()) {
      Page wide = desktop.newPage();
      signIn(page, "admin.jetis");
      signIn(wide, "admin.jetis");
      for (String path : pages) {
        page.navigate(path);
        assertThat(heading(page)).isVisible();
        if (Boolean.getBoolean("admin.screenshots")) {
          // -Dadmin.screenshots=true: every admin page on a phone, to look at
          page.screenshot(
              new Page.ScreenshotOptions()
                  .setFullPage(true)
                  .setPath(
                      Paths.get(
                          "/tmp/admin-shots/"
                              + path.replaceAll("[0-9a-f-]{36}", "id").replace('/', '_')
                              + ".png")));
        }
        assertThat(scrollWidth(page))
            .as("width of %s on a %d px phone; too wide: %s", path, PHONE_WIDTH, tooWide(page))
            .isLessThanOrEqualTo(PHONE_WIDTH);
        axeScan(page);
        if (wideLayouts.contains(path)) {
          wide.navigate(path);
          assertThat(heading(wide)).isVisible();
          axeScan(wide);
        }
      }
      for (Page screen : List.of(page, wide)) {
        screen.navigate("/admin/layanan/baru");
        fillService(screen, "SKTM", "", "<b>tebal</b>");
        button(screen, "Simpan").click();
        assertThat(screen.getByRole(AriaRole.ALERT)).isVisible();
        assertThat(scrollWidth(screen)).isLessThanOrEqualTo(screen.viewportSize().width);
        axeScan(screen);
        screen.navigate("/admin/staf");
        button(screen, "Tambah petugas").click();
        assertThat(screen.getByRole(AriaRole.ALERT)).isVisible();
        axeScan(screen);
        screen.navigate("/admin/layanan/" + service + "/formulir/pratinjau");
        button(screen, "Periksa jawaban").click();
        assertThat(screen.getByRole(AriaRole.ALERT)).isVisible();
        assertThat(scrollWidth(screen)).isLessThanOrEqualTo(screen.viewportSize().width);
        axeScan(screen);
      }
    }

    try (BrowserContext regency = newPhoneContext();
        BrowserContext desktop = newDesktopContext()) {
      for (Page screen : List.of(regency.newPage(), desktop.newPage())) {
        signIn(screen, "kab.3516");
        for (String path :
            List.of("/admin", "/admin/kabupaten/kecamatan", "/admin/kabupaten/kalender")) {
          screen.navigate(path);
          assertThat(heading(screen)).isVisible();
          assertThat(scrollWidth(screen)).as(path).isLessThanOrEqualTo(screen.viewportSize().width);
          axeScan(screen);
        }
        screen.navigate("/admin/kabupaten/kecamatan");
        screen.getByLabel("Kode kecamatan").fill("99.99");
        button(screen, "Daftarkan kecamatan").click();
        assertThat(screen.getByRole(AriaRole.ALERT)).isVisible();
        axeScan(screen);
      }
    }
  }

  // ---- steps
  // -------------------------------------------------------------------------------------

  record Forgery(String path, Map<String, String> fields) {}

  static void fillService(Page page, String code, String name, String description) {
    page.getByLabel("Kode layanan").fill(code);
    page.getByLabel("Nama layanan").fill(name);
    page.getByLabel("Penjelasan singkat").fill(description);
    page.getByLabel("Langkah prosedur")
        .fill("Pemohon datang ke loket\nPetugas memeriksa berkas\nCamat menandatangani");
    page.getByLabel("Jangka waktu penyelesaian (hari kerja)").fill("2");
    page.getByLabel("Biaya (rupiah)").fill("0");
    page.getByLabel("Produk pelayanan").fill("Surat keterangan");
    page.getByLabel("Penanganan pengaduan, saran dan masukan")
        .fill("Loket pengaduan kecamatan atau lapor.go.id");
    page.getByLabel("Dasar hukum")
        .fill("Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik");
  }

  static List<String> adminRequirements(Page page) {
    return page.locator("ol.admin-requirements > li > strong").allTextContents();
  }

  /** The elements that stick out to the right of the viewport, for the failure message. */
  static Object tooWide(Page page) {
    return page.evaluate(
        """
        () => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .slice(0, 8)
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' '
            + Math.round(e.getBoundingClientRect().width) + 'px')""");
  }

  static Locator heading(Page page) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  static Locator notice(Page page) {
    return page.locator("main .notice[role=status]");
  }

  static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  /** Opens a page of a section of the staff navigation, through the section's landing page. */
  static void openFromNav(Page page, String section, String name) {
    navLink(page, section).click();
    assertThat(heading(page)).hasText(section);
    page.locator("main")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true))
        .click();
  }

  static Locator navLink(Page page, String name) {
    return page.getByRole(
            AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu administrasi"))
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  static String uniqueCode() {
    return "UJI-"
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36)
            .toUpperCase();
  }

  static Map<String, String> serviceForm(String code, String name) {
    return Map.ofEntries(
        Map.entry("code", code),
        Map.entry("name", name),
        Map.entry("category", "NON_PERIZINAN"),
        Map.entry("description", "Diubah"),
        Map.entry("procedureSteps", "Satu"),
        Map.entry("completionDays", "9"),
        Map.entry("cost", "5000"),
        Map.entry("product", "Surat"),
        Map.entry("complaintChannel", "Loket"),
        Map.entry("legalBasis", "UU"),
        Map.entry("online", "true"),
        Map.entry("counter", "true"),
        Map.entry("village", "true"));
  }

  UUID officeId(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  long servicesOf(UUID office) {
    return jdbc.sql("select count(*) from service_type where office_id = ?")
        .param(office)
        .query(Long.class)
        .single();
  }

  /** Everything of the other office the forged requests aim at, as JSON text. */
  Map<String, String> snapshot(UUID office, UUID service, UUID staff) {
    return Map.of(
        "service",
            jdbc.sql("select to_jsonb(s)::text from service_type s where id = ?")
                .param(service)
                .query(String.class)
                .single(),
        "requirements",
            jdbc.sql(
                    "select string_agg(to_jsonb(r)::text, ',' order by position) from requirement r"
                        + " where service_type_id = ?")
                .param(service)
                .query(String.class)
                .single(),
        "staff",
            jdbc.sql("select to_jsonb(s)::text from staff s where id = ?")
                .param(staff)
                .query(String.class)
                .single(),
        "audit",
            jdbc.sql("select count(*)::text from audit_event where office_id = ?")
                .param(office)
                .query(String.class)
                .single());
  }

  static List<String[]> regions() throws IOException {
    try (InputStream in = AdminJourneyTests.class.getResourceAsStream("/wilayah/wilayah.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .skip(1)
          .map(line -> line.split(",", 2))
          .toList();
    }
  }
}
