package id.go.kecamatan.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The address a shared or printed link of the public site carries: on the configured public address
 * whatever address the page was opened at, so a WhatsApp share from an internal address still
 * works.
 */
class PublicAddressTests {

  @Test
  void sharedLinksUseTheConfiguredPublicAddress() {
    PublicSite site = new PublicSite(null, null, null, "https://layanan.mojokertokab.go.id/ ");
    assertThat(site.publicAddress("/kecamatan/{slug}/layanan/{code}", "jetis", "SKW"))
        .isEqualTo("https://layanan.mojokertokab.go.id/kecamatan/jetis/layanan/SKW");
    assertThat(site.publicAddress("/kecamatan/{slug}/logo", "jetis"))
        .isEqualTo("https://layanan.mojokertokab.go.id/kecamatan/jetis/logo");
  }
}
