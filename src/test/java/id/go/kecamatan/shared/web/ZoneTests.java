package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The regency's own time zone: one of Indonesia's three, told by the province of a region code, and
 * named in no other class or template than {@link Zone} (ADR 0045).
 */
class ZoneTests {

  @Test
  void theSettingNamesOneOfTheThreeZones() {
    assertThat(Zone.parse("Asia/Jakarta")).contains(Zone.WIB);
    assertThat(Zone.parse(" Asia/Makassar ")).contains(Zone.WITA);
    assertThat(Zone.parse("Asia/Jayapura")).contains(Zone.WIT);
    assertThat(Zone.parse("Asia/Singapore")).isEmpty();
    assertThat(Zone.parse("UTC")).isEmpty();
    assertThat(Zone.parse("")).isEmpty();
    assertThat(Zone.parse(null)).isEmpty();
  }

  @Test
  void aClockTellsItsZoneAndLabel() {
    Clock makassar = Clock.fixed(Instant.parse("2026-12-06T16:30:00Z"), ZoneId.of("Asia/Makassar"));
    assertThat(Zone.of(makassar)).isEqualTo(Zone.WITA);
    assertThat(Zone.of(makassar).label()).isEqualTo("WITA");
    assertThat(Zone.of(ZoneId.of("Asia/Jayapura")).label()).isEqualTo("WIT");
    assertThatThrownBy(() -> Zone.of(ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theProvinceOfARegionCodeTellsItsZone() {
    assertThat(Zone.ofRegion("35.16")).isEqualTo(Zone.WIB); // Kabupaten Mojokerto
    assertThat(Zone.ofRegion("61.71")).isEqualTo(Zone.WIB); // Kota Pontianak
    assertThat(Zone.ofRegion("62.71")).isEqualTo(Zone.WIB); // Kota Palangka Raya
    assertThat(Zone.ofRegion("51.71")).isEqualTo(Zone.WITA); // Kota Denpasar
    assertThat(Zone.ofRegion("63.71.01")).isEqualTo(Zone.WITA); // a kecamatan of Banjarmasin
    assertThat(Zone.ofRegion("76.01")).isEqualTo(Zone.WITA); // Sulawesi Barat
    assertThat(Zone.ofRegion("81.71")).isEqualTo(Zone.WIT); // Kota Ambon
    assertThat(Zone.ofRegion("96.71")).isEqualTo(Zone.WIT); // Kota Sorong
    assertThatThrownBy(() -> Zone.ofRegion("Bali")).isInstanceOf(IllegalArgumentException.class);
  }

  /** Every province of the shipped region codes, by its name: the rule holds for all 38. */
  @Test
  void everyShippedProvinceHasTheZoneOfItsIsland() throws IOException {
    Pattern wita =
        Pattern.compile(
            "Bali|Nusa Tenggara .*|Kalimantan (Selatan|Timur|Utara)|Sulawesi .*|Gorontalo");
    Pattern wit = Pattern.compile("Maluku.*|Papua.*");
    List<String> provinces = new ArrayList<>();
    try (Stream<String> lines =
        Files.lines(Path.of("src/main/resources/wilayah/wilayah.csv"), StandardCharsets.UTF_8)) {
      lines.filter(l -> l.matches("\\d{2},.*")).forEach(provinces::add);
    }
    assertThat(provinces).hasSize(38);
    for (String line : provinces) {
      String code = line.substring(0, 2);
      String name = line.substring(3).strip();
      Zone expected =
          wita.matcher(name).matches()
              ? Zone.WITA
              : wit.matcher(name).matches() ? Zone.WIT : Zone.WIB;
      assertThat(Zone.ofRegion(code)).as(line).isEqualTo(expected);
    }
  }

  /**
   * No class or template but {@link Zone} names a zone or the label of Jakarta's: a day or a time
   * taken in a zone of its own would be an hour or two off in a regency outside Java (the old code
   * named Jakarta in some 50 places). {@code Zone.WIB} is the constant, and allowed.
   */
  @Test
  void noClassOrTemplateButZoneNamesAZone() throws IOException {
    Pattern named =
        Pattern.compile(
            "Asia/(Jakarta|Makassar|Jayapura|Pontianak)|(?<!Zone\\.)\\bWIB\\b" + "|at time zone '");
    List<String> found = new ArrayList<>();
    for (String root : List.of("src/main/java", "src/main/jte")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          if (file.endsWith(Path.of("shared", "web", "Zone.java"))) {
            continue;
          }
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            if (named.matcher(lines.get(i)).find()) {
              found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(found).as("ask the Clock bean or Zone instead").isEmpty();
  }
}
