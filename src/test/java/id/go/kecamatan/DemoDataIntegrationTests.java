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

  @Autowired Offices offices;
  @Autowired Catalog catalog;

  @Test
  void demoHasThreeOfficesWithTheirRealVillagesAndFourteenServicesEach() {
    // Other integration tests share this database and may register offices of their own
    // (OfficeOnboardingIntegrationTests adds 35.16.02), so only the demo's three are checked.
    List<String> demo = List.of("35.16.16", "33.02.27", "12.77.03");
    assertThat(offices.activeOffices()).extracting(Office::code).containsAll(demo);
    Office jetis = offices.bySlug("jetis").orElseThrow();
    assertThat(offices.villages(jetis.id())).hasSize(16)
        .anySatisfy(v -> assertThat(v.name()).isEqualTo("Kupang"));
    for (Office office : offices.activeOffices().stream().filter(o -> demo.contains(o.code())).toList()) {
      assertThat(catalog.activeServices(office.id(), "")).hasSize(14)
          .allSatisfy(s -> assertThat(s.requirements()).isNotEmpty());
    }
  }
}
