package id.go.kecamatan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.TrackedApplications;
import id.go.kecamatan.portal.PortalResidents;
import id.go.kecamatan.portal.internal.PortalLimits;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident on a 360 px phone opens "Data saya" from the portal, downloads the archive of their
 * data, and deletes the documents of a withdrawn application after confirming; the pages pass the
 * WCAG 2.2 AA scan.
 */
@IntegrationTest
class MyDataJourneyTests extends BrowserJourney {

  @Autowired Applications applications;
  @Autowired TrackedApplications tracked;
  @Autowired JdbcClient jdbc;
  @Autowired PortalLimits limits;

  @Test
  void aResidentDownloadsTheirDataAndDeletesTheDocumentsOfAFinishedApplication() throws Exception {
    limits.reset();
    PortalResidents residents = new PortalResidents(applications, jdbc);
    String phone = PortalResidents.newPhone();
    Application withdrawn = residents.applyFrom("Ani Arsip", phone, null);
    Application open = residents.applyFrom("Ani Arsip", phone, null);
    tracked.withdraw(withdrawn.trackingCode(), "Salah layanan");

    page.navigate("/masuk-warga");
    page.getByLabel("Nomor WhatsApp atau alamat e-mail").fill(phone);
    button("Kirim kode").click();
    page.getByLabel("Kode masuk (6 angka)").fill(residents.lastCode(phone));
    button("Masuk").click();
    assertThat(page).hasURL(Pattern.compile("/portal$"));

    link("Data saya: unduh atau hapus").click();
    assertThat(heading()).hasText("Data saya");
    assertThat(scrollWidth(page)).isLessThanOrEqualTo(PHONE_WIDTH);
    axeScan(page);

    Download download = page.waitForDownload(() -> link("Unduh semua data saya (ZIP)").click());
    assertThat(download.suggestedFilename()).matches("data-saya-\\d{4}-\\d{2}-\\d{2}\\.zip");
    assertThat(Files.size(download.path())).isGreaterThan(1000);

    Locator openCard =
        page.locator(".card", new Page.LocatorOptions().setHasText(open.trackingCode().value()));
    assertThat(openCard)
        .containsText("Berkas tidak dapat dihapus selama permohonan masih diproses.");
    Locator withdrawnCard =
        page.locator(
            ".card", new Page.LocatorOptions().setHasText(withdrawn.trackingCode().value()));
    withdrawnCard.getByRole(AriaRole.LINK).click();
    assertThat(heading()).hasText("Hapus berkas persyaratan?");
    axeScan(page);
    button("Ya, hapus berkas").click();

    assertThat(page).hasURL(Pattern.compile("/portal/data-saya$"));
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("Berkas persyaratan sudah dihapus.");
    assertThat(withdrawnCard).containsText("Tidak ada berkas persyaratan yang tersimpan.");
    axeScan(page);
  }

  private Locator heading() {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private Locator link(String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private Locator button(String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
