package id.go.kecamatan.office;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped Kemendagri region list ({@code wilayah/wilayah.csv}). */
class RegionDirectoryTests {

  static final RegionDirectory regions = new RegionDirectory();

  @Test
  void jetisInMojokertoHasSixteenVillagesInCodeOrder() {
    assertThat(regions.find("35.16.16")).contains(new Region("35.16.16", "Jetis"));
    assertThat(regions.childrenOf("35.16.16"))
        .hasSize(16)
        .contains(new Region("35.16.16.2009", "Kupang"))
        .allSatisfy(village -> assertThat(village.level()).isEqualTo(Region.Level.VILLAGE))
        .extracting(Region::code)
        .isSorted()
        .startsWith("35.16.16.2001")
        .endsWith("35.16.16.2016");
  }

  @Test
  void quotedNamesWithCommasAreRead() {
    assertThat(regions.find("12.07.28.1007"))
        .contains(new Region("12.07.28.1007", "Lubuk Pakam I,II"));
    assertThat(regions.find("14.02.09.2010"))
        .contains(new Region("14.02.09.2010", "Lambang Sari I, II, III"));
  }

  @Test
  void levelsAndParentsFollowTheDottedCode() {
    Region kupang = regions.find("35.16.16.2009").orElseThrow();
    assertThat(kupang.parentCode()).isEqualTo("35.16.16");
    assertThat(regions.find("35.16").orElseThrow().level()).isEqualTo(Region.Level.REGENCY);
    assertThat(regions.find("35").orElseThrow().level()).isEqualTo(Region.Level.PROVINCE);
    assertThat(regions.find("35").orElseThrow().parentCode()).isNull();
    assertThat(regions.childrenOf("35.16")).contains(new Region("35.16.16", "Jetis"));
  }

  @Test
  void findTrimsAndToleratesUnknownOrMissingCodes() {
    assertThat(regions.find(" 35.16.16 ")).map(Region::name).contains("Jetis");
    assertThat(regions.find("99.99.99")).isEmpty();
    assertThat(regions.find(null)).isEmpty();
    assertThat(regions.childrenOf("99.99")).isEmpty();
  }

  @Test
  void kecamatanExistsOnlyForSixDigitsOfAKecamatan() {
    assertThat(regions.kecamatanExists("351616")).isTrue();
    assertThat(regions.kecamatanExists("999999")).isFalse();
    assertThat(regions.kecamatanExists("351600")).isFalse();
    assertThat(regions.kecamatanExists("35.16.16")).isFalse();
    assertThat(regions.kecamatanExists("3516")).isFalse();
    assertThat(regions.kecamatanExists("35161620")).isFalse();
    assertThat(regions.kecamatanExists(null)).isFalse();
  }
}
