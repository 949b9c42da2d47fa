package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DemoDataIntegrationTests {

  /** Other tests share the database and may register more kecamatan. */
  static final List<String> DEMO_OFFICES = List.of("35.16.16", "33.02.27", "12.77.03");

  @Autowired Offices offices;
  @Autowired Catalog catalog;

  @Test
  void demoHasThreeOfficesWithTheirRealVillagesAndFourteenServicesEach() {
    assertThat(offices.activeOffices()).extracting(Office::code).containsAll(DEMO_OFFICES);
    Office jetis = offices.bySlug("jetis").orElseThrow();
    assertThat(offices.villages(jetis.id()))
        .hasSize(16)
        .anySatisfy(v -> assertThat(v.name()).isEqualTo("Kupang"));
    for (Office office :
        offices.activeOffices().stream()
            .filter(office -> DEMO_OFFICES.contains(office.code()))
            .toList()) {
      assertThat(catalog.activeServices(office.id(), ""))
          .hasSize(14)
          .allSatisfy(s -> assertThat(s.requirements()).isNotEmpty());
    }
  }
}
