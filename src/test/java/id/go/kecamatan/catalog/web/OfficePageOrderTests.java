package id.go.kecamatan.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.catalog.ServiceType.Category;
import id.go.kecamatan.catalog.web.PublicSite.ServiceGroup;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OfficePageOrderTests {

  @Test
  void mostAskedForServicesComeFirstInTheirCategoryAndTheTopThreeAreMarked() {
    ServiceType waris = service("Surat Keterangan Waris", Category.NON_PERIZINAN, 1);
    ServiceType pindah = service("Surat Pindah Keluar", Category.NON_PERIZINAN, 2);
    ServiceType domisili = service("Surat Keterangan Domisili", Category.NON_PERIZINAN, 3);
    ServiceType sktm = service("SKTM", Category.NON_PERIZINAN, 4);
    ServiceType keramaian = service("Rekomendasi Izin Keramaian", Category.PERIZINAN, 5);
    ServiceType jalan = service("Izin Penggunaan Jalan", Category.PERIZINAN, 6);

    List<ServiceGroup> groups =
        PublicSite.grouped(
            List.of(waris, pindah, domisili, sktm, keramaian, jalan),
            Map.of(domisili.id(), 40, sktm.id(), 7, jalan.id(), 9, keramaian.id(), 1));

    assertThat(groups)
        .extracting(ServiceGroup::category)
        .containsExactly(Category.NON_PERIZINAN, Category.PERIZINAN);
    assertThat(groups.get(0).services()).containsExactly(domisili, sktm, waris, pindah);
    assertThat(groups.get(1).services()).containsExactly(jalan, keramaian);
    assertThat(groups.get(0).popular())
        .as("the three asked for most, across categories")
        .containsExactlyInAnyOrder(domisili.id(), jalan.id(), sktm.id());
  }

  @Test
  void withoutAnyApplicationsTheOfficesOwnOrderStaysAndNothingIsMarked() {
    ServiceType waris = service("Surat Keterangan Waris", Category.NON_PERIZINAN, 1);
    ServiceType jalan = service("Izin Penggunaan Jalan", Category.PERIZINAN, 2);
    ServiceType pindah = service("Surat Pindah Keluar", Category.NON_PERIZINAN, 3);

    List<ServiceGroup> groups = PublicSite.grouped(List.of(waris, jalan, pindah), Map.of());

    assertThat(groups)
        .extracting(ServiceGroup::category)
        .containsExactly(Category.NON_PERIZINAN, Category.PERIZINAN);
    assertThat(groups.get(0).services()).containsExactly(waris, pindah);
    assertThat(groups.get(0).popular()).isEmpty();
  }

  private static ServiceType service(String name, Category category, int position) {
    return new ServiceType(
        UUID.randomUUID(),
        UUID.randomUUID(),
        name.toUpperCase().replace(' ', '-'),
        name,
        category,
        "",
        List.of(),
        3,
        0,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "470",
        true,
        true,
        true,
        null,
        true,
        position,
        1,
        List.of());
  }
}
