package id.go.kecamatan.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which public paths count as which kind of page, and which count not at all. */
class PageKindTests {

  @Test
  void officePagesAreCountedByKind() {
    assertThat(PageKind.of("/kecamatan/jetis"))
        .hasValue(new PageKind.Visit("jetis", PageKind.OFFICE));
    assertThat(PageKind.of("/kecamatan/jetis/layanan/SKW"))
        .hasValue(new PageKind.Visit("jetis", PageKind.SERVICE));
    assertThat(PageKind.of("/kecamatan/jetis/layanan/SKW/daftar-persyaratan"))
        .hasValue(new PageKind.Visit("jetis", PageKind.CHECKLIST));
    assertThat(PageKind.of("/kecamatan/jetis/layanan/SKW/panduan.pdf"))
        .hasValue(new PageKind.Visit("jetis", PageKind.GUIDE));
    assertThat(PageKind.of("/kecamatan/jetis/layanan/DOMISILI/ajukan"))
        .hasValue(new PageKind.Visit("jetis", PageKind.APPLY));
    assertThat(PageKind.of("/kecamatan/jetis/tanya-jawab"))
        .hasValue(new PageKind.Visit("jetis", PageKind.FAQ));
    assertThat(
            PageKind.of(
                "/kecamatan/purwokerto-utara/pengumuman/0b7e7c3a-1111-4f3e-9d1c-2a2a2a2a2a2a"))
        .hasValue(new PageKind.Visit("purwokerto-utara", PageKind.ANNOUNCEMENTS));
    assertThat(PageKind.of("/kecamatan/jetis/ikm"))
        .hasValue(new PageKind.Visit("jetis", PageKind.SURVEY));
  }

  @Test
  void machinesAndOtherAddressesAreNotCounted() {
    assertThat(PageKind.of("/kecamatan/jetis/pengumuman/teks-berjalan.txt")).isEmpty();
    assertThat(PageKind.of("/kecamatan/jetis/logo")).isEmpty();
    assertThat(PageKind.of("/")).isEmpty();
    assertThat(PageKind.of("/admin/sosialisasi")).isEmpty();
    assertThat(PageKind.of("/kecamatan/JETIS<script>")).isEmpty();
    assertThat(PageKind.of("/kecamatan/" + "a".repeat(200))).isEmpty();
  }
}
