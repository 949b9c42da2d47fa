package id.go.kecamatan.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service page shared on WhatsApp: the "Bagikan lewat WhatsApp" link opens WhatsApp with a ready
 * text and the page's address, and the address shows a preview with the service's name, office and
 * description (Open Graph), in the reader's language.
 */
@IntegrationTest
class ServicePageSharingIntegrationTests {

  @LocalServerPort int port;

  private static String sharedText(String page) {
    Matcher link =
        Pattern.compile("href=\"https://wa\\.me/\\?text=([^\"]+)\"[^>]*id=\"share-whatsapp\"")
            .matcher(page);
    assertThat(link.find()).as("the WhatsApp link").isTrue();
    return URLDecoder.decode(link.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8);
  }

  @Test
  void theWhatsAppLinkCarriesTheTextAndTheAddressAndTheAddressPreviewsTheService() {
    WebClient resident = new WebClient(port);
    String url = "http://localhost:" + port + "/kecamatan/jetis/layanan/SKW";

    String page = resident.get("/kecamatan/jetis/layanan/SKW").body();

    assertThat(sharedText(page))
        .isEqualTo(
            "Surat Keterangan Waris di Kecamatan Jetis: lihat persyaratannya dan ajukan secara"
                + " daring, gratis.\n"
                + url);
    assertThat(page)
        .contains(
            "<meta property=\"og:title\" content=\"Surat Keterangan Waris – Kecamatan Jetis\">")
        .contains("<meta property=\"og:url\" content=\"" + url + "\">")
        .contains("<meta property=\"og:locale\" content=\"id_ID\">")
        .containsPattern("<meta property=\"og:description\" content=\"[^\"]{20,}\">");

    String english = resident.get("/kecamatan/jetis/layanan/SKW?lang=en").body();
    assertThat(sharedText(english))
        .startsWith("Surat Keterangan Waris at Kecamatan Jetis: see what to bring and apply online")
        .endsWith("\n" + url);
  }

  /** A service offered only at the counter is not shared as one to apply for online. */
  @Test
  void aCounterOnlyServiceIsSharedWithoutOnlineApplication() {
    WebClient resident = new WebClient(port);
    String url = "http://localhost:" + port + "/kecamatan/jetis/layanan/EKTP";
    String page = resident.get("/kecamatan/jetis/layanan/EKTP").body();
    assertThat(page).doesNotContain("/layanan/EKTP/ajukan");
    assertThat(sharedText(page))
        .isEqualTo(
            "Perekaman KTP Elektronik di Kecamatan Jetis: lihat persyaratannya dan cara"
                + " mengajukannya di kantor, gratis.\n"
                + url)
        .doesNotContain("daring");
    assertThat(sharedText(resident.get("/kecamatan/jetis/layanan/EKTP?lang=en").body()))
        .contains("how to apply at the office")
        .doesNotContain("online");
  }
}
